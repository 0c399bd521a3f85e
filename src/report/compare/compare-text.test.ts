import { test, expect } from '@playwright/test';
import type { KnownFailure } from '../conformance-types';
import { compare } from './compare';
import { compareToText, summaryOf } from './compare-text';
import { sampleBuild, sampleReport, type SampleRun } from './sample-report';

const TODAY = '2026-07-15';
const known = (operation: string, check: string, expires: string, reason = 'vendor bug 123'): KnownFailure => ({
  operation,
  check,
  reason,
  expires,
});
const text = (baseline: SampleRun, current: SampleRun, files?: { baseline: string; current: string }) =>
  compareToText(compare(sampleReport(baseline), sampleReport(current), { today: TODAY }), files);

/** The example: 2 new, 1 fixed, 3 still failing, 1 known. */
const EXAMPLE: [SampleRun, SampleRun] = [
  {
    results: [
      ['op.a', 'fixed-check', 'failed'],
      ['op.a', 's1', 'failed'],
      ['op.b', 's2', 'failed'],
      ['op.c', 's3', 'failed'],
    ],
    knownFailures: [known('op.k', 'k', '2026-12-31')],
  },
  {
    results: [
      ['op.a', 'fixed-check', 'passed'],
      ['op.a', 's1', 'failed'],
      ['op.b', 's2', 'failed'],
      ['op.c', 's3', 'failed'],
      ['op.n', 'n1', 'failed'],
      ['op.n', 'n2', 'failed'],
      ['op.k', 'k', 'failed'],
    ],
  },
];

test.describe('compare text', () => {
  test("the summary comes first, in the issue's words", () => {
    expect(text(...EXAMPLE).split('\n')[0]).toBe('2 new failures, 1 fixed, 3 still failing, 1 known (accepted until 2026-12-31)');
  });

  test('the summary counts in the singular, adds the other kinds only when there are some, and names the earliest expiry', () => {
    const s = (b: SampleRun, c: SampleRun) => summaryOf(compare(sampleReport(b), sampleReport(c), { today: TODAY }));
    expect(s({}, { results: [['o', 'a', 'failed']] })).toBe('1 new failure, 0 fixed, 0 still failing');
    expect(s({}, {})).toBe('0 new failures, 0 fixed, 0 still failing');
    expect(
      s(
        {
          results: [['o', 'gone', 'failed']],
          knownFailures: [
            known('o', 'x', '2026-01-01'),
            known('o', 'y', '2026-12-01'),
            known('o', 'z', '2026-09-01'),
            known('q', 'q', '2026-09-01'),
          ],
        },
        {
          results: [
            ['o', 'x', 'failed'],
            ['o', 'y', 'failed'],
            ['o', 'z', 'failed'],
          ],
        },
      ),
    ).toBe(
      '0 new failures, 1 expired known (counting again), 0 fixed, 0 still failing, ' +
        '2 known (accepted until 2026-09-01 at the earliest), 1 no longer evaluated, 1 stale known entry',
    );
    expect(s({ knownFailures: [known('q', 'q', '2026-09-01'), known('r', 'r', '2026-09-01')] }, {})).toBe(
      '0 new failures, 0 fixed, 0 still failing, 2 stale known entries',
    );
  });

  test('one line per finding, grouped under a heading with its count, after the run lines', () => {
    const lines = text(...EXAMPLE, { baseline: 'base/conformance.json', current: 'now/conformance.json' }).split('\n');
    expect(lines.slice(1, 4)).toEqual([
      'Baseline: base/conformance.json — mock http://127.0.0.1:40000 (build not ' +
        'reported by the target), started 2026-11-24T10:00:00.000Z, verdict fail',
      'Current : now/conformance.json — mock http://127.0.0.1:40000 (build not ' +
        'reported by the target), started 2026-11-24T10:00:00.000Z, verdict fail',
      `Known failures judged on ${TODAY}.`,
    ]);
    expect(lines.slice(4)).toEqual([
      '',
      'New failures (2):',
      '  op.n › n1 — 1 failed evaluation; first: n1 broke on op.n (#0)',
      '  op.n › n2 — 1 failed evaluation; first: n2 broke on op.n (#0)',
      '',
      'Fixed (1):',
      '  op.a › fixed-check — now passed',
      '',
      'Still failing (3):',
      '  op.a › s1 — 1 failed evaluation; first: s1 broke on op.a (#0)',
      '  op.b › s2 — 1 failed evaluation; first: s2 broke on op.b (#0)',
      '  op.c › s3 — 1 failed evaluation; first: s3 broke on op.c (#0)',
      '',
      'Known failures, accepted (1):',
      '  op.k › k — accepted until 2026-12-31: vendor bug 123',
      '',
    ]);
  });

  test('expired, stale and no-longer-evaluated findings, warnings and status changes each get their line', () => {
    const out = text(
      {
        results: [
          ['o', 'b-skipped', 'failed'],
          ['o', 'a-skipped', 'failed'],
          ['o', 'w-gone', 'warning'],
        ],
        statuses: [['o', 404, 'NOT_FOUND', 1]],
        knownFailures: [known('o', 'x', '2026-07-14', 'until the fix'), known('o', 'stale', '2026-08-01', 'fixed upstream')],
      },
      {
        results: [
          ['o', 'x', 'failed'],
          ['p', 'w-new', 'warning'],
        ],
        skipped: [['o', 'no operator user']],
        statuses: [
          ['o', 500, 'ERROR', 2, false],
          ['o', 204, null, 1],
        ],
        failures: { 'o x': { count: 2, message: 'Received:\n  500\nDocumented:   204' } },
      },
    );
    for (const line of [
      'Known failures past their expiry: they count again (1):',
      '  o › x — was accepted until 2026-07-14 (until the fix); 2 failed evaluations; first: Received: 500 Documented: 204',
      'No longer evaluated: failed in the baseline, not judged now (2):',
      '  o › a-skipped — now skipped: no operator user',
      'Stale known failures: nothing fails for them now, remove them from the baseline (1):',
      '  o › stale — listed until 2026-08-01: fixed upstream',
      'Warnings that appeared (1):',
      '  p › w-new',
      'Warnings that went away (1):',
      '  o › w-gone',
      'Observed statuses that changed (3):',
      '  o — now answers 204',
      '  o — now answers 500 ERROR (undocumented)',
      '  o — no longer answers 404 NOT_FOUND',
    ])
      expect(out.split('\n')).toContain(line);
    expect(text({ results: [['o', 'gone', 'failed']] }, {})).toContain('  o › gone — no result for it in the current run\n');
  });

  test('a long or multi-line message stays on its one line, cut with an ellipsis', () => {
    const out = text({}, { results: [['o', 'c', 'failed']], failures: { 'o c': { message: `line one\nline two ${'x'.repeat(400)}` } } });
    const line = out.split('\n').find((l) => l.startsWith('  o › c'))!;
    expect(line).toMatch(/^ {2}o › c — 1 failed evaluation; first: line one line two x+…$/);
    expect(line.length).toBeLessThan(260);
  });

  test('different targets are said at the top, right after the summary; the same target is not mentioned', () => {
    const lines = text(
      { target: { kind: 'mock', url: 'http://127.0.0.1:1' } },
      { target: { kind: 'live', url: 'https://vcsa.lab', build: sampleBuild() } },
    ).split('\n');
    expect(lines[1]).toBe(
      'Different targets: the baseline tested mock http://127.0.0.1:1, the current run live ' +
        'https://vcsa.lab; a difference may come from the target rather than from a change.',
    );
    expect(lines[2]).toContain('mock http://127.0.0.1:1 (build not reported by the target)');
    expect(lines[3]).toContain('live https://vcsa.lab (VMware vCenter Server 9.1.0.0 build 24321653)');
    expect(text({}, { target: { url: 'http://127.0.0.1:2' } })).not.toContain('Different targets');
  });

  test('different builds are said at the top, after the summary and any target note; the same build, or an unreported one, is not', () => {
    const lines = text(
      { target: { build: sampleBuild() } },
      { target: { build: sampleBuild({ version: '9.1.0.1', build: '24999999' }) } },
    ).split('\n');
    expect(lines[1]).toBe(
      'Different builds: the baseline tested VMware vCenter Server 9.1.0.0 build 24321653, the current ' +
        'run VMware vCenter Server 9.1.0.1 build 24999999; a new or fixed failure may come from the build.',
    );
    expect(lines[2]).toMatch(/^Baseline: .*\(VMware vCenter Server 9\.1\.0\.0 build 24321653\)/);
    expect(lines[3]).toMatch(/^Current : .*\(VMware vCenter Server 9\.1\.0\.1 build 24999999\)/);
    const both = text(
      { target: { kind: 'live', url: 'https://a', build: sampleBuild() } },
      { target: { kind: 'live', url: 'https://b', build: sampleBuild({ build: '1' }) } },
    ).split('\n');
    expect(both[1]).toMatch(/^Different targets: /);
    expect(both[2]).toMatch(/^Different builds: .* build 24321653, the current run .* build 1;/);
    expect(text({ target: { build: sampleBuild() } }, { target: { build: sampleBuild() } })).not.toContain('Different builds');
    expect(text({}, { target: { build: sampleBuild() } })).not.toContain('Different builds');
  });

  test('no differences at all says so', () => {
    expect(text({ results: [['o', 'c', 'passed']] }, { results: [['o', 'c', 'passed']] })).toMatch(
      /\n\nNo differences in failures, warnings or observed statuses\.\n$/,
    );
    expect(text({ target: { kind: 'live', url: 'https://a' } }, {})).toMatch(
      /\n\nNo differences in failures, warnings or observed statuses\.\n$/,
    );
    expect(text({}, { results: [['o', 'c', 'failed']] })).not.toContain('No differences');
  });
});
