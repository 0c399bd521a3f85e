import { readFileSync } from 'node:fs';

/**
 * The parts of Playwright's JSON report (reporter `json`: reports/results.json; reports/self/results.json for npm test)
 * the bench reads.
 */
export interface PlaywrightReport {
  stats: { startTime: string; duration: number };
  suites: PlaywrightSuite[];
}
interface PlaywrightSuite {
  file?: string;
  specs?: { file: string; tests: { projectName: string; results: { startTime: string; duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

/** One test result: its file, project, and when it started (epoch ms) and how long it took. */
export interface TestTime {
  file: string;
  project: string;
  startMs: number;
  durationMs: number;
}

/** Reads a Playwright JSON report; throws naming the file when it is not one. */
export function readPlaywrightReport(file: string): PlaywrightReport {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<PlaywrightReport>;
  if (!value.stats || typeof value.stats.startTime !== 'string' || !Array.isArray(value.suites)) {
    throw new Error(`[vcconform] Failed to read ${file}: it is not a Playwright JSON report (no stats.startTime or suites).`);
  }
  return value as PlaywrightReport;
}

/** Every test result in the report, in report order. */
export function testTimes(report: PlaywrightReport): TestTime[] {
  const out: TestTime[] = [];
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const r of test.results) {
          out.push({ file: spec.file, project: test.projectName, startMs: Date.parse(r.startTime), durationMs: r.duration });
        }
    (suite.suites ?? []).forEach(walk);
  };
  report.suites.forEach(walk);
  return out;
}
