import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { at, hasTask, pollsOf } from './task-polls';

/**
 * `error` is one of the status-dependent fields of the §5.1 table (only relevant when FAILED), and
 * the contract grades those: "a field present outside its statuses is a warning".
 */
export const taskErrorOnlyWhenFailed: Check<Evidence> = {
  name: 'task-error-only-when-failed',
  reason:
    'Cis.Task.Info.error is the "Description of the error if the operation status is FAILED" and ' +
    'is optional even then; advisory, since 9.1 never forbids it in another status, ' +
    'and the contract grades "a field present outside its statuses" as a warning (vcenter-contract.md §5.1).',
  severity: 'warning',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task)
      .filter((p) => p.info.error !== undefined && p.status !== 'FAILED')
      .map((poll) =>
        issue(this, `a ${poll.status} task carries an error (poll ${poll.index})`, {
          received: show(poll.info.error, 160),
          documented: 'error only when status is FAILED',
          pointer: at(poll, 'error'),
        }),
      );
  },
};
