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
  /**
   * The wall-clock instant a virtual one is shown as in a response body: a scaled clock's virtual time
   * runs ahead of the wall clock (hours ahead after seconds at 1000×), but a timestamp a vCenter
   * reports is never later than the moment it answers. Events since the clock started are shown at
   * the real time they happened (durations compressed by the scale); earlier ones (an inventory's
   * dates) as they are. Monotonic, so the order of any two timestamps is kept.
   */
  toWall(virtualMs: number): number;
}

/** A clock that runs `timeScale` times faster than real time from the moment it is created. */
export function scaledClock(timeScale: number, wall: () => number = Date.now): Clock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new Error(`[vcconform] Failed to create the mock clock: time scale must be a positive number, got ${timeScale}.`);
  let origin = wall();
  let jump = 0;
  return {
    now: () => origin + (wall() - origin) * timeScale + jump,
    wallNow: wall,
    advance: (ms) => {
      jump += ms;
    },
    reset: () => {
      origin = wall();
      jump = 0;
    },
    toWall: (v) => (v <= origin ? v : origin + Math.max(0, v - origin - jump) / timeScale),
  };
}

/** A clock that stands still until advanced: fully deterministic lifecycles and session idleness. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock {
  let now = start;
  return {
    now: () => now,
    wallNow: () => now,
    advance: (ms) => {
      now += ms;
    },
    reset: () => {
      now = start;
    },
    // Virtual time is the only time a manual clock has: shown as it is.
    toWall: (v) => v,
  };
}

/** ISO 8601 instants with milliseconds, as the mock writes them. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A response body with every timestamp shown on the wall clock (Clock.toWall): done once, where the mock answers. */
export function wallTimes<T>(body: T, clock: Pick<Clock, 'toWall'>): T {
  return shownOnWall(body, clock) as T;
}

/**
 * A copy (faults edit what they are given) with loops rather than entries/fromEntries, and the ISO test
 * only on strings of its length: every answer goes through here, and it was the mock's largest cost.
 */
function shownOnWall(value: unknown, clock: Pick<Clock, 'toWall'>): unknown {
  if (typeof value === 'string')
    return value.length === 24 && value.charCodeAt(10) === 84 /* T */ && ISO_INSTANT.test(value)
      ? new Date(clock.toWall(Date.parse(value))).toISOString()
      : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shownOnWall(value[i], clock);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const shown = shownOnWall((value as Record<string, unknown>)[key], clock);
    // A key spelt __proto__ (a batch may name any cluster id) is an own property, as JSON.parse makes it.
    if (key === '__proto__') Object.defineProperty(out, key, { value: shown, enumerable: true, writable: true, configurable: true });
    else out[key] = shown;
  }
  return out;
}
