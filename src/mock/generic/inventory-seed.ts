import type { ClusterState } from '../state';
import type { InventoryHost } from '../inventory';
import type { Seed } from './store';

/** The store's seed: clusters are the inventory's, hosts the inventory's (a cluster's own in a cluster's scope). */
export function inventorySeed(
  inventory: () => { clusters: ReadonlyMap<string, ClusterState>; hosts: ReadonlyMap<string, InventoryHost> },
): Seed {
  return (type, scope) => {
    const { clusters, hosts } = inventory();
    if (type === 'ClusterComputeResource') return [...clusters.keys()];
    if (type !== 'HostSystem') return undefined;
    if (scope.cluster === undefined) return [...hosts.keys()];
    return clusters.get(scope.cluster)?.hosts.map((h) => h.id) ?? [];
  };
}
