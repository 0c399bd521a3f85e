import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf, timeOf } from './task-polls';

export const taskTimesAreOrdered: Check<Evidence> = {
  name: 'task-times-are-ordered',
  reason:
    'start_time is when the operation started and end_time when it completed: start_time ' +
    '≤ end_time, and start_time does not change between polls (vcenter-contract.md §5.1).',
  severity: 'failure',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    let first: { text: string; ms: number; index: number } | undefined;
    return pollsOf(e.task).flatMap((poll) => {
      const start = timeOf(poll.info.start_time);
      const end = timeOf(poll.info.end_time);
      const found = [];
      if (start !== undefined && end !== undefined && end < start) {
        found.push(
          issue(this, `the task ends before it starts (poll ${poll.index})`, {
            received: `start_time ${String(poll.info.start_time)}, end_time ${String(poll.info.end_time)}`,
            documented: 'start_time ≤ end_time',
            pointer: at(poll, 'end_time'),
          }),
        );
      }
      if (start !== undefined && first && start !== first.ms) {
        found.push(
          issue(this, `start_time changed after poll ${first.index}`, {
            received: `${first.text} → ${String(poll.info.start_time)}`,
            documented: 'the time the operation started, fixed once set',
            pointer: at(poll, 'start_time'),
          }),
        );
      }
      if (start !== undefined) first ??= { text: String(poll.info.start_time), ms: start, index: poll.index };
      return found;
    });
  },
};
