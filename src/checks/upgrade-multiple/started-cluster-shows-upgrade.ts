import type { Check } from '../types';
import { issue } from '../issue';
import {
  infosByCluster,
  isBatch,
  pointerTo,
  relatedList,
  showsUpgrade,
  upgradeLine,
  upgradePollOf,
  upgradesStarted,
  type UpgradePoll,
} from './batch';

/**
 * Evidence: the upgrade call, `related.readBack` (the last clusters.get of each cluster) and the
 * `upgradePoll` fact: the suites poll every started cluster (src/tasks/poll-upgrades.ts) until it
 * shows the upgrade or the budget runs out, since how soon it shows is not documented. A read-back
 * that was not polled is not judged; neither is a cluster whose last read was not a 200.
 */
export const startedClusterShowsUpgrade: Check<UpgradePoll> = {
  name: 'started-cluster-shows-upgrade',
  reason:
    'upgradeMultiple\'s STARTED means "Upgrade is started" (9.1 Result.Res), and a single upgrade\'s 204 ' +
    'means its pre-check let it proceed ("INFO: Upgrade proceeds beyond precheck operation uninterrupted"): ' +
    'polled with get within the budget, the cluster shows it — PENDING ("Upgrade is in progress") with upgrade_status, ' +
    'READY at the requested version, or ERROR ("Upgrade failed") (vcenter-contract.md §3.1–§3.4).',
  severity: 'failure',
  select: (e) => (upgradesStarted(e.exchange).size > 0 && relatedList(e, 'readBack').length > 0 ? upgradePollOf(e) : undefined),
  run(poll, e) {
    const after = infosByCluster(relatedList(e, 'readBack'));
    const said = isBatch(e) ? 'STARTED' : 'upgraded with 204';
    return [...upgradesStarted(e.exchange)]
      .filter(([id, wanted]) => after.has(id) && !showsUpgrade(after.get(id), wanted))
      .map(([id, wanted]) => {
        const info = after.get(id)!;
        const polled = `${poll.polledMs[id] ?? 0} ms (${poll.reads[id] ?? 0} reads; budget ${poll.budgetMs} ms)`;
        return issue(
          this,
          `cluster ${id} was ${said} but get still showed no upgrade ` +
            `to ${String(wanted)} after polling it for ${polled}: ${upgradeLine(info)}`,
          {
            received: upgradeLine(info),
            documented: `PENDING with upgrade_status (to ${String(wanted)}), READY ${String(wanted)}, or ERROR`,
            ...(isBatch(e) && { pointer: pointerTo(id, 'res') }),
          },
        );
      });
  },
};
