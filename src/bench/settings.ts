import { DEFAULTS } from '../../fixtures/options';
import type { BenchSettings } from './report-types';

/**
 * The full bench: about three to four minutes on a busy 2-core machine, most of it the three
 * `vcconform run`s of P2 (the budget is five).
 */
export const FULL: BenchSettings = {
  repetitions: 3,
  loadSeconds: 2,
  warmupSeconds: 1,
  connections: 10,
  runRepetitions: 3,
  batchSizes: [10, 100, 1000, 10_000],
  batchRepetitions: 5,
  taskRepetitions: 5,
  // What `vcconform run` gives the embedded mock (playwright.config.ts, VCCONFORM_TIME_SCALE's default).
  timeScale: DEFAULTS.timeScale,
};

/** `--smoke`: one repetition of everything cheap, so the self-test can prove the bench end to end in seconds. */
export const SMOKE: BenchSettings = {
  ...FULL,
  repetitions: 1,
  // autocannon samples once a second: a shorter load still takes one.
  loadSeconds: 1,
  warmupSeconds: 0,
  runRepetitions: 0,
  batchRepetitions: 1,
  taskRepetitions: 1,
};
