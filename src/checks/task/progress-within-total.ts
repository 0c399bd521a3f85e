import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf, progressOf } from './task-polls';

/** Only the bounds are judged: the docs do not say that `total` stays the same. */
export const progressWithinTotal: Check<Evidence> = {
  name: 'progress-within-total',
  reason: 'Cis.Task.Progress.completed is the part of total that is done: 0 ≤ completed ≤ total at every poll (vcenter-contract.md §5.1).',
  severity: 'failure',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task).flatMap((poll) => {
      const p = progressOf(poll.info);
      if (!p || (p.completed >= 0 && p.completed <= p.total)) return [];
      return [
        issue(this, `progress.completed is outside 0…total (poll ${poll.index})`, {
          received: `completed ${p.completed}, total ${p.total}`,
          documented: '0 ≤ completed ≤ total',
          pointer: at(poll, 'progress', 'completed'),
        }),
      ];
    });
  },
};
