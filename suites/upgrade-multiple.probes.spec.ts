import { test, resourceIdArbitrary, type Evidence } from '../fixtures/test';

/**
 * What the docs leave silent (vcenter-contract.md §8): how upgradeMultiple reports an unknown or
 * non-WCP cluster id, and what `{}` returns. The answers are recorded as observations, never
 * failed; a 200 is still held to the documented map shape (result-keys-match-request).
 */
test.describe('upgradeMultiple probes', () => {
  test('a batch naming a cluster id that does not exist is answered somehow: the answer is recorded', async ({ api, target, sessions, need, property }) => {
    need.stateChanges();
    const { upgradableCluster: c } = need.roles('upgradableCluster');
    const listed = await api.call('clusters.list', { session: await sessions.get('administrator') });
    const known = JSON.stringify([listed.body, target.roles]);
    const unknownIds = resourceIdArbitrary('ClusterComputeResource').filter((id) => !known.includes(`"${id}"`));
    await property(unknownIds, async (unknown) => {
      await target.reset();
      const exchange = await api.call('clusters.upgradeMultiple', { body: { [unknown]: { desired_version: c.version } }, session: await sessions.get('administrator') });
      const evidence: Evidence = {
        scenario: `upgradeMultiple of ${unknown}, a cluster id the target does not have`,
        intent: { kind: 'probe', question: 'how does upgradeMultiple report an unknown cluster id?' }, exchange, facts: { unknownClusters: [unknown] },
      };
      return [evidence];
    });
  });

  test('a batch naming a cluster that is not WCP-enabled is answered somehow: the answer is recorded', async ({ api, target, sessions, need, verify }) => {
    need.stateChanges();
    const { nonWcpCluster, upgradableCluster } = need.roles('nonWcpCluster', 'upgradableCluster');
    await target.reset();
    const exchange = await api.call('clusters.upgradeMultiple', { body: { [nonWcpCluster]: { desired_version: upgradableCluster.version } }, session: await sessions.get('administrator') });
    await verify({
      scenario: `upgradeMultiple of ${nonWcpCluster}, a cluster that is not WCP-enabled`,
      intent: { kind: 'probe', question: 'how does upgradeMultiple report a non-WCP cluster?' }, exchange, facts: { nonWcpClusters: [nonWcpCluster] },
    });
  });

  test('an empty batch {} is answered somehow: the answer is recorded', async ({ api, sessions, need, verify }) => {
    need.stateChanges();
    const exchange = await api.call('clusters.upgradeMultiple', { body: {}, session: await sessions.get('administrator') });
    await verify({ scenario: 'upgradeMultiple of an empty map {}', intent: { kind: 'probe', question: 'what does an empty upgradeMultiple body return?' }, exchange });
  });
});
