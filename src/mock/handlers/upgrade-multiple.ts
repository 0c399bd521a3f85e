import { UPGRADE_PRIVILEGE, refusalBody, tryUpgrade, type UpgradeSpec } from '../supervisor';
import type { Handler } from '../types';
import { unauthorized } from './auth';

/**
 * POST /api/vcenter/namespace-management/software/clusters?action=upgradeMultiple → 200, a map
 * with exactly the request's keys, each cluster STARTED or REJECTED on its own (§3.2); 403 for
 * the whole request, with nothing started, when Namespaces.Upgrade is missing on any listed cluster.
 *
 * Mock choices, where the documentation is silent (vcenter-contract.md §3, §8), for all four
 * namespace software cluster operations:
 * - Unknown cluster id in the map: REJECTED, exception NOT_FOUND. A cluster that is not
 *   WCP-enabled: REJECTED, exception UNSUPPORTED. Never a 400/404/500 for the whole request.
 * - Privilege first: a caller without Namespaces.Upgrade (globally or on the cluster) on ANY key,
 *   unknown ids included (no one holds a privilege on a cluster that does not exist), gets 403 and
 *   nothing starts. `{}` names no cluster, so any caller gets 200 `{}`.
 * - `exception` is a std error (SDK 8.0U2 typing), exactly the body the single upgrade would
 *   refuse the same spec with: UNSUPPORTED "Pre-check failed: …" for pre-check errors, or
 *   warnings without `ignore_precheck_warnings: true` (unset ≡ false, §3.3); UNSUPPORTED for a
 *   version not in available_versions and for an upgrade already in progress. STARTED has no
 *   `exception`. Refusal order: unknown, not WCP, in progress, version, pre-check.
 * - A rejected attempt leaves no trace: Info is unchanged (Info.messages stays []). A started
 *   upgrade whose pre-check warnings were ignored reports one WARNING in upgrade_status.messages.
 * - Lifecycle (virtual time, settled on every read): PENDING from start for timings.upgradeMs;
 *   progress counts 3 control plane nodes, completed = floor(3 × elapsed / upgradeMs), so it
 *   only grows and stays below total while PENDING; available_versions unchanged meanwhile.
 *   Then READY at the new version, last_upgraded_date = end time, the new and older versions
 *   leave available_versions. State ERROR never occurs; upgrade_prechecks and
 *   UpgradeStatus.components are never sent.
 * - list needs System.Read globally (its 403 text names no resource) and lists every WCP
 *   cluster; get needs it globally or on the cluster. Single upgrade and get answer 404 for an
 *   unknown cluster before checking the privilege.
 * - Malformed bodies (not JSON, wrong types, missing desired_version) are refused by the core
 *   with 400 INVALID_ARGUMENT before this handler runs (undeclared status, std error body).
 */
export const upgradeMultiple: Handler = (request, { state }) => {
  const specs = Object.entries(request.body as Record<string, UpgradeSpec>);
  if (specs.some(([clusterId]) => !state.can(request.user!, UPGRADE_PRIVILEGE, clusterId))) return unauthorized();
  // One Map lookup per cluster: O(n) in the size of the request. fromEntries keeps `__proto__` as a key.
  const results = specs.map(([clusterId, spec]) => {
    const refused = tryUpgrade(state, clusterId, spec);
    return [clusterId, refused ? { res: 'REJECTED', exception: refusalBody(refused) } : { res: 'STARTED' }] as const;
  });
  return { status: 200, body: Object.fromEntries(results) };
};
