import type { Check, Exchange, Evidence } from '../types';
import { issue } from '../issue';

/** The times of a 200 Cis.Session.Info answer, when both parse (their format is body-matches-schema's concern). */
function timesOf(x: Exchange): { created: number; accessed: number; accessedText: string } | undefined {
  const body = x.body as { created_time?: unknown; last_accessed_time?: unknown } | undefined;
  if (x.status !== 200 || typeof body?.created_time !== 'string' || typeof body.last_accessed_time !== 'string') return undefined;
  const created = Date.parse(body.created_time);
  const accessed = Date.parse(body.last_accessed_time);
  return Number.isFinite(created) && Number.isFinite(accessed) ? { created, accessed, accessedText: body.last_accessed_time } : undefined;
}

/**
 * Judges the session.get answer, and with `related.earlier` (earlier gets of the same session, in
 * order) also that last_accessed_time never moved back between them.
 */
export const sessionTimesAreOrdered: Check<Evidence> = {
  name: 'session-times-are-ordered',
  reason:
    'A session is used after it is created and every call moves last_accessed_time forward, so created_time ' +
    '≤ last_accessed_time and last_accessed_time never goes back (Cis.Session.Info; vcenter-contract.md §2).',
  severity: 'failure',
  select: (e) => (e.exchange.operation === 'session.get' && timesOf(e.exchange) !== undefined ? e : undefined),
  run(e) {
    const earlier = [e.related?.earlier ?? []].flat().filter((x): x is Exchange => x !== undefined);
    const seen = [...earlier, e.exchange].map(timesOf).filter((t) => t !== undefined);
    const now = seen.at(-1)!;
    const issues =
      now.created > now.accessed
        ? [
            issue(this, 'the session was last accessed before it was created', {
              received: `last_accessed_time ${new Date(now.accessed).toISOString()} < created_time ${new Date(now.created).toISOString()}`,
              documented: 'created_time ≤ last_accessed_time',
              pointer: '/last_accessed_time',
            }),
          ]
        : [];
    const back = seen.findIndex((t, i) => i > 0 && t.accessed < seen[i - 1]!.accessed);
    if (back > 0) {
      issues.push(
        issue(this, `last_accessed_time went back between get ${back} and get ${back + 1} of the same session`, {
          received: `${seen[back - 1]!.accessedText} then ${seen[back]!.accessedText}`,
          documented: 'last_accessed_time never decreases',
          pointer: '/last_accessed_time',
        }),
      );
    }
    return issues;
  },
};
