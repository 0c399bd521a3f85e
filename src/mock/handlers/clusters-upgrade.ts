import { vapiError } from '../errors';
import { UPGRADE_PRIVILEGE, tryUpgrade, type UpgradeSpec } from '../supervisor';
import type { Handler } from '../types';
import { unauthorized } from './auth';

/**
 * POST /api/vcenter/namespace-management/software/clusters/{cluster}?action=upgrade → 204, the
 * upgrade starts; 404 unknown cluster, then 403 without Namespaces.Upgrade on it, then 400
 * UNSUPPORTED: not WCP-enabled, upgrade running, version not available, pre-check failed (§3.1, §3.3).
 */
export const upgradeCluster: Handler = (request, { state }) => {
  const clusterId = request.params.cluster!;
  if (state.clusters.has(clusterId) && !state.can(request.user!, UPGRADE_PRIVILEGE, clusterId)) return unauthorized();
  const refused = tryUpgrade(state, clusterId, request.body as UpgradeSpec);
  return refused ? vapiError(refused.type, refused.text) : { status: 204 };
};
