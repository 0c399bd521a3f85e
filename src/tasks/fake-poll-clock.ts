import type { PollOptions } from './backoff';

/**
 * For the pollers' self-tests: poll options on a fake clock that moves only when the poller waits (each wait
 * recorded) or when a fake answer moves `clock.now` itself, and the usual 1 s budget.
 */
export function fakePollClock(budgetMs = 1000): { clock: { now: number }; waits: number[]; options: PollOptions } {
  const clock = { now: 0 };
  const waits: number[] = [];
  const wait = async (ms: number) => {
    waits.push(ms);
    clock.now += ms;
  };
  return { clock, waits, options: { budgetMs, now: () => clock.now, wait } };
}
