import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { LiveTarget, VcconformOptions } from './fixtures/test';
import { DEFAULTS } from './fixtures/options';
import { readRecording } from './src/replay/recording';
import { reportersFor } from './src/report/reporters';
import { SELF_TEST_REPORTS, selfTestsOnly } from './src/report/self-reports';
import { loadProfile, profileFromEnv, splitProfile } from './src/target/profile';
import { targetBuildFrom } from './src/target/build';

/**
 * The only reader of process.env (and its one writer, below). Projects:
 * - `self`: harness self-tests, `*.test.ts` beside the code (src/, specs/, scripts/);
 * - `mock`: the conformance suites (`suites/**\/*.spec.ts`) against the reference mock vCenter;
 * - `live` (only when a target is given, see liveTarget): the same suites against that vCenter, in
 *   safe mode unless mutations are allowed; tests needing what the target lacks skip, saying why.
 */
const env = process.env;

// The self-tests' reports go to reports/self/, so npm test never overwrites what a conformance run wrote to reports/.
// Decided in the runner, from its command line, and handed to the workers (which load this file again, with
// another command line) through the environment they inherit.
if (!env.VCCONFORM_REPORTS && selfTestsOnly(process.argv)) env.VCCONFORM_REPORTS = SELF_TEST_REPORTS;

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new Error(`[vcconform] Failed to read ${name}: expected a non-negative integer, got ${JSON.stringify(value)}.`);
  return Number(value);
}

const vcconform: VcconformOptions = {
  seed: int('FC_SEED', env.FC_SEED),
  path: env.FC_PATH || undefined,
  numRuns: int('FC_NUM_RUNS', env.FC_NUM_RUNS) ?? DEFAULTS.numRuns,
  faults: (env.VCCONFORM_FAULTS ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean),
  timeScale: int('VCCONFORM_TIME_SCALE', env.VCCONFORM_TIME_SCALE) ?? DEFAULTS.timeScale,
  taskBudgetMs: int('VCCONFORM_TASK_BUDGET_MS', env.VCCONFORM_TASK_BUDGET_MS) ?? DEFAULTS.taskBudgetMs,
  reports: resolve(env.VCCONFORM_REPORTS || 'reports'),
  ...(env.VCCONFORM_OPERATIONS && { operations: env.VCCONFORM_OPERATIONS.split(',') }),
};
const reports = env.VCCONFORM_REPORTS || 'reports';

/** A recording to replay offline (VCCONFORM_REPLAY): its profile without passwords, seed and run count, and build. */
const recording = env.VCCONFORM_REPLAY ? readRecording(env.VCCONFORM_REPLAY) : undefined;

/**
 * The live target: a profile file (VCCONFORM_PROFILE), a URL with VCENTER_USER / VCENTER_PASSWORD /
 * VCENTER_INSECURE (VCCONFORM_TARGET_URL), or a recording to replay offline (VCCONFORM_REPLAY).
 * VCCONFORM_ALLOW_MUTATIONS=1 lets state-changing requests through (to allowlisted clusters only).
 */
function liveTarget(): LiveTarget | undefined {
  if (recording) {
    const { profile } = recording;
    // A recording answers every login with a placeholder; the password is never compared.
    return { profile, password: () => 'replayed' };
  }
  const file = env.VCCONFORM_PROFILE;
  const url = env.VCCONFORM_TARGET_URL;
  if (!file && !url) return undefined;
  const profile = file ? loadProfile(file, env) : profileFromEnv({ ...env, VCENTER_URL: url });
  if (env.VCCONFORM_ALLOW_MUTATIONS === '1') profile.capabilities.allowMutations = true;
  return splitProfile(profile);
}
const live = liveTarget();
/**
 * The live target's build, read once by vcconform run's pre-flight (VCCONFORM_TARGET_BUILD, JSON; null: not
 * reported), or the one its recording names when replaying. Unset: the workers of the live project say it was not read.
 */
const liveBuild = recording ? (recording.build ?? null) : targetBuildFrom(env.VCCONFORM_TARGET_BUILD, 'VCCONFORM_TARGET_BUILD');
const liveOptions = live && {
  // --operations overrides the scope the profile declares.
  vcconform: {
    ...vcconform,
    faults: [],
    live,
    operations: vcconform.operations ?? live.profile.operations,
    record: env.VCCONFORM_RECORD || undefined,
    replay: env.VCCONFORM_REPLAY || undefined,
    build: liveBuild,
  },
  ignoreHTTPSErrors: live.profile.tls.insecure,
};

export default defineConfig({
  testDir: '.',
  // No testIgnore for node_modules: Playwright's walk never enters one below testDir, and a glob would also match this
  // directory's own path when vcconform is installed in one (npx vcconform run from a project: every suite ignored).
  forbidOnly: !!env.CI,
  // The whole run's budget, set by vcconform run from the profile (runBudgetMs): when it runs out Playwright stops,
  // writes every report and fails the run. Unset (the self-tests): no budget.
  globalTimeout: int('VCCONFORM_RUN_BUDGET_MS', env.VCCONFORM_RUN_BUDGET_MS) ?? 0,
  retries: 0,
  // One per core (Playwright's own default is half of them): the embedded mock's tests and the self-tests'
  // child runs wait on sockets as much as they compute. A live target gets one (vcconform run sets it).
  workers: int('VCCONFORM_WORKERS', env.VCCONFORM_WORKERS) ?? (live ? 1 : Math.max(2, availableParallelism())),
  // A sharded run (vcconform run --shard) adds a blob report for vcconform merge.
  reporter: reportersFor(reports, { blob: !!env.VCCONFORM_SHARD }),
  // Beside the reports when they are redirected, so a nested run never wipes its parent's test-results/.
  outputDir: env.VCCONFORM_REPORTS ? `${reports}/test-results` : 'test-results',
  use: { vcconform } as never,
  projects: [
    // Sized for a busy 2-core CI machine (another job on both cores): a self-test that takes 5 s when quiet may take 30.
    { name: 'self', testMatch: ['{src,specs,scripts,fixtures}/**/*.test.ts'], timeout: 120_000 },
    { name: 'mock', testMatch: ['suites/**/*.spec.ts'] },
    ...(liveOptions ? [{ name: 'live', testMatch: ['suites/**/*.spec.ts'], use: liveOptions as never }] : []),
  ],
});
