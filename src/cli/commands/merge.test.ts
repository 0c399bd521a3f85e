import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../../report/conformance-types';
import { bin, cleanEnv, reportsDir, vcconform } from '../../proof/child-run';
import { main } from '../main';

/** `vcconform merge …` as a child process. */
const merge = (args: string[]) => vcconform('merge', args, cleanEnv());

/** What must not depend on how the run was split: everything but timing and the order of arrival. */
function verdictOf(file: string) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
  // How many task polls a run makes depends on timing: coverage is compared as seen / not seen.
  const coverage = r.coverage.map((c) => ({ ...c, statuses: c.statuses.map((st) => ({ ...st, observed: st.observed > 0 })) }));
  return {
    verdict: r.verdict,
    tests: r.tests,
    counts: r.counts,
    results: r.results,
    coverage,
    seed: r.seed,
    seeds: r.seeds,
    failures: r.failures.map((f) => [f.operation, f.check, f.testId]),
    errors: r.errors,
  };
}

test.describe('vcconform run --shard and vcconform merge', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a run split in two and merged gives the same conformance.json as the unsplit run, and every report of a run', async () => {
    const grep = 'session lifecycle|clusters.read|upgradeMultiple batches|tasks get';
    const common = ['--grep', grep, '--seed', '20261124', '--runs', '5', '--workers', '1', '--fault', 'session-accessed-before-created'];
    const whole = reportsDir();
    const one = await bin([...common, '--reports', whole], cleanEnv());
    expect(one.code, one.stdout.slice(-2000)).toBe(1);
    const shards = [reportsDir(), reportsDir()];
    for (const [i, dir] of shards.entries()) {
      const r = await bin([...common, '--shard', `${i + 1}/2`, '--reports', dir], cleanEnv());
      expect([0, 1], r.stderr).toContain(r.code);
      expect(readdirSync(join(dir, 'blob')).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
    }
    const merged = reportsDir();
    const m = await merge([join(shards[0]!, 'blob'), join(shards[1]!, 'blob'), '--reports', merged]);
    expect(m.code, m.stdout + m.stderr).toBe(0);
    for (const file of ['html/index.html', 'junit.xml', 'results.json', 'conformance.json', 'conformance.html'])
      expect(existsSync(join(merged, file)), file).toBe(true);
    const unsplit = verdictOf(join(whole, 'conformance.json'));
    expect(unsplit.verdict, 'the fault makes the run fail, so failures are compared too').toBe('fail');
    expect(verdictOf(join(merged, 'conformance.json'))).toEqual(unsplit);
    // Test ids are stable from run to run (a separate run and the merged shards name the same tests), in JUnit too.
    const junitCases = (dir: string) =>
      [...readFileSync(join(dir, 'junit.xml'), 'utf8').matchAll(/<testcase name="([^"]*)" classname="([^"]*)"/g)]
        .map((m) => `${m[2]} › ${m[1]}`)
        .sort();
    expect(junitCases(merged).length).toBeGreaterThan(5);
    expect(junitCases(merged)).toEqual(junitCases(whole));
    // Each shard alone saw only part of it.
    expect(verdictOf(join(shards[0]!, 'conformance.json')).tests.total).toBeLessThan(unsplit.tests.total);
  });

  test('merge refuses what it cannot merge, with one line naming it', async () => {
    const dir = reportsDir();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(dir, 'a-file'), '');
    const twice = join(dir, 'twice');
    mkdirSync(twice);
    writeFileSync(join(twice, 'report-1.zip'), '');
    const cases: [string[], string][] = [
      [[], 'give the directories'],
      [[join(dir, 'nope')], 'is not a directory'],
      [[empty], 'holds no blob report'],
      [[twice, twice], 'named report-1.zip'],
      [[twice, '--reports', join(dir, 'a-file')], '--reports must be a directory'],
    ];
    for (const [args, text] of cases) {
      const err: string[] = [];
      const code = await main(['merge', ...args], { out: () => undefined, err: (t) => err.push(t) });
      expect(code, args.join(' ')).toBe(2);
      expect(err.join('\n').split('\n'), args.join(' ')).toHaveLength(1);
      expect(err.join(''), args.join(' ')).toContain(text);
    }
  });
});
