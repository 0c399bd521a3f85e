import { READ_PRIVILEGE, settledSupervisor, summaryOf } from '../supervisor';
import type { Handler } from '../types';
import { unauthorized } from './auth';

/** GET /api/vcenter/namespace-management/software/clusters → 200 Summary[] of the WCP-enabled clusters (§3.1 list). */
export const listClusters: Handler = (request, { state }) => {
  // The 403 text names System.Read with no resource: the mock wants it globally (mock choices, upgrade-multiple.ts).
  if (!state.can(request.user!, READ_PRIVILEGE)) return unauthorized();
  const now = state.now();
  const body = [...state.clusters.values()].flatMap((cluster) => {
    const s = settledSupervisor(cluster, now);
    return s ? [summaryOf(cluster, s)] : [];
  });
  return { status: 200, body };
};
