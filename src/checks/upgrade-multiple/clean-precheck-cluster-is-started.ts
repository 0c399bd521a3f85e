import type { Check } from '../types';
import { issue, show } from '../issue';
import { isObject, pointerTo, requested, resOf, batchWhen, type Batch } from './batch';

/** The scenario puts a cluster in facts.upgradableClusters only from a state where it is idle and the version is available. */
export const cleanPrecheckClusterIsStarted: Check<Batch> = {
  name: 'clean-precheck-cluster-is-started',
  reason:
    'REJECTED "implies pre-check failed"; a cluster whose pre-check passes (INFO at most) proceeds, ' +
    'so an idle cluster asked for an available version with clean pre-checks is STARTED (vcenter-contract.md §3.2, §3.3).',
  severity: 'failure',
  select: (e) => batchWhen(e, (x) => requested(x, 'upgradableClusters').length > 0),
  run({ results }, e) {
    return requested(e, 'upgradableClusters')
      .filter((id) => Object.hasOwn(results, id) && resOf(results[id]) !== 'STARTED')
      .map((id) => {
        const result = results[id];
        const exception = isObject(result) && result.exception !== undefined ? ` (exception ${show(result.exception, 120)})` : '';
        return issue(this, `cluster ${id}, whose pre-check is clean, was not started`, {
          received: `res ${String(resOf(result))}${exception}`,
          documented: 'res STARTED',
          pointer: pointerTo(id, 'res'),
        });
      });
  },
};
