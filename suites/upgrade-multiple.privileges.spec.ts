import { test, fc, sends, arbitraryFor } from '../fixtures/test';
import { readClusters } from './cluster-support';

/**
 * upgradeMultiple needs Namespaces.Upgrade "on all specified clusters" (9.1 403 text,
 * vcenter-contract.md §3.1, §3.2): lacking it on any one gives 403 UNAUTHORIZED for the whole
 * request, and a read-back by the administrator shows that no listed cluster started upgrading.
 */
type Spec = { desired_version: string; ignore_precheck_warnings?: boolean };

const specOf = (version: string) =>
  arbitraryFor('Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpec').map((s) => ({ ...(s as Spec), desired_version: version }));

/** The administrator's read-backs, and a batch the role lacks Namespaces.Upgrade for (expected-rejected: unprivileged). */
const REFUSED_BATCH = sends({ 'read-only': ['session.create', 'clusters.get'], 'expected-rejected': ['clusters.upgradeMultiple'] });

test.describe('upgradeMultiple privileges', () => {
  test(
    'an operator lacking Namespaces.Upgrade on one listed cluster gets 403 for the whole batch, and no listed cluster starts upgrading',
    REFUSED_BATCH.assuming({
      roles: ['operatorDeniedCluster', 'upgradableCluster'],
      lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: 'operatorDeniedCluster' }],
    }),
    async ({ api, target, sessions, need, property }) => {
      const roles = need.roles('operatorDeniedCluster', 'upgradableCluster');
      need.lacks('operator', 'Namespaces.Upgrade', roles.operatorDeniedCluster);
      const denied = { id: roles.operatorDeniedCluster, version: roles.upgradableCluster.version };
      const batches = fc
        .shuffledSubarray([roles.upgradableCluster, denied], { minLength: 2 })
        .chain((clusters) => fc.tuple(...clusters.map((c) => specOf(c.version).map((spec) => [c.id, spec] as const))));
      await property(batches, async (batch) => {
        await target.resetIfPossible();
        const admin = await sessions.get('administrator');
        const read = () =>
          readClusters(
            api,
            batch.map(([cluster]) => cluster),
            admin,
          );
        const before = await read();
        const exchange = await api.call('clusters.upgradeMultiple', {
          body: Object.fromEntries(batch),
          session: await sessions.get('operator'),
        });
        const readBack = await read();
        return [
          {
            scenario: `upgradeMultiple of ${batch.map(([id]) => id).join(', ')} by an operator without Namespaces.Upgrade on ${denied.id}`,
            intent: { kind: 'unprivileged', role: 'operator', privilege: 'Namespaces.Upgrade' },
            exchange,
            related: { before, readBack },
          },
        ];
      });
    },
  );

  test(
    'a read-only user gets 403 for a batch, and the cluster does not start upgrading',
    REFUSED_BATCH.assuming({
      roles: ['upgradableCluster'],
      lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: 'upgradableCluster' }],
    }),
    async ({ api, target, sessions, need, verify }) => {
      const { upgradableCluster: c } = need.roles('upgradableCluster');
      need.lacks('read-only', 'Namespaces.Upgrade', c.id);
      await target.resetIfPossible();
      const admin = await sessions.get('administrator');
      const before = await api.call('clusters.get', { params: { cluster: c.id }, session: admin });
      const exchange = await api.call('clusters.upgradeMultiple', {
        body: { [c.id]: { desired_version: c.version } },
        session: await sessions.get('read-only'),
      });
      const readBack = await api.call('clusters.get', { params: { cluster: c.id }, session: admin });
      await verify({
        scenario: `upgradeMultiple of ${c.id} by a read-only user`,
        intent: { kind: 'unprivileged', role: 'read-only', privilege: 'Namespaces.Upgrade' },
        exchange,
        related: { before: [before], readBack: [readBack] },
      });
    },
  );
});
