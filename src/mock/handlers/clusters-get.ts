import { vapiError } from '../errors';
import { READ_PRIVILEGE, infoOf, settledSupervisor } from '../supervisor';
import type { Handler } from '../types';
import { unauthorized } from './auth';

/** GET /api/vcenter/namespace-management/software/clusters/{cluster} → 200 Info; 404, then 403, then 400 UNSUPPORTED (§3.1 get). */
export const getCluster: Handler = (request, { state }) => {
  const clusterId = request.params.cluster!;
  const cluster = state.clusters.get(clusterId);
  if (!cluster) return vapiError('NOT_FOUND', `There is no cluster ${clusterId}.`);
  if (!state.can(request.user!, READ_PRIVILEGE, clusterId)) return unauthorized();
  const s = settledSupervisor(cluster, state.now());
  if (!s) return vapiError('UNSUPPORTED', `Cluster ${clusterId} is not WCP-enabled.`);
  return { status: 200, body: infoOf(s, state.now()) };
};
