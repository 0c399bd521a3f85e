import { test, fc, sends } from '../fixtures/test';
import { readClusters } from './cluster-support';

/** A WCP cluster of the target and the version it may be upgraded to. */
type WcpCluster = { id: string; version: string };

/** An UpgradeSpec for the cluster: its target version, with and without ignore_precheck_warnings. */
const specFor = (c: WcpCluster) =>
  fc.record({ desired_version: fc.constant(c.version), ignore_precheck_warnings: fc.boolean() }, { requiredKeys: ['desired_version'] });

/** A request map naming a non-empty subset of the clusters, each with its own spec. */
function batchOf(clusters: WcpCluster[]): fc.Arbitrary<Record<string, { desired_version: string; ignore_precheck_warnings?: boolean }>> {
  return fc
    .subarray(clusters, { minLength: 1 })
    .chain((chosen) => fc.tuple(...chosen.map((c) => specFor(c).map((spec) => [c.id, spec] as const))))
    .map((entries) => Object.fromEntries(entries));
}

/** Logins and the administrator's read-backs, and one call the role lacks the privilege for (expected-rejected: unprivileged). */
const refusedCall = (operation: string) => sends({ 'read-only': ['session.create', 'clusters.get'], 'expected-rejected': [operation] });

/** The target's WCP clusters, on each of which the read-only user is declared to lack Namespaces.Upgrade. */
const WCP_CLUSTERS = ['upgradableCluster', 'warningsCluster', 'errorsCluster'] as const;
const READ_ONLY_CANNOT_UPGRADE = {
  roles: WCP_CLUSTERS,
  lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: WCP_CLUSTERS }],
} as const;

test.describe('calls without the documented privilege', () => {
  test(
    'upgradeMultiple by the read-only user is refused as a whole with 403 UNAUTHORIZED and starts nothing',
    refusedCall('clusters.upgradeMultiple').assuming(READ_ONLY_CANNOT_UPGRADE),
    async ({ api, target, need, sessions, property }) => {
      const { upgradableCluster, warningsCluster, errorsCluster } = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      need.lacks('read-only', 'Namespaces.Upgrade', upgradableCluster.id, warningsCluster.id, errorsCluster.id);
      await property(batchOf([upgradableCluster, warningsCluster, errorsCluster]), async (body) => {
        await target.resetIfPossible();
        const ids = Object.keys(body);
        const admin = await sessions.get();
        const before = await readClusters(api, ids, admin);
        const exchange = await api.call('clusters.upgradeMultiple', { body, session: await sessions.get('read-only') });
        const readBack = await readClusters(api, ids, admin);
        return [
          {
            scenario: `upgradeMultiple of ${ids.join(', ')} by the read-only user`,
            intent: { kind: 'unprivileged', role: 'read-only', privilege: 'Namespaces.Upgrade' },
            exchange,
            related: { before, readBack },
          },
        ];
      });
    },
  );

  test(
    'upgradeMultiple naming one cluster the operator may not upgrade is refused as a whole with 403 UNAUTHORIZED',
    refusedCall('clusters.upgradeMultiple').assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'operatorDeniedCluster'],
      lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: 'operatorDeniedCluster' }],
    }),
    async ({ api, target, need, sessions, property }) => {
      const { upgradableCluster, warningsCluster, operatorDeniedCluster } = need.roles(
        'upgradableCluster',
        'warningsCluster',
        'operatorDeniedCluster',
      );
      need.lacks('operator', 'Namespaces.Upgrade', operatorDeniedCluster);
      const denied = { id: operatorDeniedCluster, version: upgradableCluster.version };
      const batch = batchOf([upgradableCluster, warningsCluster]).chain((allowed) =>
        specFor(denied).map((spec) => ({ ...allowed, [denied.id]: spec })),
      );
      await property(batch, async (body) => {
        await target.resetIfPossible();
        const ids = Object.keys(body);
        const admin = await sessions.get();
        const before = await readClusters(api, ids, admin);
        const exchange = await api.call('clusters.upgradeMultiple', { body, session: await sessions.get('operator') });
        const readBack = await readClusters(api, ids, admin);
        return [
          {
            scenario: `upgradeMultiple of ${ids.join(', ')} by the operator, who lacks Namespaces.Upgrade on ${denied.id}`,
            intent: { kind: 'unprivileged', role: 'operator', privilege: `Namespaces.Upgrade on ${denied.id}` },
            exchange,
            related: { before, readBack },
          },
        ];
      });
    },
  );

  test(
    'a single upgrade of a WCP cluster by the read-only user is refused with 403 UNAUTHORIZED',
    refusedCall('clusters.upgrade').assuming(READ_ONLY_CANNOT_UPGRADE),
    async ({ api, target, need, sessions, property }) => {
      const { upgradableCluster, warningsCluster, errorsCluster } = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      need.lacks('read-only', 'Namespaces.Upgrade', upgradableCluster.id, warningsCluster.id, errorsCluster.id);
      const request = fc
        .constantFrom(upgradableCluster, warningsCluster, errorsCluster)
        .chain((c) => specFor(c).map((spec) => ({ cluster: c.id, spec })));
      await property(request, async ({ cluster, spec }) => {
        await target.resetIfPossible();
        const admin = await sessions.get();
        const [before] = await readClusters(api, [cluster], admin);
        const exchange = await api.call('clusters.upgrade', { params: { cluster }, body: spec, session: await sessions.get('read-only') });
        const [readBack] = await readClusters(api, [cluster], admin);
        return [
          {
            scenario: `upgrade of ${cluster} to ${spec.desired_version} by the read-only user`,
            intent: { kind: 'unprivileged', role: 'read-only', privilege: 'Namespaces.Upgrade' },
            exchange,
            related: { before, readBack },
          },
        ];
      });
    },
  );
});
