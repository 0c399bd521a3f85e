import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf, progressOf } from './task-polls';

export const progressNeverDecreases: Check<Evidence> = {
  name: 'progress-never-decreases',
  reason:
    'Cis.Task.Progress.completed "can only be incremented", so it never goes down from one poll to the next (vcenter-contract.md §5.1).',
  severity: 'failure',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    let last: { completed: number; index: number } | undefined;
    return pollsOf(e.task).flatMap((poll) => {
      const p = progressOf(poll.info);
      if (!p) return [];
      const before = last;
      last = { completed: p.completed, index: poll.index };
      if (!before || p.completed >= before.completed) return [];
      return [
        issue(this, `progress.completed went down after poll ${before.index}`, {
          received: `${before.completed} → ${p.completed}`,
          documented: 'completed can only be incremented',
          pointer: at(poll, 'progress', 'completed'),
        }),
      ];
    });
  },
};
