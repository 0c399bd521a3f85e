import type { Check } from '../types';
import { issue, show } from '../issue';
import { isObject, pointerTo, resOf, batchOf, type Batch } from './batch';

/** `null` counts as unset (vcenter-contract.md §1); the null itself is reported by unset-fields-are-omitted-not-null. */
export const startedHasNoException: Check<Batch> = {
  name: 'started-has-no-exception',
  reason:
    'Result.exception is "optional and it is only relevant when the value of res is REJECTED" (9.1 ' +
    'Result schema, vcenter-contract.md §3.2): the wording never forbids it on a STARTED Result, ' +
    'so, as for task fields outside their statuses (§5.1), an exception on STARTED is advisory.',
  severity: 'warning',
  select: batchOf,
  run({ results }) {
    return Object.entries(results)
      .filter(
        ([, result]) => resOf(result) === 'STARTED' && isObject(result) && result.exception !== undefined && result.exception !== null,
      )
      .map(([id, result]) =>
        issue(this, `cluster ${id} is STARTED but carries an exception`, {
          received: show((result as { exception: unknown }).exception, 160),
          documented: 'exception only with res REJECTED',
          pointer: pointerTo(id, 'exception'),
        }),
      );
  },
};
