import { outsidePlaywright } from '../util/child-env';
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { BENCH_SCHEMA_ID } from './run-bench';
import { nodeChild, ROOT } from '../proof/child-run';
import type { BenchReport } from './report-types';

/** `npm run bench -- ARGS`, as the script runs (tsx), with this process's environment less the outer Playwright's. */
function bench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = outsidePlaywright({ ...process.env, FORCE_COLOR: '0' });
  return nodeChild(['--require', require.resolve('tsx/cjs'), join(ROOT, 'scripts', 'bench.ts'), ...args], env);
}

test.describe('npm run bench', () => {
  test(
    '--smoke measures P1, P3 and P4 once, skips P2 and P5, ' + 'prints the table and writes a report that matches Vcconform.Bench.Report',
    async () => {
      // Seconds on a quiet machine; a busy 2-core CI machine (another job on both cores) may take several times longer.
      test.setTimeout(300_000);
      const dir = mkdtempSync(join(tmpdir(), 'vcconform-bench-'));
      const out = join(dir, 'bench.json');
      const r = await bench(['--smoke', '--out', out, '--self-tests', join(dir, 'no-results.json')]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
      const validate = validatorFor(BENCH_SCHEMA_ID);
      expect(validate(report), JSON.stringify(validate.errors, null, 1)).toBe(true);
      expect(report.smoke).toBe(true);
      expect(report.command).toBe(`npm run bench -- --smoke --out ${out} --self-tests ${join(dir, 'no-results.json')}`);
      expect(report.parts.map((p) => [p.id, p.status])).toEqual([
        ['P1', 'measured'],
        ['P2', 'skipped'],
        ['P3', 'measured'],
        ['P4', 'measured'],
        ['P5', 'skipped'],
      ]);
      for (const f of report.parts.flatMap((p) => p.figures)) {
        expect(f.samples, f.id).toHaveLength(1);
        expect(f.median, f.id).toBeGreaterThan(0);
        expect([f.min, f.max], f.id).toEqual([f.median, f.median]);
      }
      // Every target of the issue is a row: judged where its figure was measured, "not measured" where its part was skipped.
      const targets = report.parts.flatMap((p) => p.targets.map((t) => [p.id, t.figure, t.pass === null ? 'not measured' : 'judged']));
      expect(targets).toEqual([
        ['P1', 'p1-harness-to-raw', 'judged'],
        ['P1', 'p1-mock-to-raw-upgrade-multiple', 'judged'],
        ['P1', 'p1-mock-to-raw-task-poll', 'judged'],
        ['P2', 'p2-total', 'not measured'],
        ['P3', 'p3-batch-10000', 'judged'],
        ['P3', 'p3-growth-10000-to-1000', 'judged'],
        ['P4', 'p4-poll-overhead', 'judged'],
        ['P5', 'p5-mock-to-prism', 'not measured'],
      ]);
      // The harness's cases all passed their checks on the conforming mock, and P3's checks too.
      expect(report.parts[0]!.figures.find((f) => f.id === 'p1-harness-cases')?.detail).toMatch(/, 0 failed$/);
      expect(report.parts[2]!.figures.filter((f) => f.unit === 'ms').map((f) => f.detail)).toEqual(
        Array(4).fill(expect.stringMatching(/; 0 failed checks$/)),
      );
      expect(report.selfTests).toMatchObject({
        measured: false,
        reason: expect.stringMatching(/^not measured \(run npm test first\): there is no /),
      });
      expect(r.stdout).toMatch(/^part\s+figure\s+median\s+min\s+max\s+unit\s+target\s+result$/m);
      expect(r.stdout).toMatch(/^P5\s+skipped: --smoke skips Prism/m);
      expect(r.stdout).toContain('Self-tests: not measured (run npm test first)');
      expect(r.stdout).toContain(`Wrote ${out}`);
    },
  );

  test('an unknown flag is a usage error: exit 2, one line naming it, nothing measured', async () => {
    const r = await bench(['--fast']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^\[vcconform\] Failed to read the bench's arguments: .*'--fast'.*usage: npm run bench/);
    expect(r.stdout).toBe('');
  });
});
