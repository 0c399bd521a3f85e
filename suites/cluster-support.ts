import type { ApiClient, Exchange } from '../fixtures/test';

/** clusters.get of each cluster in turn: the read before and after a call that shows whether an upgrade began. */
export async function readClusters(api: ApiClient, ids: readonly string[], session: string): Promise<Exchange[]> {
  const out: Exchange[] = [];
  for (const cluster of ids) out.push(await api.call('clusters.get', { params: { cluster }, session }));
  return out;
}
