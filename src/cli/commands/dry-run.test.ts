import { test, expect } from '@playwright/test';
import { sends } from '../../safety/plan';
import { profileOffer } from '../../target/unmet';
import type { TargetProfile } from '../../target/profile';
import type { Io } from '../io';
import { planLines, plannedTests, printPlan, type PlannedTest } from './dry-run';

type Annotation = { type: string; description?: string };
const spec = (title: string, file: string, ...annotations: Annotation[]) => ({ title, file, tests: [{ annotations }] });

const READS = sends({ 'read-only': ['clusters.get', 'clusters.list'] }).assuming({ roles: ['upgradableCluster'] }).annotation;
const STAGES = sends({ 'read-only': ['tasks.get'], 'state-changing': ['software.stage'] }).assuming({
  roles: ['stageCluster'],
  reset: true,
}).annotation;
const REJECTED = sends({ 'expected-rejected': ['upgrade'] }).annotation;

/** A `playwright test --list --reporter=json` shaped listing: file suites with nested describes. */
const LISTING = {
  suites: [
    {
      title: 'clusters.read.spec.ts',
      file: 'clusters.read.spec.ts',
      specs: [spec('lists clusters', 'clusters.read.spec.ts', ...READS)],
      suites: [
        {
          title: 'stage',
          file: 'clusters.read.spec.ts',
          specs: [spec('stages a cluster', 'clusters.read.spec.ts', ...STAGES)],
          suites: [
            {
              title: 'errors',
              file: 'clusters.read.spec.ts',
              specs: [spec('refuses a bad version', 'clusters.read.spec.ts', { type: 'issue', description: 'x' }, REJECTED)],
            },
          ],
        },
      ],
    },
    { title: 'legacy.spec.ts', file: 'legacy.spec.ts', specs: [spec('has no plan', 'legacy.spec.ts', { type: 'slow' })] },
  ],
};

const NO_PLAN = 'no plan declared: the test would fail before sending anything';
const NOTHING = { roles: [], users: [], lacks: [], reset: false };

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
  expect(planned.map((t) => t.assumes)).toEqual([
    { ...NOTHING, roles: ['upgradableCluster'] },
    { ...NOTHING, roles: ['stageCluster'], reset: true },
    NOTHING,
    undefined,
  ]);
  expect('plan' in planned[3]!, 'a test without a plan has no plan key').toBe(false);
  expect('assumes' in planned[3]!, 'nor assumptions').toBe(false);
});

test('in safe mode a state-changing test would be skipped, naming its operations; the others run', () => {
  expect(plannedTests(LISTING, false).map((t) => t.decision)).toEqual([
    'run',
    'skip (safe mode: state-changing software.stage)',
    'run',
    NO_PLAN,
  ]);
});

test('with mutations allowed every test with a plan would run', () => {
  expect(plannedTests(LISTING, true).map((t) => t.decision)).toEqual(['run', 'run', 'run', NO_PLAN]);
});

test('a test needing an operation outside the scope would be skipped as not in scope, before safe mode, and counted apart', () => {
  const scope = ['clusters.*'];
  const planned = plannedTests(LISTING, false, undefined, scope);
  expect(planned.map((t) => t.decision)).toEqual([
    'run',
    "skip (not in scope: software.stage, tasks.get (the run covers clusters.*: --operations or the profile's operations))",
    'run',
    NO_PLAN,
  ]);
  expect(planLines(planned, 'x').at(-1)).toBe(
    '2 would run, 1 are not in scope, 0 would be skipped in safe mode, 0 for an assumption the target does not meet, 1 declare no plan.',
  );
});

test('a test annotated with an empty state-changing class is not a state-changing test', () => {
  const listing = {
    suites: [{ title: 'f', specs: [spec('t', 'f.spec.ts', sends({ 'state-changing': [], 'read-only': ['clusters.get'] }).annotation)] }],
  };
  expect(plannedTests(listing, false)[0]!.decision).toBe('run');
});

test('planLines prints each test, its operations by class and decision, and the totals', () => {
  const lines = planLines(plannedTests(LISTING, false), 'https://vcsa.lab.example');
  expect(lines).toEqual([
    'vcconform run --dry-run: 4 tests against https://vcsa.lab.example; nothing is sent.',
    '',
    'clusters.read.spec.ts › lists clusters',
    '    read-only          clusters.get, clusters.list',
    '    assumes            roles: upgradableCluster',
    '    → run',
    'clusters.read.spec.ts › stage › stages a cluster',
    '    read-only          tasks.get',
    '    state-changing     software.stage',
    '    assumes            roles: stageCluster; reset',
    '    → skip (safe mode: state-changing software.stage)',
    'clusters.read.spec.ts › stage › errors › refuses a bad version',
    '    expected-rejected  upgrade',
    '    assumes            nothing',
    '    → run',
    'legacy.spec.ts › has no plan',
    `    → ${NO_PLAN}`,
    '',
    '2 would run, 1 would be skipped in safe mode, 0 for an assumption the target does not meet, 1 declare no plan.',
  ]);
});

test('planLines totals with mutations allowed and with no tests', () => {
  expect(planLines(plannedTests(LISTING, true), 'm').at(-1)).toBe(
    '3 would run, 0 would be skipped in safe mode, 0 for an assumption the target does not meet, 1 declare no plan.',
  );
  const empty = planLines([], 'the embedded mock');
  expect(empty[0]).toBe('vcconform run --dry-run: 0 tests against the embedded mock; nothing is sent.');
  expect(empty.at(-1)).toBe(
    '0 would run, 0 would be skipped in safe mode, 0 for an assumption the target does not meet, 0 declare no plan.',
  );
});

test('planLines counts "skip (safe mode" decisions as safe-mode skips, and the other skips as unmet assumptions', () => {
  const tests: PlannedTest[] = [
    { file: 'a', title: 'x', decision: 'run' },
    { file: 'a', title: 'y', decision: 'skip (safe mode: state-changing z)' },
    { file: 'a', title: 'z', decision: 'skip (safe mode: this test changes state and domain-c9 is not in the mutation allowlist)' },
    { file: 'a', title: 'v', decision: 'skip (the target maps no inventory role stageCluster)' },
    { file: 'a', title: 'w', decision: NO_PLAN },
  ];
  expect(planLines(tests, 't').at(-1)).toBe(
    '1 would run, 2 would be skipped in safe mode, 1 for an assumption the target does not meet, 1 declare no plan.',
  );
});

const PASSWORD = 'S3cret-never-printed';
const STAGE_WRITE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';

/**
 * A lab profile, passwords in it, that maps stageCluster and upgradableCluster only, has no operator and no reset, and allows changes on
 * domain-c1.
 */
const LAB: TargetProfile = {
  source: 'lab.json',
  url: 'https://vcsa.lab.example',
  tls: { insecure: false },
  timeoutMs: 1,
  maxResponseBytes: 1,
  runBudgetMs: 1,
  users: {
    administrator: { username: 'administrator@vsphere.local', password: PASSWORD, passwordEnv: 'ADMIN_PASSWORD' },
    'read-only': { username: 'ro@vsphere.local', password: PASSWORD, passwordEnv: 'RO_PASSWORD', lacks: [STAGE_WRITE] },
  },
  roles: { stageCluster: { id: 'domain-c1', hosts: ['host-1'], commits: ['1'] }, upgradableCluster: { id: 'domain-c2', version: 'v1' } },
  capabilities: { allowMutations: false, mutationAllowlist: ['domain-c1'] },
};

/** One test per assumption the lab does or does not meet. */
const ASSUMING = {
  suites: [
    {
      title: 'lab.spec.ts',
      specs: [
        [
          'meets every assumption',
          sends({ 'read-only': ['clusters.get'] }).assuming({
            roles: ['stageCluster'],
            users: ['read-only'],
            lacks: [{ role: 'read-only', privilege: STAGE_WRITE, on: 'stageCluster' }],
          }),
        ],
        ['needs an unmapped role', sends({ 'read-only': ['clusters.get'] }).assuming({ roles: ['stageCluster', 'errorsCluster'] })],
        ['needs a missing user', sends({ 'read-only': ['clusters.get'] }).assuming({ users: ['operator'] })],
        [
          'needs an undeclared lack',
          sends({ 'expected-rejected': ['clusters.upgrade'] }).assuming({
            roles: ['upgradableCluster'],
            lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: 'upgradableCluster' }],
          }),
        ],
        ['needs a reset', sends({ 'read-only': ['clusters.get'] }).assuming({ roles: ['stageCluster'], reset: true })],
        ['changes state on an allowlisted cluster', sends({ 'state-changing': ['software.stage'] }).assuming({ roles: ['stageCluster'] })],
        [
          'changes state outside the allowlist',
          sends({ 'state-changing': ['clusters.upgrade'] }).assuming({ roles: ['upgradableCluster'] }),
        ],
      ].map(([title, details]) => spec(title as string, 'lab.spec.ts', ...(details as { annotation: Annotation[] }).annotation)),
    },
  ],
};

test('against a profile, a test whose assumption the target does not meet would be skipped, in the words of its need', () => {
  expect(plannedTests(ASSUMING, true, profileOffer(LAB)).map((t) => [t.title, t.decision])).toEqual([
    ['meets every assumption', 'run'],
    ['needs an unmapped role', 'skip (the target maps no inventory role errorsCluster)'],
    ['needs a missing user', 'skip (the target has no user for role operator)'],
    [
      'needs an undeclared lack',
      'skip (the profile does not declare that the read-only user lacks Namespaces.Upgrade ' +
        'on domain-c2 (users.read-only.lacks (or users.read-only.lacksOn["domain-c2"])))',
    ],
    ['needs a reset', 'skip (the target cannot be reset (no capabilities.reset in its profile))'],
    ['changes state on an allowlisted cluster', 'run'],
    ['changes state outside the allowlist', 'skip (safe mode: this test changes state and domain-c2 is not in the mutation allowlist)'],
  ]);
});

test('safe mode decides before the assumptions, as the plan fixture skips before the test body runs', () => {
  expect(
    plannedTests(ASSUMING, false, profileOffer(LAB))
      .slice(-2)
      .map((t) => t.decision),
  ).toEqual(['skip (safe mode: state-changing software.stage)', 'skip (safe mode: state-changing clusters.upgrade)']);
});

test('without a profile (the embedded mock) every assumption is met', () => {
  expect(plannedTests(ASSUMING, true).map((t) => t.decision)).toEqual(Array(7).fill('run'));
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
  const code = await printPlan(
    { allowMutations: false },
    {},
    ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(LISTING))})`],
    io,
  );
  expect(code).toBe(0);
  expect(err).toEqual([]);
  expect(out).toEqual([planLines(plannedTests(LISTING, false), 'the embedded mock').join('\n')]);
});

test("printPlan judges the listing against the profile it is given, prints each test's assumptions, and never a password", async () => {
  const { io, out } = captureIo();
  const code = await printPlan(
    { target: LAB.url, allowMutations: true, profile: LAB },
    {},
    ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(ASSUMING))})`],
    io,
  );
  expect(code).toBe(0);
  const text = out.join('\n');
  expect(text).toContain(
    [
      'lab.spec.ts › needs an undeclared lack',
      '    expected-rejected  clusters.upgrade',
      '    assumes            roles: upgradableCluster; lacks: read-only Namespaces.Upgrade on upgradableCluster',
      '    → skip (the profile does not declare that the read-only user lacks Namespaces.Upgrade ' +
        'on domain-c2 (users.read-only.lacks (or users.read-only.lacksOn["domain-c2"])))',
    ].join('\n'),
  );
  expect(text).toContain(
    '    assumes            roles: stageCluster; users: read-only; lacks: ' +
      'read-only VcIntegrity.lifecycleSoftwareRemediation.Write on stageCluster\n    → run',
  );
  expect(text.split('\n').at(-1)).toBe(
    '2 would run, 1 would be skipped in safe mode, 4 for an assumption the target does not meet, 0 declare no plan.',
  );
  expect(text).not.toContain(PASSWORD);
});

test('printPlan returns 2 and quotes the last output lines when the listing is not JSON', async () => {
  const { io, out, err } = captureIo();
  const code = await printPlan(
    { target: 't', allowMutations: false },
    {},
    ['-e', "console.error('one\\ntwo\\nthree\\nfour'); process.exit(5)"],
    io,
  );
  expect(code).toBe(2);
  expect(out).toEqual([]);
  expect(err).toEqual([
    '[vcconform] Failed to list the tests for --dry-run: Playwright exited 5 without a JSON listing: two | three | four.',
  ]);
});
