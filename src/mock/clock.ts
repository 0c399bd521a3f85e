/**
 * The mock's notion of time. `scaled` runs `timeScale` times faster than the wall clock, so a
 * 30-second stage takes 30 ms at scale 1000; `manual` moves only when a test calls `advance()`.
 */
export interface Clock {
  /** Virtual milliseconds since the epoch. */
  now(): number;
  /** Moves virtual time forward (manual clocks only; scaled clocks also accept it as a jump). */
  advance(ms: number): void;
  reset(): void;
}

/** A clock that runs `timeScale` times faster than real time from the moment it is created. */
export function scaledClock(timeScale: number, wall: () => number = Date.now): Clock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new Error(`[vcconform] Failed to create the mock clock: time scale must be a positive number, got ${timeScale}.`);
  let origin = wall();
  let jump = 0;
  return {
    now: () => origin + (wall() - origin) * timeScale + jump,
    advance: (ms) => { jump += ms; },
    reset: () => { origin = wall(); jump = 0; },
  };
}

/** A clock that stands still until advanced: fully deterministic lifecycles. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => { now += ms; },
    reset: () => { now = start; },
  };
}
