import { test, expect } from '@playwright/test';
import { UsageError } from '../../errors';
import type { KnownFailure, TargetBuild } from '../conformance-types';
import { compare, isIsoDate, type FindingKind } from './compare';
import { sampleBuild, sampleReport, type SampleRun } from './sample-report';

const TODAY = '2026-07-15';
const OP = 'session.create';
const CHECK = 'status-is-documented';
const known = (expires: string, operation = OP, check = CHECK): KnownFailure => ({ operation, check, reason: 'vendor bug 123', expires });

interface Case {
  description: string;
  baseline: SampleRun;
  current: SampleRun;
  /** Every finding, as `kind operation check`, in report order. */
  findings: string[];
  regressed: boolean;
}

const cases: Case[] = [
  {
    description: 'a check that passed and now fails is a new failure',
    baseline: { results: [[OP, CHECK, 'passed']] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`new-failure ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'a check the baseline never evaluated that now fails is a new failure',
    baseline: {},
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`new-failure ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'a check that only warned in the baseline and now fails is a new failure',
    baseline: { results: [[OP, CHECK, 'warning']] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`new-failure ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'a failure in both runs is still failing, not a regression',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`still-failing ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure that now passes is fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { results: [[OP, CHECK, 'passed']] },
    findings: [`fixed ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure that now only warns is fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { results: [[OP, CHECK, 'warning']] },
    findings: [`fixed ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure that is now only observed (info) is fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { results: [[OP, CHECK, 'info']] },
    findings: [`fixed ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure whose check is now absent is no longer evaluated, not fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: {},
    findings: [`no-longer-evaluated ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure whose operation is now skipped is no longer evaluated, not fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { skipped: [[OP, 'no operator user']] },
    findings: [`no-longer-evaluated ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure whose check now has a skipped result is no longer evaluated, not fixed',
    baseline: { results: [[OP, CHECK, 'failed']] },
    current: { results: [[OP, CHECK, 'skipped']] },
    findings: [`no-longer-evaluated ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a failure covered by a known entry expiring later is known',
    baseline: { results: [[OP, CHECK, 'passed']], knownFailures: [known('2026-12-31')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a known entry expiring today still accepts the failure',
    baseline: { knownFailures: [known(TODAY)] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a known entry that expired yesterday counts as a failure again',
    baseline: { knownFailures: [known('2026-07-14')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`expired-known ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'an expired known entry counts again even when the baseline failed too',
    baseline: { results: [[OP, CHECK, 'failed']], knownFailures: [known('2026-01-01')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`expired-known ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'a known entry covers a failure that is still failing as known',
    baseline: { results: [[OP, CHECK, 'failed']], knownFailures: [known('2026-12-31')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a known entry for a different operation does not cover the failure, and is stale',
    baseline: { knownFailures: [known('2026-12-31', 'session.get')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`new-failure ${OP} ${CHECK}`, `stale-known session.get ${CHECK}`],
    regressed: true,
  },
  {
    description: 'a known entry for a different check does not cover the failure, and is stale',
    baseline: { knownFailures: [known('2026-12-31', OP, 'body-matches-schema')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`new-failure ${OP} ${CHECK}`, `stale-known ${OP} body-matches-schema`],
    regressed: true,
  },
  {
    description: 'a known entry for a fixed failure is stale',
    baseline: { results: [[OP, CHECK, 'failed']], knownFailures: [known('2026-12-31')] },
    current: { results: [[OP, CHECK, 'passed']] },
    findings: [`fixed ${OP} ${CHECK}`, `stale-known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'an expired known entry that matches nothing failing is stale, not a failure',
    baseline: { knownFailures: [known('2020-01-01')] },
    current: { results: [[OP, CHECK, 'passed']] },
    findings: [`stale-known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'of two entries for one failure, the one that lasts longer decides',
    baseline: { knownFailures: [known('2026-01-01'), known('2026-12-31')] },
    current: { results: [[OP, CHECK, 'failed']] },
    findings: [`known ${OP} ${CHECK}`],
    regressed: false,
  },
  {
    description: 'a key failing in one result entry is failed, whatever other entries for it say',
    baseline: {},
    current: {
      results: [
        [OP, CHECK, 'passed'],
        [OP, CHECK, 'failed'],
        [OP, CHECK, 'passed'],
      ],
    },
    findings: [`new-failure ${OP} ${CHECK}`],
    regressed: true,
  },
  {
    description: 'passing, warning and observed checks in both runs give no finding',
    baseline: {
      results: [
        [OP, CHECK, 'passed'],
        [OP, 'a', 'warning'],
        [OP, 'b', 'info'],
      ],
    },
    current: {
      results: [
        [OP, CHECK, 'passed'],
        [OP, 'a', 'warning'],
        [OP, 'b', 'info'],
      ],
    },
    findings: [],
    regressed: false,
  },
  {
    description: 'findings are grouped by kind, regressions first, then sorted by operation and check',
    baseline: {
      results: [
        ['b.op', 'x', 'failed'],
        ['a.op', 'y', 'failed'],
        ['a.op', 'z', 'failed'],
      ],
      knownFailures: [known('2026-12-31', 'c.op', 'k'), known('2026-01-01', 'd.op', 'k')],
    },
    current: {
      results: [
        ['b.op', 'x', 'passed'],
        ['a.op', 'y', 'failed'],
        ['z.op', 'n', 'failed'],
        ['c.op', 'k', 'failed'],
        ['d.op', 'k', 'failed'],
        ['m.op', 'n', 'failed'],
      ],
    },
    findings: [
      'new-failure m.op n',
      'new-failure z.op n',
      'expired-known d.op k',
      'fixed b.op x',
      'no-longer-evaluated a.op z',
      'still-failing a.op y',
      'known c.op k',
    ],
    regressed: true,
  },
];

test.describe('compare: classification', () => {
  for (const c of cases) {
    test(c.description, () => {
      const result = compare(sampleReport(c.baseline), sampleReport(c.current), { today: TODAY });
      expect(result.findings.map((f) => `${f.kind} ${f.operation} ${f.check}`)).toEqual(c.findings);
      expect(result.regressed).toBe(c.regressed);
      const kinds = c.findings.map((f) => f.split(' ')[0] as FindingKind);
      for (const [kind, n] of Object.entries(result.counts)) expect(n, kind).toBe(kinds.filter((k) => k === kind).length);
    });
  }
});

test.describe('compare: what each finding carries', () => {
  test('fixed says the status now; no-longer-evaluated says skipped (with the reason) or absent', () => {
    const baseline = sampleReport({
      results: [
        [OP, 'a', 'failed'],
        [OP, 'b', 'failed'],
        ['tasks.get', 'c', 'failed'],
        ['tasks.list', 'd', 'failed'],
      ],
    });
    const current = sampleReport({
      results: [[OP, 'a', 'warning']],
      skipped: [
        ['tasks.get', 'needs a task id'],
        ['tasks.list', 'e is skipped', 'e'],
        ['tasks.list', 'only d is skipped', 'd'],
      ],
    });
    const f = compare(baseline, current, { today: TODAY }).findings;
    expect(f).toEqual([
      { kind: 'fixed', operation: OP, check: 'a', now: 'warning' },
      { kind: 'no-longer-evaluated', operation: OP, check: 'b', now: 'absent' },
      { kind: 'no-longer-evaluated', operation: 'tasks.get', check: 'c', now: 'skipped', skipReason: 'needs a task id' },
      { kind: 'no-longer-evaluated', operation: 'tasks.list', check: 'd', now: 'skipped', skipReason: 'only d is skipped' },
    ]);
  });

  test('failures now carry how many evaluations failed and the first one; known ones carry their entry', () => {
    const entry = known('2026-12-31', OP, 'k');
    const current = sampleReport({
      results: [
        [OP, CHECK, 'failed'],
        [OP, 'k', 'failed'],
      ],
      failures: { [`${OP} ${CHECK}`]: { count: 3, message: 'Received 200', test: 'session › create' } },
    });
    const f = compare(sampleReport({ knownFailures: [entry] }), current, { today: TODAY }).findings;
    expect(f).toEqual([
      { kind: 'new-failure', operation: OP, check: CHECK, evidence: { failures: 3, test: 'session › create', message: 'Received 200' } },
      {
        kind: 'known',
        operation: OP,
        check: 'k',
        known: entry,
        evidence: { failures: 1, test: `suites/x.spec.ts › ${OP} › case 0`, message: `k broke on ${OP} (#0)` },
      },
    ]);
  });

  test('warnings that appeared and went away are listed, sorted; unchanged ones are not', () => {
    const baseline = sampleReport({
      results: [
        [OP, 'gone', 'warning'],
        [OP, 'kept', 'warning'],
        ['a.op', 'gone', 'warning'],
        [OP, 'came', 'passed'],
        [OP, 'not-a-warning', 'info'],
      ],
    });
    const current = sampleReport({
      results: [
        [OP, 'came', 'warning'],
        [OP, 'kept', 'warning'],
        [OP, 'gone', 'passed'],
        ['a.op', 'new', 'warning'],
        [OP, 'not-a-warning', 'failed'],
        [OP, 'observed', 'info'],
      ],
    });
    expect(compare(baseline, current, { today: TODAY }).warnings).toEqual({
      appeared: [
        { operation: 'a.op', check: 'new' },
        { operation: OP, check: 'came' },
      ],
      gone: [
        { operation: 'a.op', check: 'gone' },
        { operation: OP, check: 'gone' },
      ],
    });
  });

  test('per operation, observed (status, error type) pairs that appeared or went away; unobserved rows do not count', () => {
    const baseline = sampleReport({
      statuses: [
        [OP, 201, null, 5],
        [OP, 401, 'UNAUTHENTICATED', 2],
        [OP, 503, 'SERVICE_UNAVAILABLE', 0],
        ['tasks.get', 404, 'NOT_FOUND', 1],
        ['tasks.get', 500, 'ERROR', 0],
        ['same.op', 200, null, 3],
      ],
    });
    const current = sampleReport({
      statuses: [
        [OP, 201, null, 7],
        [OP, 500, 'ERROR', 1, false],
        [OP, 400, 'UNSUPPORTED', 3, false],
        [OP, 503, 'SERVICE_UNAVAILABLE', 0],
        ['new.op', 500, 'ERROR', 1],
        ['same.op', 200, null, 9],
      ],
    });
    expect(compare(baseline, current, { today: TODAY }).statusChanges).toEqual([
      { operation: 'new.op', appeared: [{ status: 500, errorType: 'ERROR', documented: true }], disappeared: [] },
      {
        operation: OP,
        appeared: [
          { status: 400, errorType: 'UNSUPPORTED', documented: false },
          { status: 500, errorType: 'ERROR', documented: false },
        ],
        disappeared: [{ status: 401, errorType: 'UNAUTHENTICATED', documented: true }],
      },
      { operation: 'tasks.get', appeared: [], disappeared: [{ status: 404, errorType: 'NOT_FOUND', documented: true }] },
    ]);
  });

  test('two mock runs test the same target whatever their ports; a mock and a live run, or two vCenters, do not', () => {
    const same = (a: SampleRun['target'], b: SampleRun['target']) =>
      compare(sampleReport({ target: a }), sampleReport({ target: b }), { today: TODAY }).sameTarget;
    expect(same({ kind: 'mock', url: 'http://127.0.0.1:1' }, { kind: 'mock', url: 'http://127.0.0.1:2' })).toBe(true);
    expect(same({ kind: 'live', url: 'https://vc1' }, { kind: 'live', url: 'https://vc1' })).toBe(true);
    expect(same({ kind: 'mock', url: 'http://127.0.0.1:1' }, { kind: 'live', url: 'https://vc1' })).toBe(false);
    expect(same({ kind: 'live', url: 'https://vc1' }, { kind: 'live', url: 'https://vc2' })).toBe(false);
    expect(same({ kind: 'live', url: 'https://vc1' }, { kind: 'replay', url: 'https://vc1' })).toBe(false);
  });

  test('the comparison names the day and both runs', () => {
    const c = compare(
      sampleReport({ strings: { startedAt: '2026-07-01T00:00:00.000Z', version: '0.0.9' } }),
      sampleReport({ target: { kind: 'live', url: 'https://vc', build: sampleBuild() } }),
      { today: TODAY },
    );
    expect(c.today).toBe(TODAY);
    expect(c.baseline).toEqual({
      target: { kind: 'mock', url: 'http://127.0.0.1:40000', build: null },
      startedAt: '2026-07-01T00:00:00.000Z',
      verdict: 'pass',
      harnessVersion: '0.0.9',
    });
    expect(c.current).toMatchObject({ target: { kind: 'live', url: 'https://vc', build: sampleBuild() }, harnessVersion: '0.1.0' });
  });

  test('the build changed when both runs name one and any of its fields differs; an unreported build is no change', () => {
    const changed = (a: TargetBuild | null, b: TargetBuild | null) =>
      compare(sampleReport({ target: { build: a } }), sampleReport({ target: { build: b } }), { today: TODAY }).buildChanged;
    expect(changed(sampleBuild(), sampleBuild())).toBe(false);
    expect(changed(sampleBuild(), sampleBuild({ build: '24999999' }))).toBe(true);
    expect(changed(sampleBuild(), sampleBuild({ version: '9.1.0.1' }))).toBe(true);
    expect(changed(sampleBuild(), sampleBuild({ releasedate: 'June 2, 2026' }))).toBe(true);
    expect(changed(sampleBuild(), sampleBuild({ product: 'VMware vCenter Server Appliance' }))).toBe(true);
    expect(changed(sampleBuild(), sampleBuild({ type: 'Management Node' }))).toBe(true);
    expect(changed(null, sampleBuild()), 'a baseline without a build cannot be said to differ').toBe(false);
    expect(changed(sampleBuild(), null)).toBe(false);
    expect(changed(null, null)).toBe(false);
  });
});

test.describe('compare: bad input', () => {
  test('a known entry whose expires is not a real YYYY-MM-DD day is refused, naming the entry', () => {
    for (const expires of ['2026-02-30', '2026-1-01', '31/12/2026', '2026-12-31T00:00:00Z', '', 'tomorrow']) {
      const baseline = sampleReport({ knownFailures: [known('2026-12-31'), known(expires, 'tasks.get', 'body-matches-schema')] });
      expect(() => compare(baseline, sampleReport(), { today: TODAY }), expires).toThrow(UsageError);
      expect(() => compare(baseline, sampleReport(), { today: TODAY }), expires).toThrow(
        `knownFailures[1] (tasks.get › body-matches-schema) has expires ${JSON.stringify(expires)}, which is not a YYYY-MM-DD date`,
      );
    }
  });

  test('today must be a real YYYY-MM-DD day', () => {
    expect(() => compare(sampleReport(), sampleReport(), { today: '2026-13-01' })).toThrow(
      'today must be a YYYY-MM-DD date, got "2026-13-01"',
    );
  });

  test('isIsoDate accepts real days only, leap days included', () => {
    expect(['2024-02-29', '2026-12-31', '2026-01-01'].filter(isIsoDate)).toHaveLength(3);
    expect(['2026-02-29', '2026-04-31', '2026-00-10', '20261231', ' 2026-12-31'].filter(isIsoDate)).toEqual([]);
  });
});
