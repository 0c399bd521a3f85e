import { loadInventory, type Inventory, type InventoryCluster, type PrecheckOutcome } from '../mock/inventory';

/** The version every generated cluster runs, and the one a batch asks for. */
export const FROM_VERSION = 'v1.29.7';
export const TO_VERSION = 'v1.30.4';

const OUTCOMES: readonly PrecheckOutcome[] = ['none', 'warnings', 'errors'];

/** The id of the i-th generated WCP cluster. */
export const bigClusterId = (i: number) => `domain-c${1000 + i}`;

/**
 * The default inventory's users and timings with `count` WCP clusters instead of its own, built in
 * memory: clean, warnings-only and error pre-checks in turn, so a batch of them is part STARTED and
 * part REJECTED (with an exception each), as a real fleet would answer.
 */
export function bigInventory(count: number): Inventory {
  const base = loadInventory();
  const clusters: InventoryCluster[] = Array.from({ length: count }, (_, i) => {
    const outcome = OUTCOMES[i % OUTCOMES.length]!;
    return {
      id: bigClusterId(i),
      name: `wcp-${i}`,
      singleImage: true,
      commits: ['1'],
      supervisor: { currentVersion: FROM_VERSION, availableVersions: [TO_VERSION], prechecks: { [TO_VERSION]: outcome } },
    };
  });
  // The operator's per-cluster grants name the default clusters, which are gone: it keeps only its global ones.
  const users = base.users.map(({ clusterPrivileges: _, ...user }) => user);
  return { ...base, users, clusters, hosts: [] };
}
