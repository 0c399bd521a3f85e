import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf, TERMINAL_STATUSES } from './task-polls';

/** PENDING → RUNNING ⇄ BLOCKED → SUCCEEDED | FAILED; skipping ahead between polls is fine, going back is not. */
const STAGE: Record<string, number> = { PENDING: 0, RUNNING: 1, BLOCKED: 1, SUCCEEDED: 2, FAILED: 2 };

export const taskTransitionsAreLegal: Check<Evidence> = {
  name: 'task-transitions-are-legal',
  reason:
    'A task moves PENDING → RUNNING (⇄ BLOCKED, which is not terminal) → SUCCEEDED or FAILED, ' +
    'and nothing leaves SUCCEEDED or FAILED (vcenter-contract.md §5, §5.1).',
  severity: 'failure',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    const polls = pollsOf(e.task).filter((p) => p.status !== undefined && STAGE[p.status] !== undefined);
    return polls.slice(1).flatMap((poll, i) => {
      const before = polls[i]!;
      const from = before.status!;
      const to = poll.status!;
      const illegal = TERMINAL_STATUSES.has(from) ? to !== from : STAGE[to]! < STAGE[from]!;
      return illegal
        ? [
            issue(this, `the task went from ${from} (poll ${before.index}) back to ${to}`, {
              received: `${from} → ${to}`,
              documented: TERMINAL_STATUSES.has(from) ? `${from} is terminal` : 'PENDING → RUNNING ⇄ BLOCKED → SUCCEEDED | FAILED',
              pointer: at(poll, 'status'),
            }),
          ]
        : [];
    });
  },
};
