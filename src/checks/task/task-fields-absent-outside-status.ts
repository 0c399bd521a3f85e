import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { taskFieldsFor } from '../../../specs/task-status-fields';
import { at, hasTask, pollsOf } from './task-polls';

/** `error` outside FAILED is left to task-error-only-when-failed (a warning too), which names that rule. */
const notExpectedIn = (status: unknown) => (taskFieldsFor(status)?.notExpected ?? []).filter((field) => field !== 'error');

export const taskFieldsAbsentOutsideStatus: Check<Evidence> = {
  name: 'task-fields-absent-outside-status',
  reason:
    'A status-dependent task field is "optional and it is only relevant when" the status is in its list; ' +
    'one present outside it (e.g. progress while PENDING, end_time while RUNNING) is a warning, since 9.1 calls it irrelevant ' +
    'there but never forbids it (vcenter-contract.md §5.1: "a field present outside its statuses is a warning").',
  severity: 'warning',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task).flatMap((poll) =>
      notExpectedIn(poll.status)
        .filter((field) => poll.info[field] !== undefined)
        .map((field) =>
          issue(this, `a ${poll.status} task carries ${field} (poll ${poll.index})`, {
            received: show(poll.info[field], 120),
            documented: `${field} is not expected when status is ${poll.status}`,
            pointer: at(poll, field),
          }),
        ),
    );
  },
};
