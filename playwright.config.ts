import { defineConfig } from '@playwright/test';
import type { LiveTarget, VcconformOptions } from './fixtures/test';

/**
 * The only reader of process.env. Projects:
 * - `self`: harness self-tests, `*.test.ts` beside the code (src/, specs/, scripts/);
 * - `mock`: the conformance suites (`suites/**\/*.spec.ts`) against the reference mock vCenter;
 * - `live` (only when VCCONFORM_TARGET_URL is set): the same suites against that vCenter, logged in
 *   with VCENTER_USER / VCENTER_PASSWORD (the administrator); tests needing more skip.
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

/** The live target, when VCCONFORM_TARGET_URL names one; its credentials must be set too (never printed). */
function liveTarget(url: string | undefined): LiveTarget | undefined {
  if (!url) return undefined;
  const missing = ['VCENTER_USER', 'VCENTER_PASSWORD'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`[vcconform] Failed to configure the live target ${url}: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. Set them to the vCenter administrator's credentials.`);
  const password = env.VCENTER_PASSWORD!;
  // A function: the JSON report writes the project options, and JSON leaves functions out.
  return { url: url.replace(/\/+$/, ''), username: env.VCENTER_USER!, password: () => password };
}
const live = liveTarget(env.VCCONFORM_TARGET_URL);

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
  // Beside the reports when they are redirected, so a nested run never wipes its parent's test-results/.
  outputDir: env.VCCONFORM_REPORTS ? `${reports}/test-results` : 'test-results',
  use: { vcconform } as never,
  projects: [
    { name: 'self', testMatch: ['{src,specs,scripts}/**/*.test.ts'] },
    { name: 'mock', testMatch: ['suites/**/*.spec.ts'] },
    ...(live ? [{ name: 'live', testMatch: ['suites/**/*.spec.ts'], use: { vcconform: { ...vcconform, faults: [], live } } as never }] : []),
  ],
});
