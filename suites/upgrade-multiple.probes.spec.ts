import { test, fc, sends, resourceIdArbitrary, type Evidence } from '../fixtures/test';

/**
 * What the docs leave silent (vcenter-contract.md §8): how upgradeMultiple reports an unknown or
 * non-WCP cluster id, and what `{}` returns. The answers are recorded as observations, never
 * failed; a 200 is still held to the documented map shape (result-keys-match-request).
 */
test.describe('upgradeMultiple probes', () => {
  // The id is read first: only one the target answered 404 for is sent, so the batch is expected-rejected (unknown id).
  test(
    'a batch naming a cluster id that does not exist is answered somehow: the answer is recorded',
    sends({ 'read-only': ['session.create', 'clusters.list', 'clusters.get'], 'expected-rejected': ['clusters.upgradeMultiple'] }).assuming(
      { roles: ['upgradableCluster'] },
    ),
    async ({ api, target, sessions, need, property }) => {
      const { upgradableCluster: c } = need.roles('upgradableCluster');
      const listed = await api.call('clusters.list', { session: await sessions.get('administrator') });
      const known = JSON.stringify([listed.body, target.roles]);
      const unknownIds = resourceIdArbitrary('ClusterComputeResource').filter((id) => !known.includes(`"${id}"`));
      await property(unknownIds, async (unknown) => {
        await target.resetIfPossible();
        const session = await sessions.get('administrator');
        const read = await api.call('clusters.get', { params: { cluster: unknown }, session });
        fc.pre(read.status === 404);
        const exchange = await api.call('clusters.upgradeMultiple', { body: { [unknown]: { desired_version: c.version } }, session });
        const evidence: Evidence = {
          scenario: `upgradeMultiple of ${unknown}, a cluster id the target does not have`,
          intent: { kind: 'probe', question: 'how does upgradeMultiple report an unknown cluster id?' },
          exchange,
          facts: { unknownClusters: [unknown] },
        };
        return [
          {
            scenario: `get ${unknown}, a cluster id the target does not have`,
            intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'if cluster could not be located' },
            exchange: read,
          },
          evidence,
        ];
      });
    },
  );

  // The cluster exists, so an administrator's valid batch naming it is state-changing whatever the target makes of it.
  test(
    'a batch naming a cluster that is not WCP-enabled is answered somehow: the answer is recorded',
    sends({ 'read-only': ['session.create'], 'state-changing': ['clusters.upgradeMultiple'] }).assuming({
      roles: ['nonWcpCluster', 'upgradableCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, verify }) => {
      need.reset();
      const { nonWcpCluster, upgradableCluster } = need.roles('nonWcpCluster', 'upgradableCluster');
      await target.reset();
      const exchange = await api.call('clusters.upgradeMultiple', {
        body: { [nonWcpCluster]: { desired_version: upgradableCluster.version } },
        session: await sessions.get('administrator'),
      });
      await verify({
        scenario: `upgradeMultiple of ${nonWcpCluster}, a cluster that is not WCP-enabled`,
        intent: { kind: 'probe', question: 'how does upgradeMultiple report a non-WCP cluster?' },
        exchange,
        facts: { nonWcpClusters: [nonWcpCluster] },
      });
    },
  );

  // {} names no cluster: upgradeMultiple acts only on its keys, so it is read-only.
  test(
    'an empty batch {} is answered somehow: the answer is recorded',
    sends({ 'read-only': ['session.create', 'clusters.upgradeMultiple'] }),
    async ({ api, sessions, verify }) => {
      const exchange = await api.call('clusters.upgradeMultiple', { body: {}, session: await sessions.get('administrator') });
      await verify({
        scenario: 'upgradeMultiple of an empty map {}',
        intent: { kind: 'probe', question: 'what does an empty upgradeMultiple body return?' },
        exchange,
      });
    },
  );
});
