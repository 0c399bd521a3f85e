import { test, expect } from '@playwright/test';
import { sends } from '../../safety/plan';
import type { Io } from '../io';
import { planLines, plannedTests, printPlan, type PlannedTest } from './dry-run';

type Annotation = { type: string; description?: string };
const spec = (title: string, file: string, ...annotations: Annotation[]) => ({ title, file, tests: [{ annotations }] });

const READS = sends({ 'read-only': ['clusters.get', 'clusters.list'] }).annotation;
const STAGES = sends({ 'read-only': ['tasks.get'], 'state-changing': ['software.stage'] }).annotation;
const REJECTED = sends({ 'expected-rejected': ['upgrade'] }).annotation;

/** A `playwright test --list --reporter=json` shaped listing: file suites with nested describes. */
const LISTING = {
  suites: [
    {
      title: 'clusters.read.spec.ts',
      file: 'clusters.read.spec.ts',
      specs: [spec('lists clusters', 'clusters.read.spec.ts', READS)],
      suites: [
        {
          title: 'stage',
          file: 'clusters.read.spec.ts',
          specs: [spec('stages a cluster', 'clusters.read.spec.ts', STAGES)],
          suites: [{ title: 'errors', file: 'clusters.read.spec.ts', specs: [spec('refuses a bad version', 'clusters.read.spec.ts', { type: 'issue', description: 'x' }, REJECTED)] }],
        },
      ],
    },
    { title: 'legacy.spec.ts', file: 'legacy.spec.ts', specs: [spec('has no plan', 'legacy.spec.ts', { type: 'slow' })] },
  ],
};

const NO_PLAN = 'no plan declared: the test would fail before sending anything';

test('nested suites give "describe › describe › title" and each test its file and declared plan', () => {
  const planned = plannedTests(LISTING, false);
  expect(planned.map((t) => [t.file, t.title])).toEqual([
    ['clusters.read.spec.ts', 'lists clusters'],
    ['clusters.read.spec.ts', 'stage › stages a cluster'],
    ['clusters.read.spec.ts', 'stage › errors › refuses a bad version'],
    ['legacy.spec.ts', 'has no plan'],
  ]);
  expect(planned.map((t) => t.plan)).toEqual([
    { 'read-only': ['clusters.get', 'clusters.list'] },
    { 'read-only': ['tasks.get'], 'state-changing': ['software.stage'] },
    { 'expected-rejected': ['upgrade'] },
    undefined,
  ]);
  expect('plan' in planned[3]!, 'a test without a plan has no plan key').toBe(false);
});

test('in safe mode a state-changing test would be skipped, naming its operations; the others run', () => {
  expect(plannedTests(LISTING, false).map((t) => t.decision)).toEqual(['run', 'skip (safe mode: state-changing software.stage)', 'run', NO_PLAN]);
});

test('with mutations allowed every test with a plan would run', () => {
  expect(plannedTests(LISTING, true).map((t) => t.decision)).toEqual(['run', 'run', 'run', NO_PLAN]);
});

test('a test annotated with an empty state-changing class is not a state-changing test', () => {
  const listing = { suites: [{ title: 'f', specs: [spec('t', 'f.spec.ts', sends({ 'state-changing': [], 'read-only': ['clusters.get'] }).annotation)] }] };
  expect(plannedTests(listing, false)[0]!.decision).toBe('run');
});

test('planLines prints each test, its operations by class and decision, and the totals', () => {
  const lines = planLines(plannedTests(LISTING, false), 'https://vcsa.lab.example');
  expect(lines).toEqual([
    'vcconform run --dry-run: 4 tests against https://vcsa.lab.example; nothing is sent.',
    '',
    'clusters.read.spec.ts › lists clusters',
    '    read-only          clusters.get, clusters.list',
    '    → run',
    'clusters.read.spec.ts › stage › stages a cluster',
    '    read-only          tasks.get',
    '    state-changing     software.stage',
    '    → skip (safe mode: state-changing software.stage)',
    'clusters.read.spec.ts › stage › errors › refuses a bad version',
    '    expected-rejected  upgrade',
    '    → run',
    'legacy.spec.ts › has no plan',
    `    → ${NO_PLAN}`,
    '',
    expect.stringMatching(/^2 would run, 1 would be skipped in safe mode, 1 declare no plan\. /),
  ]);
});

test('planLines totals with mutations allowed and with no tests', () => {
  expect(planLines(plannedTests(LISTING, true), 'm').at(-1)).toMatch(/^3 would run, 0 would be skipped in safe mode, 1 declare no plan\. /);
  const empty = planLines([], 'the embedded mock');
  expect(empty[0]).toBe('vcconform run --dry-run: 0 tests against the embedded mock; nothing is sent.');
  expect(empty.at(-1)).toMatch(/^0 would run, 0 would be skipped in safe mode, 0 declare no plan\. /);
});

test('planLines counts only "skip (safe mode" decisions as safe-mode skips', () => {
  const tests: PlannedTest[] = [
    { file: 'a', title: 'x', decision: 'run' },
    { file: 'a', title: 'y', decision: 'skip (safe mode: state-changing z)' },
    { file: 'a', title: 'z', decision: 'skip (safe mode: state-changing w)' },
    { file: 'a', title: 'w', decision: NO_PLAN },
  ];
  expect(planLines(tests, 't').at(-1)).toMatch(/^1 would run, 2 would be skipped in safe mode, 1 declare no plan\. /);
});

/** An Io that keeps what was written. */
function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out, err };
}

test('printPlan prints the plan of the listing its child process writes, and returns 0', async () => {
  const { io, out, err } = captureIo();
  const code = await printPlan({ allowMutations: false }, {}, ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(LISTING))})`], io);
  expect(code).toBe(0);
  expect(err).toEqual([]);
  expect(out).toEqual([planLines(plannedTests(LISTING, false), 'the embedded mock').join('\n')]);
});

test('printPlan returns 2 and quotes the last output lines when the listing is not JSON', async () => {
  const { io, out, err } = captureIo();
  const code = await printPlan({ target: 't', allowMutations: false }, {}, ['-e', "console.error('one\\ntwo\\nthree\\nfour'); process.exit(5)"], io);
  expect(code).toBe(2);
  expect(out).toEqual([]);
  expect(err).toEqual(['[vcconform] Failed to list the tests for --dry-run: Playwright exited 5 without a JSON listing: two | three | four.']);
});
