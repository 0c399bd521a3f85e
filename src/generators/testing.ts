/** Seed shared by the generator law tests, so every run explores the same values. */
export const LAW_SEED = 20_240_611;

/**
 * Throws `why()` unless `ok`. For hot property loops: Playwright's expect records a step per call,
 * which costs ~1 ms, and a property runs its body up to 1,000 times.
 */
export function check(ok: boolean, why: () => string): void {
  if (!ok) throw new Error(why());
}
