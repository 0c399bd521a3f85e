import { test, sends, unknownResourceIdArbitrary, type Evidence, type Exchange } from '../fixtures/test';

/**
 * The siblings of upgradeMultiple on the namespace software clusters service (vcenter-contract.md
 * §3.1, §3.4, §7): list and get bodies, get's documented 404 / 400, and the single upgrade's
 * 204 / 400 UNSUPPORTED ("pre-check failed").
 */
const valid = (scenario: string, exchange: Exchange): Evidence => ({ scenario, intent: { kind: 'valid' }, exchange });

test.describe('namespace software clusters: reads and the single upgrade', () => {
  test(
    'list answers 200 with a valid Summary for every WCP-enabled cluster',
    sends({ 'read-only': ['session.create', 'clusters.list'] }).assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'errorsCluster'],
    }),
    async ({ api, sessions, need, verify }) => {
      const roles = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      const exchange = await api.call('clusters.list', { session: await sessions.get('administrator') });
      // The roles' clusters are WCP-enabled, so each must be listed (list-includes-wcp-clusters).
      const wcpClusters = [roles.upgradableCluster.id, roles.warningsCluster.id, roles.errorsCluster.id];
      await verify({ ...valid('list the upgrade summaries', exchange), facts: { wcpClusters } });
    },
  );

  test(
    'get answers 200 with a valid Info for each WCP-enabled cluster',
    sends({ 'read-only': ['session.create', 'clusters.get'] }).assuming({
      roles: ['upgradableCluster', 'warningsCluster', 'errorsCluster'],
    }),
    async ({ api, sessions, need, verify }) => {
      const roles = need.roles('upgradableCluster', 'warningsCluster', 'errorsCluster');
      const session = await sessions.get('administrator');
      const evidence: Evidence[] = [];
      for (const { id } of [roles.upgradableCluster, roles.warningsCluster, roles.errorsCluster]) {
        evidence.push(valid(`get WCP cluster ${id}`, await api.call('clusters.get', { params: { cluster: id }, session })));
      }
      await verify(evidence);
    },
  );

  test(
    'get of a cluster id that does not exist answers 404 NOT_FOUND',
    sends({ 'read-only': ['session.create', 'clusters.list', 'clusters.get'] }),
    async ({ api, target, sessions, property }) => {
      const session = await sessions.get('administrator');
      const listed = await api.call('clusters.list', { session });
      const known = JSON.stringify([listed.body, target.roles]);
      // get itself cannot vouch that an id is unknown (that is what it is asked): the id comes from a range no lab reaches.
      await property(
        unknownResourceIdArbitrary('ClusterComputeResource').filter((id) => !known.includes(`"${id}"`)),
        async (cluster) => [
          {
            scenario: `get ${cluster}, a cluster id the target does not have`,
            intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'if cluster could not be located' },
            exchange: await api.call('clusters.get', { params: { cluster }, session }),
          },
        ],
      );
    },
  );

  test(
    'get of a cluster that is not WCP-enabled answers 400 UNSUPPORTED',
    sends({ 'read-only': ['session.create', 'clusters.get'] }).assuming({ roles: ['nonWcpCluster'] }),
    async ({ api, sessions, need, verify }) => {
      const { nonWcpCluster } = need.roles('nonWcpCluster');
      const exchange = await api.call('clusters.get', { params: { cluster: nonWcpCluster }, session: await sessions.get('administrator') });
      await verify({
        scenario: `get ${nonWcpCluster}, which is not WCP-enabled`,
        intent: { kind: 'documented-error', status: 400, errorType: 'UNSUPPORTED', when: 'if the cluster is not WCP enabled' },
        exchange,
      });
    },
  );

  // Whether a pre-check fails is the target's to find out: an administrator's valid upgrade of an existing cluster is state-changing.
  test(
    'a single upgrade whose pre-check fails (errors, or warnings not ignored) answers 400 UNSUPPORTED',
    sends({ 'read-only': ['session.create'], 'state-changing': ['clusters.upgrade'] }).assuming({
      roles: ['errorsCluster', 'warningsCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, verify }) => {
      need.reset();
      const roles = need.roles('errorsCluster', 'warningsCluster');
      const evidence: Evidence[] = [];
      for (const [c, spec] of [
        [roles.errorsCluster, { desired_version: roles.errorsCluster.version, ignore_precheck_warnings: true }],
        [roles.warningsCluster, { desired_version: roles.warningsCluster.version }],
      ] as const) {
        await target.reset();
        const exchange = await api.call('clusters.upgrade', {
          params: { cluster: c.id },
          body: spec,
          session: await sessions.get('administrator'),
        });
        evidence.push({
          scenario: `upgrade ${c.id} alone with ${JSON.stringify(spec)}`,
          intent: { kind: 'documented-error', status: 400, errorType: 'UNSUPPORTED', when: 'if pre-check failed of the cluster' },
          exchange,
        });
      }
      await verify(evidence);
    },
  );

  test(
    'a single upgrade of a cluster with clean pre-checks answers 204, and get then shows the upgrade',
    sends({ 'read-only': ['session.create', 'clusters.get'], 'state-changing': ['clusters.upgrade'] }).assuming({
      roles: ['upgradableCluster'],
      reset: true,
    }),
    async ({ api, target, sessions, need, verify, readBackUpgrades, vcconform }) => {
      test.setTimeout(30_000 + vcconform.taskBudgetMs);
      need.reset();
      const { upgradableCluster: c } = need.roles('upgradableCluster');
      await target.reset();
      const session = await sessions.get('administrator');
      const exchange = await api.call('clusters.upgrade', { params: { cluster: c.id }, body: { desired_version: c.version }, session });
      // How soon the upgrade shows is not documented: after a 204 the cluster is polled until get shows it (or the budget runs out).
      const { readBack, polls, poll } = await readBackUpgrades([c.id], exchange, session);
      await verify([
        { ...valid(`upgrade ${c.id} alone to ${c.version}`, exchange), facts: { upgradePoll: poll }, related: { readBack } },
        ...polls.map((x) => valid(`get ${c.id} after its upgrade started`, x)),
      ]);
    },
  );
});
