import { test, expect } from '@playwright/test';
import { validatorFor } from '../../specs/index';
import type { Evidence, Exchange } from '../checks/types';
import { sends } from '../safety/plan';
import { buildReport, reportedProject, type ReportInput } from './build-report';
import type { CollectedTest } from './collected-test';
import type { ConformanceReport } from './conformance-types';
import { COVERAGE_ATTACHMENT, type RunInfo, type TestCoverage } from './coverage';

const STARTED = new Date('2026-11-24T10:00:00.000Z');
const MOCK: RunInfo = { kind: 'mock', url: 'embedded', seed: 20261124, build: null };
const BUILD = {
  product: 'VMware vCenter Server',
  version: '9.1.0.0',
  build: '24321653',
  type: 'vCenter Server with an embedded Platform Services Controller',
  releasedate: '',
};

/** A collected test: passed in project mock unless told otherwise. */
function collected(id: string, over: Partial<CollectedTest> = {}): CollectedTest {
  return {
    id,
    title: `test ${id}`,
    titlePath: `suites/x.spec.ts › group › test ${id}`,
    project: 'mock',
    outcome: 'expected',
    status: 'passed',
    annotations: [],
    attachments: [],
    errors: [],
    ...over,
  };
}
const check = (name: string, operation: string, status: string, scenario = 's', issues: unknown[] = []) => ({
  type: 'vcconform.check',
  description: JSON.stringify({ check: name, operation, status, scenario, issues }),
});
const property = (seed: number) => ({ type: 'vcconform.property', description: JSON.stringify({ seed, numRuns: 10, failed: false }) });
const coverage = (run: RunInfo, operations: TestCoverage['operations'] = []) => ({
  name: COVERAGE_ATTACHMENT,
  text: JSON.stringify({ run, operations }),
});

function exchange(over: Partial<Exchange> = {}): Exchange {
  return {
    operation: 'clusters.upgradeMultiple',
    request: {
      method: 'POST',
      url: '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple',
      headers: { 'vmware-api-session-id': '<redacted:session-id>', 'content-type': 'application/json' },
      rawBody: '{"domain-c10":{"desired_version":"v1"}}',
      body: {},
    },
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: { error_type: 'UNAUTHORIZED' },
    text: '{"error_type":"UNAUTHORIZED","messages":[]}',
    bodyIsJson: true,
    at: '2026-11-24T10:00:00.000Z',
    durationMs: 5,
    ...over,
  };
}
const evidence = (scenario: string, failedChecks: string[], over: Partial<Evidence> = {}) => ({
  name: `evidence: ${scenario}`,
  text: JSON.stringify({ scenario, intent: { kind: 'valid' }, exchange: exchange(), failedChecks, ...over }),
});
const poll = (at: string, durationMs: number, status: number, body: unknown): Exchange =>
  exchange({ operation: 'tasks.get', at, durationMs, status, body });

const build = (tests: CollectedTest[], over: Partial<ReportInput> = {}) =>
  buildReport({ tests, startedAt: STARTED, durationMs: 1500, harnessVersion: '9.9.9', ...over }) as ConformanceReport;

/** The report, after asserting it is valid against the published schema. */
function valid(report: ConformanceReport | undefined): ConformanceReport {
  const validate = validatorFor('Vcconform.Conformance.Report');
  expect(validate(report) ? [] : validate.errors).toEqual([]);
  return report!;
}

const UNAUTH_ISSUE = {
  check: 'unprivileged-is-403-unauthorized',
  severity: 'failure',
  message: 'refused with 400',
  received: '400 UNAUTHORIZED',
  documented: '403 UNAUTHORIZED',
  pointer: '',
};

test.describe('buildReport: collected tests → conformance.json', () => {
  test('a run without mock or live tests (self-tests) gets no report; live wins over mock', () => {
    expect(
      buildReport({ tests: [collected('a', { project: 'self' })], startedAt: STARTED, durationMs: 1, harnessVersion: '1' }),
    ).toBeUndefined();
    expect(reportedProject([collected('a', { project: 'mock' }), collected('b', { project: 'live' })])).toBe('live');
    const report = valid(build([collected('a', { project: 'self' }), collected('b')]));
    expect(report.tests.total).toBe(1);
  });

  test('a clean run: one result per (operation, check), the worst status wins, severity from the registry, verdict pass', () => {
    const report = valid(
      build([
        collected('t2', {
          annotations: [
            check('status-is-documented', 'session.create', 'passed'),
            check('unset-fields-are-omitted-not-null', 'session.get', 'info'),
          ],
          attachments: [coverage(MOCK)],
        }),
        collected('t1', {
          annotations: [
            check('status-is-documented', 'session.create', 'passed'),
            check('unauthenticated-carries-challenge', 'session.get', 'warning'),
            check('unauthenticated-carries-challenge', 'session.get', 'passed'),
          ],
        }),
      ]),
    );
    expect(report).toMatchObject({
      format: 'vcconform-conformance',
      version: 1,
      target: { kind: 'mock', url: 'embedded', build: null },
      startedAt: '2026-11-24T10:00:00.000Z',
      durationMs: 1500,
      harness: { name: 'vcconform', version: '9.9.9' },
      seed: 20261124,
      verdict: 'pass',
      failures: [],
      errors: [],
    });
    expect(report.results).toEqual([
      {
        operation: 'session.create',
        check: 'status-is-documented',
        severity: 'failure',
        status: 'passed',
        counts: { passed: 2, failed: 0, warning: 0, info: 0, skipped: 0 },
        tests: ['t1', 't2'],
      },
      {
        operation: 'session.get',
        check: 'unauthenticated-carries-challenge',
        severity: 'warning',
        status: 'warning',
        counts: { passed: 1, failed: 0, warning: 1, info: 0, skipped: 0 },
        tests: ['t1'],
      },
      {
        operation: 'session.get',
        check: 'unset-fields-are-omitted-not-null',
        severity: 'observation',
        status: 'info',
        counts: { passed: 0, failed: 0, warning: 0, info: 1, skipped: 0 },
        tests: ['t2'],
      },
    ]);
    expect(report.counts).toEqual({ passed: 1, failed: 0, warning: 1, info: 1, skipped: 0 });
    expect(report.tests).toEqual({ total: 2, passed: 2, failed: 0, skipped: 0, flaky: 0 });
  });

  test('a failed check gives a failed result and a Failure with issues, the exchange, a curl line, the replay and the task polls', () => {
    const polls = [
      poll('2026-11-24T10:00:00.000Z', 10, 200, { status: 'RUNNING', progress: { completed: 1, total: 4 } }),
      poll('2026-11-24T10:00:00.500Z', 20, 200, { status: 'SUCCEEDED' }),
      poll('2026-11-24T10:00:01.000Z', 0, 404, { error_type: 'NOT_FOUND' }),
    ];
    const failing = collected('f1', {
      title: "upgradeMultiple by the read-only user isn't allowed",
      outcome: 'unexpected',
      status: 'failed',
      errors: ['Error: [vcconform] Property failed'],
      annotations: [
        property(42),
        check('unprivileged-is-403-unauthorized', 'clusters.upgradeMultiple', 'failed', 'batch by read-only', [UNAUTH_ISSUE]),
        check('status-is-documented', 'clusters.upgradeMultiple', 'passed', 'batch by read-only'),
      ],
      attachments: [
        evidence('batch by read-only', ['unprivileged-is-403-unauthorized'], {
          replay: { seed: 42, path: '7:0' },
          task: { taskId: 'task-1', polls, outcome: 'terminal', budgetMs: 3000 },
        }),
      ],
    });
    const report = valid(
      build([failing, collected('p1', { annotations: [check('unprivileged-is-403-unauthorized', 'clusters.upgradeMultiple', 'passed')] })]),
    );
    expect(report.verdict).toBe('fail');
    expect(report.results.find((r) => r.check === 'unprivileged-is-403-unauthorized')).toMatchObject({
      status: 'failed',
      counts: { passed: 1, failed: 1 },
      tests: ['f1', 'p1'],
    });
    expect(report.errors).toEqual([]);
    expect(report.failures).toEqual([
      {
        operation: 'clusters.upgradeMultiple',
        check: 'unprivileged-is-403-unauthorized',
        rule: expect.stringContaining('403 UNAUTHORIZED'),
        testId: 'f1',
        test: failing.titlePath,
        scenario: 'batch by read-only',
        issues: [{ message: 'refused with 400', received: '400 UNAUTHORIZED', documented: '403 UNAUTHORIZED', pointer: '' }],
        exchange: {
          method: 'POST',
          url: '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple',
          requestHeaders: { 'vmware-api-session-id': '<redacted:session-id>', 'content-type': 'application/json' },
          requestBody: '{"domain-c10":{"desired_version":"v1"}}',
          status: 400,
          responseHeaders: { 'content-type': 'application/json' },
          responseBody: '{"error_type":"UNAUTHORIZED","messages":[]}',
        },
        curl:
          `curl -sS -X POST "$VCENTER_URL"'/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple' ` +
          `-H "vmware-api-session-id: $VMWARE_API_SESSION_ID" ` +
          `-H 'content-type: application/json' --data-raw '{"domain-c10":{"desired_version":"v1"}}'`,
        replay: {
          seed: 42,
          path: '7:0',
          command: "vcconform run --seed 42 --path 7:0 --grep 'upgradeMultiple by the read-only user isn.t allowed'",
        },
        task: {
          taskId: 'task-1',
          outcome: 'terminal',
          budgetMs: 3000,
          polls: [
            { at: '2026-11-24T10:00:00.010Z', offsetMs: 0, httpStatus: 200, status: 'RUNNING', completed: 1, total: 4 },
            { at: '2026-11-24T10:00:00.520Z', offsetMs: 510, httpStatus: 200, status: 'SUCCEEDED' },
            { at: '2026-11-24T10:00:01.000Z', offsetMs: 990, httpStatus: 404 },
          ],
        },
      },
    ]);
    expect(report.seeds).toEqual([42]);
  });

  test(
    'evidence without replay or task gives nulls; live targets get ' + 'their URL in the curl line; same-named scenarios pair in order',
    () => {
      const live: RunInfo = { kind: 'live', url: 'https://vcsa.lab.example', seed: null, build: null };
      const issue = (message: string) => ({ ...UNAUTH_ISSUE, message });
      const t = collected('f1', {
        project: 'live',
        outcome: 'unexpected',
        status: 'failed',
        annotations: [
          check('unprivileged-is-403-unauthorized', 'clusters.upgradeMultiple', 'failed', 'same', [issue('first')]),
          check('unprivileged-is-403-unauthorized', 'clusters.upgradeMultiple', 'failed', 'same', [issue('second')]),
        ],
        attachments: [
          coverage(live),
          evidence('same', ['unprivileged-is-403-unauthorized']),
          evidence('same', ['unprivileged-is-403-unauthorized', 'check-without-annotation']),
        ],
      });
      const report = valid(build([t]));
      expect(report.target).toEqual({ kind: 'live', url: 'https://vcsa.lab.example', build: null });
      expect(report.seed).toBeNull();
      expect(report.failures.map((f) => [f.check, f.issues.map((i) => i.message), f.replay, f.task])).toEqual([
        ['check-without-annotation', [], null, null],
        ['unprivileged-is-403-unauthorized', ['first'], null, null],
        ['unprivileged-is-403-unauthorized', ['second'], null, null],
      ]);
      expect(report.failures[1]!.curl).toMatch(/^curl -sS -X POST 'https:\/\/vcsa\.lab\.example\/api\/vcenter\//);
      expect(report.failures[0]!.rule).toBe('');
    },
  );

  test('tests that failed without a failed check are errors: the first lines of the message, colours removed', () => {
    const report = valid(
      build([
        collected('e1', {
          outcome: 'unexpected',
          status: 'timedOut',
          errors: ['\u001b[31mTest timeout of 30000ms exceeded.\u001b[39m\n\nwhile running\n  at a\n  at b'],
        }),
        collected('e2', { outcome: 'unexpected', status: 'passed', errors: [] }),
        collected('e3', {
          outcome: 'unexpected',
          status: 'failed',
          errors: ['boom'],
          annotations: [check('status-is-documented', 'session.get', 'failed')],
        }),
        collected('e4', { outcome: 'flaky', status: 'passed', errors: [] }),
      ]),
    );
    expect(report.errors).toEqual([
      { testId: 'e1', test: 'suites/x.spec.ts › group › test e1', message: 'Test timeout of 30000ms exceeded.\nwhile running\n  at a' },
      { testId: 'e2', test: 'suites/x.spec.ts › group › test e2', message: 'the test ended passed, which was not expected' },
    ]);
    expect(report.tests).toEqual({ total: 4, passed: 0, failed: 3, skipped: 0, flaky: 1 });
    expect(report.verdict).toBe('fail');
    expect(valid(build([collected('e1', { outcome: 'unexpected', status: 'timedOut', errors: ['timeout'] })])).verdict).toBe('fail');
    expect(valid(build([collected('ok', { outcome: 'flaky' })])).verdict).toBe('pass');
    // A failed check fails the run even in a test that was expected to fail (test.fail()).
    const expectedToFail = valid(
      build([
        collected('xf', { outcome: 'expected', status: 'failed', annotations: [check('status-is-documented', 'session.get', 'failed')] }),
      ]),
    );
    expect([expectedToFail.verdict, expectedToFail.tests.failed, expectedToFail.errors]).toEqual(['fail', 0, []]);
  });

  test('skipped tests give one skipped entry per (planned operation, reason)', () => {
    const plan = sends({ 'read-only': ['session.create', 'clusters.get'], 'state-changing': ['clusters.upgrade'] }).annotation;
    const safe = 'safe mode: this test sends state-changing requests (clusters.upgrade)';
    const report = valid(
      build([
        collected('s1', { outcome: 'skipped', status: 'skipped', annotations: [plan, { type: 'skip', description: safe }] }),
        collected('s2', {
          outcome: 'skipped',
          status: 'skipped',
          annotations: [sends({ 'state-changing': ['clusters.upgrade'] }).annotation, { type: 'skip', description: safe }],
        }),
        collected('s3', {
          outcome: 'skipped',
          status: 'skipped',
          annotations: [plan, { type: 'skip', description: 'the target has no user for role operator' }],
        }),
        collected('s4', { outcome: 'skipped', status: 'skipped', annotations: [{ type: 'skip' }] }),
      ]),
    );
    const skipped = report.results.map((r) => [r.operation, r.check, r.severity, r.status, r.reason, r.counts.skipped, r.tests.join(',')]);
    expect(skipped).toEqual([
      ['-', '*', null, 'skipped', 'skipped (no reason given)', 1, 's4'],
      ['clusters.get', '*', null, 'skipped', safe, 1, 's1'],
      ['clusters.get', '*', null, 'skipped', 'the target has no user for role operator', 1, 's3'],
      ['clusters.upgrade', '*', null, 'skipped', safe, 2, 's1,s2'],
      ['clusters.upgrade', '*', null, 'skipped', 'the target has no user for role operator', 1, 's3'],
      ['session.create', '*', null, 'skipped', safe, 1, 's1'],
      ['session.create', '*', null, 'skipped', 'the target has no user for role operator', 1, 's3'],
    ]);
    expect(report.counts.skipped).toBe(7);
    expect(report.tests).toMatchObject({ total: 4, skipped: 4 });
    expect(report.verdict).toBe('pass');
  });

  test('seeds and coverage are gathered from every test; the run facts come from the tests, else the config, else the project', () => {
    const use = (count: number, unset: number) => [
      { operation: 'session.create', statuses: [{ status: 201, errorType: null, count }], optionalFields: [] },
      {
        operation: 'clusters.upgradeMultiple',
        statuses: [],
        optionalFields: [{ field: 'ignore_precheck_warnings', unset, explicit: 1, empty: 0 }],
      },
    ];
    const report = valid(
      build([
        collected('a', { annotations: [property(9), property(3)], attachments: [coverage(MOCK, use(2, 1))] }),
        collected('b', { annotations: [property(3)], attachments: [coverage(MOCK, use(5, 4))] }),
      ]),
    );
    expect(report.seeds).toEqual([3, 9]);
    expect(report.coverage.find((c) => c.operation === 'session.create')!.statuses[0]).toEqual({
      status: 201,
      errorType: null,
      documented: true,
      observed: 7,
    });
    expect(report.coverage.find((c) => c.operation === 'clusters.upgradeMultiple')!.optionalFields).toEqual([
      { field: 'ignore_precheck_warnings', unset: 5, explicit: 2, empty: 0 },
    ]);
    const configured = { live: { kind: 'replay' as const, url: 'https://vcsa.lab.example', seed: 5, build: null } };
    expect(valid(build([collected('a', { project: 'live' })], { configured })).target).toEqual({
      kind: 'replay',
      url: 'https://vcsa.lab.example',
      build: null,
    });
    const recorded = { live: { ...configured.live, build: BUILD } };
    expect(
      valid(build([collected('a', { project: 'live' })], { configured: recorded })).target,
      'a run whose tests all skipped before their fixtures',
    ).toEqual({ kind: 'replay', url: 'https://vcsa.lab.example', build: BUILD });
    expect(valid(build([collected('a', { project: 'live' })])).target).toEqual({ kind: 'live', url: 'unknown', build: null });
    expect(valid(build([collected('a')])).seed).toBeNull();
  });

  test(
    'the build is the one the tests carry: the first test (by id) ' + 'that names one; null when none does, as from older blob reports',
    () => {
      const withBuild = { ...MOCK, build: BUILD };
      const report = valid(
        build([
          collected('b', { attachments: [coverage(withBuild)] }),
          collected('a', { attachments: [coverage(MOCK)] }),
          collected('c', { attachments: [coverage({ ...MOCK, build: { ...BUILD, build: '1' } })] }),
        ]),
      );
      expect(report.target).toEqual({ kind: 'mock', url: 'embedded', build: BUILD });
      expect(valid(build([collected('a', { attachments: [coverage(MOCK)] })])).target.build).toBeNull();
      const { build: _b, ...older } = MOCK;
      expect(valid(build([collected('a', { attachments: [coverage(older as RunInfo)] })])).target.build).toBeNull();
      expect(valid(build([collected('a', { project: 'live', status: 'skipped', outcome: 'skipped' })])).target.build).toBeNull();
    },
  );

  test('the report does not depend on the order the tests ended in (shards merge in any order)', () => {
    const tests = [
      collected('c', {
        outcome: 'unexpected',
        status: 'failed',
        annotations: [check('unprivileged-is-403-unauthorized', 'clusters.upgradeMultiple', 'failed', 's', [UNAUTH_ISSUE])],
        attachments: [coverage(MOCK), evidence('s', ['unprivileged-is-403-unauthorized'])],
      }),
      collected('a', {
        annotations: [check('status-is-documented', 'session.create', 'passed'), property(2)],
        attachments: [coverage(MOCK)],
      }),
      collected('b', { outcome: 'unexpected', status: 'failed', errors: ['x'], annotations: [property(1)] }),
    ];
    expect(build([...tests].reverse())).toEqual(build(tests));
    expect(build([tests[1]!, tests[2]!, tests[0]!])).toEqual(build(tests));
  });

  test('an annotation or attachment that is not JSON is an error naming the test', () => {
    expect(() => build([collected('a', { annotations: [{ type: 'vcconform.check', description: '{' }] })])).toThrow(
      /Failed to read the vcconform\.check annotation of "suites\/x\.spec\.ts › group › test a"/,
    );
    expect(() => build([collected('a', { attachments: [{ name: COVERAGE_ATTACHMENT, text: 'nope' }] })])).toThrow(
      /attachment "vcconform\.coverage"/,
    );
  });
});
