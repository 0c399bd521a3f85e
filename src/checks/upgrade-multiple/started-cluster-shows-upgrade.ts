import type { Check } from '../types';
import { issue } from '../issue';
import { infosByCluster, isBatch, isObject, relatedList, requestSpecs, resOf, resultsOf, upgradeLine } from './batch';

/**
 * Advisory: how soon an upgrade shows is unspecified. PENDING must come with upgrade_status (its
 * absence means "not in progress"); an upgrade that already ended shows READY at the requested
 * version, or ERROR ("upgrade failed"), which still shows it began.
 */
export const startedClusterShowsUpgrade: Check = {
  name: 'started-cluster-shows-upgrade',
  reason: 'A STARTED cluster read back with get shows the upgrade: PENDING with upgrade_status (and its desired_version), or already READY at the requested version; the timing is unspecified, so this is advisory (prior-art §4.3, §4.6; vcenter-contract.md §3.4).',
  severity: 'warning',
  appliesTo: (e) => isBatch(e) && resultsOf(e.exchange) !== undefined && relatedList(e, 'readBack').length > 0,
  run(e) {
    const results = resultsOf(e.exchange)!;
    const specs = requestSpecs(e.exchange) ?? {};
    const after = infosByCluster(relatedList(e, 'readBack'));
    return Object.keys(results).filter((id) => resOf(results[id]) === 'STARTED' && after.has(id)).flatMap((id) => {
      const info = after.get(id)!;
      const wanted = specs[id]?.desired_version;
      const status = isObject(info.upgrade_status) ? info.upgrade_status : undefined;
      const pending = info.state === 'PENDING' && status !== undefined && (status.desired_version === undefined || status.desired_version === wanted);
      if (pending || info.state === 'ERROR' || (info.state === 'READY' && info.current_version === wanted)) return [];
      return [issue(this, `cluster ${id} was STARTED but the read-back shows no upgrade to ${String(wanted)}`, {
        received: upgradeLine(info), documented: `PENDING upgrading to ${String(wanted)}, or READY ${String(wanted)}`,
      })];
    });
  },
};
