/**
 * The mock's notion of time. `scaled` runs `timeScale` times faster than the wall clock, so a
 * 30-second stage takes 30 ms at scale 1000; `manual` moves only when a test calls `advance()`.
 *
 * Two readings: `now()` is virtual time (task and upgrade lifecycles, timestamps in bodies);
 * `wallNow()` is unscaled time, for what a person waits on — session idleness — so a session
 * started from a shell does not idle out in 1.8 real seconds at scale 1000.
 */
export interface Clock {
  /** Virtual milliseconds since the epoch. */
  now(): number;
  /** Unscaled milliseconds: real time for a scaled clock; a manual clock's `advance()` moves it too. */
  wallNow(): number;
  /** Moves virtual time forward (manual clocks only; scaled clocks also accept it as a jump of virtual time only). */
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
    wallNow: wall,
    advance: (ms) => { jump += ms; },
    reset: () => { origin = wall(); jump = 0; },
  };
}

/** A clock that stands still until advanced: fully deterministic lifecycles and session idleness. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock {
  let now = start;
  return {
    now: () => now,
    wallNow: () => now,
    advance: (ms) => { now += ms; },
    reset: () => { now = start; },
  };
}
