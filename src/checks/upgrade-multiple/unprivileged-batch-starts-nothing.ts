import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { infosByCluster, isBatch, relatedList, upgradeBegan, upgradeLine } from './batch';

/** Evidence: `related.before` and `related.readBack`, clusters.get of every listed cluster by a privileged user. */
export const unprivilegedBatchStartsNothing: Check<Evidence> = {
  name: 'unprivileged-batch-starts-nothing',
  reason:
    'Namespaces.Upgrade is needed on all specified clusters: lacking it on any one refuses the whole request, ' +
    'and then no cluster may start upgrading, as a read-back shows (vcenter-contract.md §3.2).',
  severity: 'failure',
  select: (e) => (isBatch(e) && e.intent.kind === 'unprivileged' && relatedList(e, 'readBack').length > 0 ? e : undefined),
  run(e) {
    const before = infosByCluster(relatedList(e, 'before'));
    const after = infosByCluster(relatedList(e, 'readBack'));
    return [...after]
      .filter(([id, info]) => before.has(id) && upgradeBegan(before.get(id)!, info))
      .map(([id, info]) =>
        issue(this, `cluster ${id} began upgrading although the batch was refused (${e.exchange.status})`, {
          received: `${upgradeLine(before.get(id)!)} → ${upgradeLine(info)}`,
          documented: 'unchanged: no cluster starts upgrading',
        }),
      );
  },
};
