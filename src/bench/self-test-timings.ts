import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPlaywrightReport, testTimes, type TestTime } from './playwright-json';
import type { SelfTestTimings } from './report-types';

const NOT_MEASURED = 'not measured (run npm test first)';

/** Per project: tests, wall time (first start to last end) and the tests' summed time. */
function projectsOf(times: readonly TestTime[]): SelfTestTimings['projects'] {
  const names = [...new Set(times.map((t) => t.project))].sort();
  return names.map((name) => {
    const mine = times.filter((t) => t.project === name);
    const start = Math.min(...mine.map((t) => t.startMs));
    const end = Math.max(...mine.map((t) => t.startMs + t.durationMs));
    return { name, tests: mine.length, wallMs: Math.round(end - start), testMs: Math.round(mine.reduce((n, t) => n + t.durationMs, 0)) };
  });
}

/** The ten files whose tests took longest in total. */
function slowestFilesOf(times: readonly TestTime[]): SelfTestTimings['slowestFiles'] {
  const byFile = new Map<string, { file: string; project: string; tests: number; testMs: number }>();
  for (const t of times) {
    const key = `${t.project}\u0000${t.file}`;
    const entry = byFile.get(key) ?? { file: t.file, project: t.project, tests: 0, testMs: 0 };
    entry.tests++;
    entry.testMs += t.durationMs;
    byFile.set(key, entry);
  }
  return [...byFile.values()]
    .sort((a, b) => b.testMs - a.testMs)
    .slice(0, 10)
    .map((e) => ({ ...e, testMs: Math.round(e.testMs) }));
}

/** The self-test files on disk, as Playwright names them (project self: `{src,specs,scripts,fixtures}/**\/*.test.ts`). */
export function selfTestFiles(root: string): string[] {
  return ['src', 'specs', 'scripts', 'fixtures']
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => `${dir}/${f.split('\\').join('/')}`),
    )
    .sort();
}

/**
 * The self-tests' timings from the Playwright JSON report a previous `npm test` left (reports/self/results.json).
 * The bench never runs them itself. A report that is not of every file in `expectedFiles` does not count:
 * a `vcconform run`'s (project mock) or a run of some files only.
 */
export function selfTestTimings(file: string, expectedFiles: readonly string[]): SelfTestTimings {
  const none = (why: string): SelfTestTimings => ({ measured: false, reason: `${NOT_MEASURED}: ${why}`, projects: [], slowestFiles: [] });
  if (!existsSync(file)) return none(`there is no ${file}`);
  let times: TestTime[];
  let startedAt: string;
  try {
    const report = readPlaywrightReport(file);
    times = testTimes(report);
    startedAt = report.stats.startTime;
  } catch (e) {
    return none((e as Error).message);
  }
  if (!times.some((t) => t.project === 'self')) return none(`${file} has no test of project self (it is a vcconform run's report)`);
  const ran = new Set(times.filter((t) => t.project === 'self').map((t) => t.file));
  const missing = expectedFiles.filter((f) => !ran.has(f));
  if (missing.length > 0)
    return none(
      `${file} is of a partial run: ${expectedFiles.length - missing.length} of the ${expectedFiles.length} self-test files ` +
        `(none of ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})`,
    );
  return { measured: true, source: file, startedAt, projects: projectsOf(times), slowestFiles: slowestFilesOf(times) };
}
