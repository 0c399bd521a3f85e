import { test, expect } from '@playwright/test';
import type { FullConfig, FullResult, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { sends } from '../safety/plan';
import type { ConformanceReport } from './conformance-types';
import ConformanceReporter from './conformance-reporter';

type Annotation = { type: string; description?: string };
type Attachment = TestResult['attachments'][number];

/** A TestCase as a reporter sees it, with one result (none when `result` is null: the test never ran). */
function testCase(
  id: string,
  project: string,
  result: { status: TestResult['status']; annotations?: Annotation[]; attachments?: Attachment[] } | null,
  annotations: Annotation[] = [],
): [TestCase, TestResult | undefined] {
  const r =
    result &&
    ({
      status: result.status,
      annotations: result.annotations ?? [],
      attachments: result.attachments ?? [],
      errors: [],
    } as unknown as TestResult);
  const tc = {
    id,
    title: `title ${id}`,
    annotations,
    results: r ? [r] : [],
    titlePath: () => ['', project, 'suites/x.spec.ts', `title ${id}`],
    parent: { project: () => ({ name: project }) },
    outcome: () => (!r || r.status === 'skipped' ? 'skipped' : r.status === 'passed' ? 'expected' : 'unexpected'),
  } as unknown as TestCase;
  return [tc, r ?? undefined];
}

/** Runs the reporter's hooks over the tests as Playwright would; returns onEnd's answer and the directory. */
async function report(
  cases: [TestCase, TestResult | undefined][],
  projects: { name: string; use: object }[] = [{ name: 'mock', use: {} }],
) {
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-reporter-'));
  const reporter = new ConformanceReporter({ outputFile: 'out/conformance.json', configDir: dir });
  reporter.onBegin({ projects } as unknown as FullConfig, { allTests: () => cases.map(([t]) => t) } as unknown as Suite);
  for (const [t, r] of cases) if (r) reporter.onTestEnd(t, r);
  const answer = await reporter.onEnd({ status: 'passed', startTime: new Date('2026-11-24T10:00:00Z'), duration: 42 } as FullResult);
  const file = join(dir, 'out', 'conformance.json');
  return { answer, dir, file, read: () => JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport };
}

const check = (status: string) => ({
  type: 'vcconform.check',
  description: JSON.stringify({
    check: 'status-is-documented',
    operation: 'session.create',
    status,
    scenario: 'login',
    issues: [{ message: 'm', received: '200' }],
  }),
});
const exchange = {
  operation: 'session.create',
  request: { method: 'POST', url: '/api/session', headers: { authorization: 'Basic <redacted>' } },
  status: 200,
  headers: {},
  body: 'x',
  text: '"x"',
  bodyIsJson: true,
  at: '2026-11-24T10:00:00.000Z',
  durationMs: 1,
};
const evidenceText = JSON.stringify({ scenario: 'login', intent: { kind: 'valid' }, exchange, failedChecks: ['status-is-documented'] });
const json = (name: string, body: string): Attachment => ({ name, contentType: 'application/json', body: Buffer.from(body) });

test.describe('ConformanceReporter: the Playwright hooks around buildReport', () => {
  test(
    'reads attachments given as a body or as a file, writes conformance.json ' +
      'atomically, and takes the run from the tests before the config',
    async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'vcconform-attachment-'));
      writeFileSync(join(scratch, 'evidence.json'), evidenceText);
      const coverage = JSON.stringify({
        run: { kind: 'mock', url: 'embedded', seed: 7 },
        operations: [{ operation: 'session.create', statuses: [{ status: 200, errorType: null, count: 1 }], optionalFields: [] }],
      });
      const { answer, dir, read } = await report(
        [
          testCase('t1', 'mock', {
            status: 'failed',
            annotations: [check('failed')],
            attachments: [
              { name: 'evidence: login', contentType: 'application/json', path: join(scratch, 'evidence.json') },
              json('vcconform.coverage', coverage),
              json('trace', '{'),
            ],
          }),
          testCase('t2', 'self', { status: 'passed' }),
        ],
        [{ name: 'mock', use: { vcconform: { seed: 5 } } }],
      );
      expect(answer).toBeUndefined();
      const r = read();
      expect(validatorFor('Vcconform.Conformance.Report')(r)).toBe(true);
      expect(r).toMatchObject({
        seed: 7,
        verdict: 'fail',
        startedAt: '2026-11-24T10:00:00.000Z',
        durationMs: 42,
        tests: { total: 1, failed: 1 },
      });
      expect(r.failures.map((f) => [f.testId, f.test, f.scenario, f.issues])).toEqual([
        ['t1', 'suites/x.spec.ts › title t1', 'login', [{ message: 'm', received: '200' }]],
      ]);
      expect(r.coverage[0]!.statuses.find((s) => s.status === 200)).toEqual({
        status: 200,
        errorType: null,
        documented: false,
        observed: 1,
      });
      expect(r.harness.version).toBe(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
      expect(readdirSync(join(dir, 'out')), 'both files, written atomically: no temporary file is left').toEqual([
        'conformance.html',
        'conformance.json',
      ]);
    },
  );

  test(
    'without coverage attachments the run comes from the project options; ' + 'a test that never ran counts as skipped with its plan',
    async () => {
      const plan = sends({ 'state-changing': ['clusters.upgrade'] }).annotation;
      const live = { vcconform: { seed: 5, replay: '/tmp/rec', live: { profile: { url: 'https://vcsa.lab.example/' } } } };
      const { read } = await report(
        [
          testCase('t1', 'live', null, [plan, { type: 'skip', description: 'safe mode' }]),
          testCase('t2', 'live', { status: 'passed', annotations: [] }, [check('passed')]),
        ],
        [{ name: 'live', use: live }],
      );
      const r = read();
      expect(r).toMatchObject({
        target: { kind: 'replay', url: 'https://vcsa.lab.example', build: null },
        seed: 5,
        verdict: 'pass',
        tests: { total: 2, passed: 1, skipped: 1 },
      });
      expect(r.results.map((x) => [x.operation, x.check, x.status, x.reason, x.tests])).toEqual([
        ['clusters.upgrade', '*', 'skipped', 'safe mode', ['t1']],
        ['session.create', 'status-is-documented', 'passed', undefined, ['t2']],
      ]);
    },
  );

  test(
    'a run without mock or live tests, or that ran none (--list), writes nothing; ' +
      'an unreadable attachment fails the run instead of writing a partial report',
    async () => {
      const self = await report([testCase('t1', 'self', { status: 'passed' })]);
      expect(self.answer).toBeUndefined();
      expect(existsSync(self.file)).toBe(false);
      const listed = await report([testCase('t1', 'mock', null), testCase('t2', 'mock', null)]);
      expect(existsSync(listed.file)).toBe(false);
      expect(existsSync((await report([testCase('t1', 'mock', null), testCase('t2', 'mock', { status: 'skipped' })])).file)).toBe(true);
      const said: string[] = [];
      const write = process.stderr.write;
      process.stderr.write = ((text: string) => {
        said.push(text);
        return true;
      }) as typeof write;
      const broken = await report([
        testCase('t1', 'mock', {
          status: 'passed',
          attachments: [{ name: 'vcconform.coverage', contentType: 'application/json', path: '/nonexistent/coverage.json' }],
        }),
      ]).finally(() => {
        process.stderr.write = write;
      });
      expect(broken.answer).toEqual({ status: 'failed' });
      expect(said.join('')).toMatch(
        /^\[vcconform\] Failed to write \S+conformance\.json: attachment "vcconform\.coverage" of "title t1" could not be read \(ENOENT/,
      );
      expect(existsSync(broken.file)).toBe(false);
    },
  );
});
