import type { Check } from '../types';
import { issue } from '../issue';
import { infosByCluster, relatedList, resOf, upgradeBegan, upgradeLine, batchWhen, type Batch } from './batch';

/** Evidence: `related.before` and `related.readBack`, clusters.get of the listed clusters around the batch. */
export const rejectedClusterDoesNotUpgrade: Check<Batch> = {
  name: 'rejected-cluster-does-not-upgrade',
  reason:
    'REJECTED "implies pre-check failed", and a failed pre-check stops the upgrade (ERROR: does not proceed; WARNING: ' +
    'proceeds only if ignored): a read-back of a REJECTED cluster shows no upgrade began (vcenter-contract.md §3.2, §3.3).',
  severity: 'failure',
  select: (e) => batchWhen(e, (x) => relatedList(x, 'readBack').length > 0),
  run({ results }, e) {
    const before = infosByCluster(relatedList(e, 'before'));
    const after = infosByCluster(relatedList(e, 'readBack'));
    return Object.keys(results)
      .filter((id) => resOf(results[id]) === 'REJECTED' && before.has(id) && after.has(id) && upgradeBegan(before.get(id)!, after.get(id)!))
      .map((id) =>
        issue(this, `cluster ${id} was REJECTED but began upgrading`, {
          received: `${upgradeLine(before.get(id)!)} → ${upgradeLine(after.get(id)!)}`,
          documented: 'unchanged after REJECTED',
        }),
      );
  },
};
