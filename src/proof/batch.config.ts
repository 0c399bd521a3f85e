import { DEFAULTS } from '../../fixtures/options';
import { escapeRegExp } from '../util/escape-regexp';
import { defineConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VcconformOptions } from '../../fixtures/test';

/**
 * The fault proof in one Playwright run (src/proof/run-batch.ts writes the cases and starts it): one
 * project per case, each with its faults, suites, grep and time scale. A project's workers start their
 * own mock with its faults, so the cases stay apart, while the runner, the TypeScript transform and the
 * configuration load once instead of once per case.
 */
export interface BatchCase {
  /** The project name: unique, read back from the JSON report. */
  name: string;
  faults: string[];
  /** Suite file filters as the CLI takes them (path substrings, e.g. `suites/stage-task.lifecycle`). */
  files: readonly string[];
  grep?: string;
  timeScale?: number;
}

const env = process.env;
const casesFile = env.VCCONFORM_PROOF_CASES;
if (!casesFile)
  throw new Error(
    '[vcconform] Failed to load the proof batch: VCCONFORM_PROOF_CASES names no cases file (src/proof/run-batch.ts sets it).',
  );
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as BatchCase[];
const reports = env.VCCONFORM_REPORTS!;

/** What every case shares, as run-suites.ts's child runs have it: a fixed seed, 10 runs, a short task budget. */
const base: VcconformOptions = {
  numRuns: 10,
  seed: 20261124,
  faults: [],
  timeScale: DEFAULTS.timeScale,
  taskBudgetMs: 3000,
  reports,
  keepWorkerAfterFailure: true,
};

export default defineConfig({
  testDir: join(__dirname, '..', '..'),
  testIgnore: ['**/node_modules/**'],
  retries: 0,
  workers: 2,
  reporter: [['json', { outputFile: join(reports, 'results.json') }]],
  outputDir: join(reports, 'test-results'),
  projects: cases.map((c) => ({
    name: c.name,
    testMatch: c.files.map((f) => new RegExp(`${escapeRegExp(f)}[^/]*\\.spec\\.ts$`)),
    ...(c.grep && { grep: new RegExp(c.grep) }),
    use: { vcconform: { ...base, faults: c.faults, ...(c.timeScale !== undefined && { timeScale: c.timeScale }) } } as never,
  })),
});
