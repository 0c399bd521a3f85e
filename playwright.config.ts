import { defineConfig } from '@playwright/test';
import type { VcconformOptions } from './fixtures/test';

/**
 * The only reader of process.env. Projects:
 * - `self`: harness self-tests, `*.test.ts` beside the code (src/, specs/, scripts/);
 * - `mock`: the conformance suites (`suites/**\/*.spec.ts`) against the reference mock vCenter.
 */
const env = process.env;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`[vcconform] Failed to read ${name}: expected a non-negative integer, got ${JSON.stringify(value)}.`);
  return Number(value);
}

const vcconform: VcconformOptions = {
  seed: int('FC_SEED', env.FC_SEED),
  path: env.FC_PATH || undefined,
  numRuns: int('FC_NUM_RUNS', env.FC_NUM_RUNS) ?? 25,
  faults: (env.VCCONFORM_FAULTS ?? '').split(',').map((f) => f.trim()).filter(Boolean),
  timeScale: int('VCCONFORM_TIME_SCALE', env.VCCONFORM_TIME_SCALE) ?? 2000,
  taskBudgetMs: int('VCCONFORM_TASK_BUDGET_MS', env.VCCONFORM_TASK_BUDGET_MS) ?? 15_000,
};
const reports = env.VCCONFORM_REPORTS || 'reports';

export default defineConfig({
  testDir: '.',
  testIgnore: ['**/node_modules/**'],
  forbidOnly: !!env.CI,
  retries: 0,
  workers: env.VCCONFORM_WORKERS ? int('VCCONFORM_WORKERS', env.VCCONFORM_WORKERS) : env.CI ? 2 : undefined,
  reporter: [
    ['list'],
    ['html', { outputFolder: `${reports}/html`, open: 'never' }],
    ['junit', { outputFile: `${reports}/junit.xml` }],
    ['json', { outputFile: `${reports}/results.json` }],
  ],
  outputDir: 'test-results',
  use: { vcconform } as never,
  projects: [
    { name: 'self', testMatch: ['{src,specs,scripts}/**/*.test.ts'] },
    { name: 'mock', testMatch: ['suites/**/*.spec.ts'] },
  ],
});
