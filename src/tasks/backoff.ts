export interface PollOptions {
  /** Total time to wait, in ms: no wait starts that would end past it. */
  budgetMs: number;
  /** First delay between polls; it grows by `factor` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** Waits between polls; injectable so self-tests run without real time. */
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `step` until it says it is done, waiting between calls with exponential backoff (1 ms ×1.2
 * up to 1 s unless told otherwise: a task is seen to end at most a fifth of its age late, which is
 * about 29 polls in a task's first second against a target that answers at once, fewer against one
 * that takes its time). Returns true when `step` said done, false when the next wait
 * would end past the budget. The one poll loop of the harness: tasks, upgrades, quiet clusters.
 */
export async function pollWithBackoff(step: () => Promise<boolean>, options: PollOptions): Promise<boolean> {
  const { budgetMs, initialDelayMs = 1, maxDelayMs = 1000, factor = 1.2, wait = sleep, now = Date.now } = options;
  const start = now();
  let delay = initialDelayMs;
  for (;;) {
    if (await step()) return true;
    if (now() - start + delay > budgetMs) return false;
    await wait(delay);
    delay = Math.min(maxDelayMs, delay * factor);
  }
}
