import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock } from '../../mock/start-mock';
import { ADMIN, bin, cleanEnv, filesUnder, readReport, reportsDir } from '../../proof/child-run';
import { startCanaryLab } from '../../proof/lab';
import { main } from '../main';
import { childEnv, runSettings } from './run';
import { writeRecording } from '../../replay/recording';

/** Only the five session lifecycle tests: a small, fast run that still logs in, reads and logs out. */
const SMALL = ['--grep', 'session lifecycle', '--runs', '2', '--workers', '1'];

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test.describe('vcconform run: flags', () => {
  test('every bad flag or value exits 2 with one line naming it, before anything runs', async () => {
    const dir = reportsDir();
    writeFileSync(join(dir, 'a-file'), '');
    const cases: [string[], string[]][] = [
      [
        ['--runs', '0'],
        ['--runs', '"0"'],
      ],
      [
        ['--runs', 'many'],
        ['--runs', '"many"'],
      ],
      [['--workers=-1'], ['--workers', '"-1"']],
      [
        ['--workers', '0'],
        ['--workers', '"0"'],
      ],
      [['--seed=-3'], ['--seed', '"-3"']],
      [
        ['--seed', '99999999999'],
        ['--seed', '"99999999999"'],
      ],
      [
        ['--grep', '('],
        ['--grep', 'regular expression'],
      ],
      [['--grep', ' '], ['--grep must not be empty']],
      [
        ['--target', 'vcenter.example.com'],
        ['--target', '"vcenter.example.com"'],
      ],
      [
        ['--target', 'ftp://vcenter.example.com'],
        ['--target', '"ftp:"'],
      ],
      [['--target', 'https://root:secret@vcenter.example.com'], ['--target must not carry credentials']],
      [['--target', 'https://vcenter.example.com/api'], ['drop "/api"']],
      [
        ['--target', 'https://vcenter.example.com', '--fault', 'latency'],
        ['--fault', '--target'],
      ],
      [
        ['--fault', 'nope'],
        ['--fault', '"nope"', 'Known faults: unauthenticated-without-body'],
      ],
      [
        ['--fault', 'latency@software.stag'],
        ['--fault', '"software.stag"'],
      ],
      [
        ['--operations', 'clusters.*,tasks.gte'],
        ['--operations', '"tasks.gte"', 'matches no catalogued operation'],
      ],
      [
        ['--reports', join(dir, 'a-file')],
        ['--reports', 'a-file'],
      ],
      [['--target', 'https://vc.example.com', '--profile', 'lab.json'], ['--target and --profile both name a target']],
      [
        ['--profile', join(dir, 'missing.json')],
        ['Failed to load the target profile', 'missing.json', 'cannot be read'],
      ],
      [
        ['--profile', join(dir, 'a-file')],
        ['Failed to load the target profile', 'is not JSON'],
      ],
      [
        ['--replay', join(dir, 'nothing-here')],
        ['--replay', 'does not exist'],
      ],
      [['--replay', dir, '--seed', '3'], ['--replay uses the seed and run count it was recorded with']],
      [['--replay', dir, '--allow-mutations'], ['--allow-mutations does not apply to --replay']],
      [['--record', dir], ['--record records a live target']],
      [['--insecure'], ['--insecure applies to a live target']],
      [['--project=self'], ["Unknown option '--project'"]],
      [['suites/x.spec.ts'], ["Unexpected argument 'suites/x.spec.ts'"]],
    ];
    for (const [args, expected] of cases) {
      const r = await cli('run', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(/^\[vcconform\] run: .*Usage: vcconform run /);
      for (const text of expected) expect(r.err, args.join(' ')).toContain(text);
      expect(r.err).not.toContain('secret');
    }
  });

  test('--help documents every flag and the exit codes', async () => {
    const r = await cli('run', '--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--target URL',
      '--runs N',
      '--seed S',
      '--grep PATTERN',
      '--workers N',
      '--reports DIR',
      '--fault NAME',
      'VCENTER_USER',
      'VCENTER_PASSWORD',
    ])
      expect(r.out).toContain(flag);
    expect(r.out).toMatch(/0 when every check passed, 1 when any failed, 2 for a usage or configuration error/);
  });

  test('the flags become the environment playwright.config.ts reads, replacing inherited values', () => {
    const inherited = {
      FC_SEED: '1',
      FC_PATH: '0:1',
      VCCONFORM_FAULTS: 'latency',
      VCCONFORM_TARGET_URL: 'https://elsewhere',
      HOME: '/home/me',
      ...ADMIN,
    };
    const mock = runSettings(
      ['--runs', '3', '--seed', '42', '--workers', '2', '--reports', 'out', '--fault', 'internal-error', '--fault', 'latency@tasks.get'],
      inherited,
      '/work',
    );
    expect(childEnv(mock, inherited)).toEqual({
      HOME: '/home/me',
      ...ADMIN,
      FC_NUM_RUNS: '3',
      FC_SEED: '42',
      VCCONFORM_WORKERS: '2',
      VCCONFORM_REPORTS: '/work/out',
      VCCONFORM_FAULTS: 'internal-error,latency@tasks.get',
      VCCONFORM_RUN_BUDGET_MS: '3600000',
    });
    expect(mock.project).toBe('mock');
    const live = runSettings(['--target', 'https://vc.example.com/'], inherited, '/work');
    expect(live).toMatchObject({ project: 'live', target: 'https://vc.example.com', reports: '/work/reports' });
    expect(childEnv(live, inherited), 'a live target gets one worker: its state is shared').toEqual({
      HOME: '/home/me',
      ...ADMIN,
      VCCONFORM_TARGET_URL: 'https://vc.example.com',
      VCCONFORM_REPORTS: '/work/reports',
      VCCONFORM_WORKERS: '1',
      VCCONFORM_RUN_BUDGET_MS: '3600000',
    });
    // --operations, repeated or comma-separated, reaches the child as one list; an inherited one is dropped without the flag.
    const scoped = runSettings(
      ['--operations', 'clusters.*', '--operations', 'tasks.get,tasks.list'],
      { ...inherited, VCCONFORM_OPERATIONS: 'software.*' },
      '/work',
    );
    expect(childEnv(scoped, inherited).VCCONFORM_OPERATIONS).toBe('clusters.*,tasks.get,tasks.list');
    expect(childEnv(mock, { ...inherited, VCCONFORM_OPERATIONS: 'software.*' })).not.toHaveProperty('VCCONFORM_OPERATIONS');
  });

  test('the build the pre-flight read goes to the workers as JSON (null too); an inherited one never does', () => {
    const inherited = { VCCONFORM_TARGET_BUILD: '{"stale":true}', ...ADMIN };
    const live = runSettings(['--target', 'https://vc.example.com/'], inherited, '/work');
    expect(childEnv(live, inherited).VCCONFORM_TARGET_BUILD, 'not read yet: nothing is handed on').toBeUndefined();
    const build = {
      product: 'VMware vCenter Server',
      version: '9.1.0.0',
      build: '24321653',
      type: 'vCenter Server with an embedded Platform Services Controller',
      releasedate: '',
    };
    expect(JSON.parse(childEnv({ ...live, build }, inherited).VCCONFORM_TARGET_BUILD!)).toEqual(build);
    expect(childEnv({ ...live, build: null }, inherited).VCCONFORM_TARGET_BUILD).toBe('null');
  });
});

test("a replay's --dry-run is judged against the recorded profile: what it allowed, and what its lab offered", async () => {
  const dir = reportsDir();
  writeRecording(dir, {
    profile: {
      source: 'lab.json',
      url: 'https://vcsa.lab.example',
      tls: { insecure: false },
      timeoutMs: 1000,
      maxResponseBytes: 1000,
      runBudgetMs: 1000,
      users: { administrator: { username: 'administrator@vsphere.local' } },
      roles: { stageCluster: { id: 'domain-c1', hosts: ['host-1'], commits: ['1'] } },
      capabilities: { allowMutations: true, mutationAllowlist: ['domain-c1'] },
    },
    seed: 1,
    numRuns: 1,
    build: null,
  });
  const r = await cli('run', '--replay', dir, '--dry-run');
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`tests against the recording in ${dir}; nothing is sent.`);
  expect(r.out, 'the recording allowed mutations').not.toContain('→ skip (safe mode: state-changing');
  expect(r.out).toContain('→ skip (the target cannot be reset (no capabilities.reset in its profile))');
  expect(r.out).toContain('→ skip (the target maps no inventory role upgradableCluster)');
  expect(r.out).toContain('→ skip (the target has no user for role operator)');
  expect(r.out).toMatch(/state-changing\s+software\.stage\n\s+assumes\s+roles: stageCluster\n\s+→ run/);
});

test.describe('vcconform run: real runs', () => {
  // Each case starts a child Playwright over the suites (a few seconds each); they run side by side.
  test.describe.configure({ mode: 'parallel', timeout: 120_000 });

  test('against the mock, a passing run exits 0 and writes results.json and html/index.html', async () => {
    const reports = reportsDir();
    const r = await bin([...SMALL, '--reports', reports], cleanEnv());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(existsSync(join(reports, 'html', 'index.html'))).toBe(true);
    const { report, checks } = readReport(reports);
    expect(report.stats).toMatchObject({ expected: 5, unexpected: 0, skipped: 0 });
    expect(checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(['session-id-is-json-string', 'session-times-are-ordered', 'unauthenticated-is-401']),
    );
    expect(r.stderr).toContain('every check passed');
  });

  test('with --fault unauthenticated-without-body it exits 1, and unauthenticated-is-401 is among the failed checks', async () => {
    const reports = reportsDir();
    const r = await bin([...SMALL, '--reports', reports, '--fault', 'unauthenticated-without-body'], cleanEnv());
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const { report, checks } = readReport(reports);
    expect(report.stats.unexpected).toBeGreaterThan(0);
    expect(checks.filter((c) => c.status === 'failed').map((c) => c.check)).toContain('unauthenticated-is-401');
  });

  test(
    '--target runs the live project against that URL as the administrator: ' +
      'state-changing tests skip in safe mode, it exits 0, the password appears nowhere',
    async () => {
      const mock = await startMock({ clock: 'manual' });
      try {
        const reports = reportsDir();
        const grep = 'session lifecycle|clusters.upgrade refuses a missing|a single upgrade of a cluster with clean pre-checks';
        const r = await bin(['--target', mock.url, '--grep', grep, '--runs', '2', '--workers', '1', '--reports', reports], cleanEnv(ADMIN));
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toContain('[live]');
        const { report, checks, skips } = readReport(reports);
        // The refused upgrade runs (expected-rejected, no reset needed); the real upgrade is skipped in safe mode.
        expect(report.stats).toMatchObject({ expected: 6, unexpected: 0, skipped: 1 });
        expect(skips).toEqual([
          'safe mode: this test sends state-changing requests (clusters.upgrade); ' +
            'pass --allow-mutations (or capabilities.allowMutations in the profile) to run it',
        ]);
        expect(checks.filter((c) => c.status === 'failed')).toEqual([]);
        expect(
          mock.journal.all().some((e) => e.operation === 'session.create' && e.status === 201),
          'the run logged in to that URL',
        ).toBe(true);
        for (const file of filesUnder(reports)) expect(readFileSync(file).includes(ADMIN.VCENTER_PASSWORD), file).toBe(false);
        expect(r.stdout + r.stderr).not.toContain(ADMIN.VCENTER_PASSWORD);
      } finally {
        await mock.close();
      }
    },
  );

  test('--target without VCENTER_USER / VCENTER_PASSWORD exits 2 with one line, before Playwright starts', async () => {
    const reports = reportsDir();
    for (const [env, missing] of [
      [{}, 'VCENTER_USER and VCENTER_PASSWORD are not set'],
      [{ VCENTER_USER: ADMIN.VCENTER_USER }, 'VCENTER_PASSWORD is not set'],
    ] as const) {
      const r = await bin(['--target', 'http://127.0.0.1:9', '--reports', reports], cleanEnv(env));
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(missing);
      expect(readdirSync(reports)).toEqual([]);
    }
  });

  test('a --grep that matches no test exits 2', async () => {
    const r = await bin(['--grep', 'no test is called like this', '--reports', reportsDir()], cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--grep "no test is called like this" matched no test');
  });

  /** The printed replay line's flags, as a shell would split them (words, or single-quoted strings). */
  const replayLine = (out: string) => {
    const line = /replay with: vcconform run (.*)$/m.exec(out)?.[1];
    return line === undefined ? undefined : [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
  };
  const failedChecks = (out: string) => [...new Set([...out.matchAll(/✘ ([a-z0-9-]+) \(/g)].map((x) => x[1]))].sort();
  const GREP = 'a mixed batch answers 200 with one Result per cluster';

  test('a property failure prints a replay line that, pasted as is, reproduces it: the fault, the seed, the path, the test', async () => {
    // A fixed first seed keeps this test deterministic; the replay must then reproduce from the printed line alone.
    const first = await bin(
      [
        '--grep',
        GREP,
        '--fault',
        'ignore-warnings-by-default',
        '--runs',
        '30',
        '--seed',
        '20261124',
        '--workers',
        '1',
        '--reports',
        reportsDir(),
      ],
      cleanEnv(),
    );
    expect(first.code, first.stdout + first.stderr).toBe(1);
    const line = replayLine(first.stdout);
    expect(line, first.stdout.slice(-3000)).toBeDefined();
    expect(line!.slice(0, 3)).toEqual(['--fault', 'ignore-warnings-by-default', '--seed']);
    expect(line).toContain('--path');
    const counterexample = /Counterexample: (.*)/.exec(first.stdout)?.[1];
    expect(counterexample).toBeDefined();
    const replay = await bin([...line!, '--workers', '1', '--reports', reportsDir()], cleanEnv());
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain(`Counterexample: ${counterexample}`);
    expect(failedChecks(first.stdout)).toContain('ignore-warnings-true-starts-warning-cluster');
    expect(failedChecks(replay.stdout)).toEqual(failedChecks(first.stdout));
  });

  test(
    'the replay line of a live run selects the same target: ' + '--profile and --allow-mutations, and pasted it reproduces the failure',
    async () => {
      const lab = await startCanaryLab({ faults: ['ignore-warnings-by-default'] });
      try {
        const profile = lab.profile(lab.mock.url);
        const first = await bin(
          ['--profile', profile, '--allow-mutations', '--grep', GREP, '--runs', '30', '--seed', '20261124', '--reports', reportsDir()],
          cleanEnv(lab.env),
        );
        expect(first.code, first.stdout.slice(-3000) + first.stderr).toBe(1);
        const line = replayLine(first.stdout);
        expect(line!.slice(0, 4)).toEqual(['--profile', profile, '--allow-mutations', '--seed']);
        const replay = await bin([...line!, '--reports', reportsDir()], cleanEnv(lab.env));
        expect(replay.code).toBe(1);
        expect(failedChecks(replay.stdout)).toEqual(failedChecks(first.stdout));
        expect(/Counterexample: (.*)/.exec(replay.stdout)?.[1]).toBe(/Counterexample: (.*)/.exec(first.stdout)?.[1]);
      } finally {
        await lab.mock.close();
      }
    },
  );
});
