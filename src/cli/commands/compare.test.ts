import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnownFailure } from '../../report/conformance-types';
import { sampleReport, type SampleRun } from '../../report/compare/sample-report';
import { main } from '../main';
import { createCompareCommand } from './compare';

const OP = 'session.create';
const CHECK = 'status-is-documented';
const known = (expires: string): KnownFailure => ({ operation: OP, check: CHECK, reason: 'vendor bug 123', expires });

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A temp dir with base/conformance.json and now/conformance.json. */
function runs(baseline: SampleRun, current: SampleRun) {
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-compare-'));
  for (const [name, run] of [
    ['base', baseline],
    ['now', current],
  ] as const) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'conformance.json'), JSON.stringify(sampleReport(run)));
  }
  return { dir, baseline: join(dir, 'base', 'conformance.json'), current: join(dir, 'now', 'conformance.json') };
}

test.describe('vcconform compare: exit codes and files', () => {
  test('no new failure: exit 0, the text printed and written with compare.html beside CURRENT.json', async () => {
    const r = runs(
      {
        results: [
          [OP, CHECK, 'failed'],
          [OP, 'x', 'failed'],
        ],
      },
      {
        results: [
          [OP, CHECK, 'failed'],
          [OP, 'x', 'passed'],
        ],
      },
    );
    const result = await cli('compare', r.baseline, r.current, '--today', '2026-07-15');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const text = readFileSync(join(r.dir, 'now', 'compare.txt'), 'utf8');
    expect(text.split('\n')[0]).toBe('0 new failures, 1 fixed, 1 still failing');
    expect(text).toContain(`Baseline: ${r.baseline} — mock`);
    expect(result.out).toBe(`${text}\nWritten: ${join(r.dir, 'now', 'compare.txt')}, ${join(r.dir, 'now', 'compare.html')}`);
    expect(readFileSync(join(r.dir, 'now', 'compare.html'), 'utf8')).toContain(
      '<p id="compare-verdict" class="steady">0 new failures, 1 fixed, 1 still failing</p>',
    );
    expect(readdirSync(join(r.dir, 'now')).sort()).toEqual(['compare.html', 'compare.txt', 'conformance.json']);
    expect(readdirSync(join(r.dir, 'base'))).toEqual(['conformance.json']);
  });

  test('a new failure: exit 1', async () => {
    const r = runs({ results: [[OP, CHECK, 'passed']] }, { results: [[OP, CHECK, 'failed']] });
    const result = await cli('compare', r.baseline, r.current, '--today', '2026-07-15');
    expect(result.code).toBe(1);
    expect(result.out.split('\n')[0]).toBe('1 new failure, 0 fixed, 0 still failing');
  });

  test('a known failure is accepted up to its expires day (--today), and exits 1 from the next day', async () => {
    const r = runs({ knownFailures: [known('2026-07-15')] }, { results: [[OP, CHECK, 'failed']] });
    const onTheDay = await cli('compare', r.baseline, r.current, '--today', '2026-07-15');
    expect(onTheDay.code).toBe(0);
    expect(onTheDay.out).toContain('1 known (accepted until 2026-07-15)');
    const dayAfter = await cli('compare', r.baseline, r.current, '--today', '2026-07-16');
    expect(dayAfter.code).toBe(1);
    expect(dayAfter.out).toContain('1 expired known (counting again)');
  });

  test("without --today, known failures are judged on today's date in UTC", async () => {
    const r = runs({ knownFailures: [known('2026-07-15')] }, { results: [[OP, CHECK, 'failed']] });
    const at = (iso: string) => createCompareCommand(() => new Date(iso)).run([r.baseline, r.current], { out: () => {}, err: () => {} });
    // A local zone behind UTC, so a local-date default would give a different day (restored below).
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(await at('2026-07-15T23:59:00Z')).toBe(0);
      expect(await at('2026-07-15T20:30:00-05:00'), '01:30 UTC on the 16th, still the 15th in New York').toBe(1);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test("--out DIR receives both files (created when missing); CURRENT's directory is left alone", async () => {
    const r = runs({}, { results: [[OP, CHECK, 'failed']] });
    const out = join(r.dir, 'deep', 'out');
    const result = await cli('compare', r.baseline, r.current, '--out', out, '--today', '2026-07-15');
    expect(result.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['compare.html', 'compare.txt']);
    expect(readdirSync(join(r.dir, 'now'))).toEqual(['conformance.json']);
    expect(readFileSync(join(out, 'compare.txt'), 'utf8').split('\n')[0]).toBe('1 new failure, 0 fixed, 0 still failing');
  });

  test('comparing a mock run with a live run works, and says so at the top', async () => {
    const r = runs({ target: { kind: 'live', url: 'https://vcsa.lab' } }, {});
    const result = await cli('compare', r.baseline, r.current, '--today', '2026-07-15');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[1]).toMatch(/^Different targets: the baseline tested live https:\/\/vcsa\.lab, the current run mock /);
  });

  test('--help documents the arguments, the flags and the exit codes', async () => {
    const r = await cli('compare', '--help');
    expect(r.code).toBe(0);
    for (const text of [
      'Usage: vcconform compare BASELINE.json CURRENT.json [--out DIR] [--today YYYY-MM-DD]',
      'knownFailures',
      '--out DIR',
      '--today DATE',
      'Exit status: 1 when there are new failures',
    ])
      expect(r.out).toContain(text);
    expect((await cli('--help')).out).toContain('vcconform compare BASELINE.json CURRENT.json');
  });
});

test.describe('vcconform compare: usage errors', () => {
  test('every bad file or flag exits 2 with one line naming it, and writes nothing', async () => {
    const r = runs({}, {});
    const file = (name: string, text: string) => {
      writeFileSync(join(r.dir, name), text);
      return join(r.dir, name);
    };
    const notJson = file('not-json.json', '{"format": ');
    const playwright = file('results.json', JSON.stringify({ config: {}, suites: [], stats: { expected: 1 } }));
    const v2 = file('v2.json', JSON.stringify({ ...sampleReport(), version: 2 }));
    const shapeless = file('shapeless.json', JSON.stringify({ ...sampleReport(), results: 'none' }));
    const badExpiry = file(
      'bad-expiry.json',
      JSON.stringify(sampleReport({ knownFailures: [known('2026-12-31'), { ...known('2026-02-30'), operation: 'tasks.get' }] })),
    );
    const missing = join(r.dir, 'missing.json');
    const cases: [string[], string[]][] = [
      [[missing, r.current], [`compare: ${missing}: cannot be read (no such file)`]],
      [[r.baseline, missing], [`compare: ${missing}: cannot be read (no such file)`]],
      [[join(r.dir, 'base'), r.current], [`compare: ${join(r.dir, 'base')}: cannot be read (EISDIR`]],
      [[notJson, r.current], [`compare: ${notJson}: not JSON (`]],
      [
        [r.baseline, playwright],
        [`compare: ${playwright}: not a vcconform conformance report`, 'not results.json'],
      ],
      [[v2, r.current], [`compare: ${v2}: a conformance report of version 2, but this vcconform reads version 1`]],
      [
        [r.baseline, shapeless],
        [`compare: ${shapeless}: not a valid conformance report (Vcconform.Conformance.Report): at /results: must be array`],
      ],
      [
        [badExpiry, r.current],
        [`compare: ${badExpiry}: knownFailures[1] (tasks.get › ${CHECK}) has expires "2026-02-30", which is not a YYYY-MM-DD date`],
      ],
      [[r.baseline, r.current, '--today', '2026-7-1'], ['compare: --today must be a date as YYYY-MM-DD, got "2026-7-1"']],
      [[r.baseline, r.current, '--today', '2026-02-29'], ['compare: --today must be a date as YYYY-MM-DD, got "2026-02-29"']],
      [[r.baseline, r.current, '--out', r.baseline], [`compare: --out must be a directory, but ${JSON.stringify(r.baseline)} is a file`]],
      [[r.baseline, r.current, '--out', ' '], ['compare: --out must not be empty']],
      [[r.baseline], ['compare: needs two files, BASELINE.json and CURRENT.json']],
      [[], ['compare: needs two files, BASELINE.json and CURRENT.json']],
      [[r.baseline, r.current, r.current], [`compare: unexpected argument ${JSON.stringify(r.current)}`]],
      [[r.baseline, r.current, '--since', 'x'], ["Unknown option '--since'"]],
    ];
    for (const [args, expected] of cases) {
      const result = await cli('compare', ...args);
      const label = args.join(' ');
      expect(result.code, label).toBe(2);
      expect(result.out, label).toBe('');
      expect(result.err.split('\n'), label).toHaveLength(1);
      expect(result.err, label).toMatch(/^\[vcconform\] compare: .*\. Usage: vcconform compare BASELINE\.json CURRENT\.json /);
      for (const text of expected) expect(result.err, label).toContain(text);
    }
    expect(existsSync(join(r.dir, 'now', 'compare.txt'))).toBe(false);
    expect(readdirSync(r.dir).filter((f) => f.startsWith('compare'))).toEqual([]);
  });
});
