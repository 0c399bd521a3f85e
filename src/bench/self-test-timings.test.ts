import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfTestFiles, selfTestTimings } from './self-test-timings';

/** A Playwright JSON report of these results: [project, file, start (s after 12:00:00), duration ms]. */
function report(results: [string, string, number, number][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-self-timings-'));
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();
  const suites = results.map(([projectName, file, start, duration]) => ({
    file,
    specs: [{ file, tests: [{ projectName, results: [{ startTime: at(start), duration }] }] }],
  }));
  const file = join(dir, 'results.json');
  writeFileSync(file, JSON.stringify({ stats: { startTime: at(0), duration: 9000 }, suites }));
  return file;
}

test.describe('self-test timings for the bench', () => {
  test('from a report of every self-test file: wall time per project and the slowest files by summed test time', () => {
    const file = report([
      ['self', 'src/a.test.ts', 0, 1000],
      ['self', 'src/a.test.ts', 1, 500],
      ['self', 'src/b.test.ts', 2, 2000],
      ['self', 'specs/c.test.ts', 3, 100],
    ]);
    expect(selfTestTimings(file, ['specs/c.test.ts', 'src/a.test.ts', 'src/b.test.ts'])).toEqual({
      measured: true,
      source: file,
      startedAt: '2026-01-01T12:00:00.000Z',
      projects: [{ name: 'self', tests: 4, wallMs: 4000, testMs: 3600 }],
      slowestFiles: [
        { file: 'src/b.test.ts', project: 'self', tests: 1, testMs: 2000 },
        { file: 'src/a.test.ts', project: 'self', tests: 2, testMs: 1500 },
        { file: 'specs/c.test.ts', project: 'self', tests: 1, testMs: 100 },
      ],
    });
  });

  test('no report, a vcconform run\'s report, or a run of some files only: "not measured (run npm test first)", saying which', () => {
    const reason = (file: string, expected = ['src/a.test.ts']) => selfTestTimings(file, expected).reason;
    expect(reason('/nonexistent/results.json')).toBe('not measured (run npm test first): there is no /nonexistent/results.json');
    expect(reason(report([['mock', 'suites/x.spec.ts', 0, 10]]))).toMatch(
      /^not measured \(run npm test first\): .* has no test of project self/,
    );
    expect(reason(report([['self', 'src/a.test.ts', 0, 10]]), ['src/a.test.ts', 'src/b.test.ts'])).toMatch(
      /is of a partial run: 1 of the 2 self-test files \(none of src\/b\.test\.ts\)$/,
    );
  });

  test("the files Playwright's self project runs are found on disk, this one among them", () => {
    expect(selfTestFiles(join(__dirname, '..', '..'))).toContain('src/bench/self-test-timings.test.ts');
  });
});
