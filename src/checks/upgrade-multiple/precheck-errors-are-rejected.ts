import type { Check } from '../types';
import { issue } from '../issue';
import { pointerTo, requested, resOf, batchWhen, type Batch } from './batch';

export const precheckErrorsAreRejected: Check<Batch> = {
  name: 'precheck-errors-are-rejected',
  reason:
    'A cluster whose pre-check reports ERROR "does not proceed beyond pre-check", ' +
    'whatever ignore_precheck_warnings says: its Result is REJECTED (vcenter-contract.md §3.3).',
  severity: 'failure',
  select: (e) => batchWhen(e, (x) => requested(x, 'errorsClusters').length > 0),
  run({ results, specs }, e) {
    return requested(e, 'errorsClusters')
      .filter((id) => Object.hasOwn(results, id) && resOf(results[id]) !== 'REJECTED')
      .map((id) =>
        issue(this, `cluster ${id}, whose pre-check reports errors, was not rejected`, {
          received:
            `res ${String(resOf(results[id]))} ` +
            `(ignore_precheck_warnings ${JSON.stringify(specs[id]?.ignore_precheck_warnings) ?? 'unset'})`,
          documented: 'res REJECTED',
          pointer: pointerTo(id, 'res'),
        }),
      );
  },
};
