import type { ApiClient } from './api-client';

/**
 * Why a test that ran out of time did, when the target was the slow part: the requests still
 * unanswered and the slowest answers, with their times. Undefined when no request was slow
 * (the time went elsewhere: that is not the target's doing).
 */
export function slowness(api: Pick<ApiClient, 'pending' | 'exchanges'>, timeoutMs: number, now = Date.now()): string | undefined {
  const waiting = [...api.pending].map((p) => `${p.line} unanswered after ${now - p.at} ms`);
  const answers = [...api.exchanges].sort((a, b) => b.durationMs - a.durationMs);
  const total = answers.reduce((sum, e) => sum + e.durationMs, 0) + [...api.pending].reduce((sum, p) => sum + (now - p.at), 0);
  // The target is the slow part when waiting for it took most of the test's time.
  if (waiting.length === 0 && total < timeoutMs / 2) return undefined;
  const slowest = answers
    .slice(0, 3)
    .map((e) => `${e.request.method} ${e.request.url.split('?')[0]} answered ${e.status} after ${e.durationMs} ms`);
  return (
    `[vcconform] The test ran out of its ${timeoutMs} ms waiting for the target: ${[...waiting, ...slowest].join('; ')}` +
    ` (${answers.length} answer${answers.length === 1 ? '' : 's'} took ${total} ms in all).`
  );
}
