import type { ApiClient } from '../client/api-client';
import type { SafetyGuard } from '../safety/guard';
import type { SessionKeeper } from './session-keeper';
import { writeStateChanges, type ClusterReadBack } from './state-changes';

/** At the end of a live worker: reads back every cluster the run changed and writes what it found. */
export async function readBack(
  target: string,
  guard: Pick<SafetyGuard, 'changed'>,
  keeper: Pick<SessionKeeper, 'get'>,
  api: ApiClient,
  reports: string | undefined,
  worker: string,
): Promise<void> {
  const changed = guard.changed();
  if (changed.length === 0 || reports === undefined) return;
  const session = await keeper.get('administrator');
  const clusters: ClusterReadBack[] = [];
  for (const { cluster, operations } of changed) {
    const e = await api.call('clusters.get', { params: { cluster }, session });
    clusters.push({ cluster, operations, readBack: { status: e.status, body: e.body } });
  }
  writeStateChanges(reports, worker, { target, at: new Date().toISOString(), clusters });
}
