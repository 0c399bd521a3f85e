import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { taskFieldsFor } from '../../../specs/task-status-fields';
import { at, hasTask, pollsOf } from './task-polls';

export const taskFieldsMatchStatus: Check<Evidence> = {
  name: 'task-fields-match-status',
  reason:
    'Every poll carries the fields its status requires: progress and start_time from RUNNING/BLOCKED on, ' +
    'end_time once SUCCEEDED or FAILED (vcenter-contract.md §5.1, SDK 8.0U2 table).',
  severity: 'failure',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task).flatMap((poll) =>
      (taskFieldsFor(poll.status)?.required ?? [])
        .filter((field) => poll.info[field] === undefined)
        .map((field) =>
          issue(this, `a ${poll.status} task has no ${field} (poll ${poll.index})`, {
            received: '(absent)',
            documented: `${field} is required when status is ${poll.status}`,
            pointer: at(poll, field),
          }),
        ),
    );
  },
};
