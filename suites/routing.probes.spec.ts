import { test, fc, sends } from '../fixtures/test';

/**
 * The spec writes `?action=…&vmw-task=true` inside its path keys (vcenter-contract.md §1); a server
 * routes on method + path + exact action + vmw-task. What it answers to a request matching no key is
 * unspecified (§8): these probes expect a non-2xx vAPI error (warning) and record the exact answer.
 * Probes send a valid body to the target's own stage cluster, so only the routing is off; a server
 * that accepted one might stage, hence the resettable target, and a request that matches no catalogued
 * operation is state-changing (`unlisted`: its meaning is unknown).
 */
const PROBE = sends({ 'read-only': ['session.create'], 'state-changing': ['unlisted'] }).assuming({ roles: ['stageCluster'], reset: true });
const SOFTWARE = (cluster: string) => `/api/esx/settings/clusters/${encodeURIComponent(cluster)}/software`;
/** The `action` values the 9.1 spec defines on that path (paths-esx-software). */
const DEFINED_ACTIONS = ['stage', 'export', 'scan', 'apply', 'check'];

test.describe('routing probes on the stage path key', () => {
  test('a non-task ?action=stage (no vmw-task) is refused with a vAPI error', PROBE, async ({ api, target, need, sessions, verify }) => {
    need.reset();
    const { stageCluster } = need.roles('stageCluster');
    await target.reset();
    const exchange = await api.raw('POST', `${SOFTWARE(stageCluster.id)}?action=stage`, { body: {}, session: await sessions.get() });
    await verify({
      scenario: 'stage without vmw-task=true (the spec has no non-task stage key)',
      intent: { kind: 'probe', question: 'POST …/software?action=stage without vmw-task' },
      exchange,
    });
  });

  test(
    '?action=stage with vmw-task other than true is refused with a vAPI error',
    PROBE,
    async ({ api, target, need, sessions, property }) => {
      need.reset();
      const { stageCluster } = need.roles('stageCluster');
      const values = fc.oneof(
        fc.constantFrom('false', 'TRUE', 'True', '1', 'yes', ''),
        fc.stringMatching(/^[a-z0-9]{1,8}$/).filter((v) => v !== 'true'),
      );
      await property(values, async (vmwTask) => {
        await target.reset();
        const query = new URLSearchParams({ action: 'stage', 'vmw-task': vmwTask }).toString();
        const exchange = await api.raw('POST', `${SOFTWARE(stageCluster.id)}?${query}`, { body: {}, session: await sessions.get() });
        return [
          {
            scenario: `stage with vmw-task=${JSON.stringify(vmwTask)}`,
            intent: { kind: 'probe', question: `POST …/software?action=stage&vmw-task=${vmwTask}` },
            exchange,
          },
        ];
      });
    },
  );

  test(
    'an action the path does not define is refused with a vAPI error, with and without vmw-task',
    PROBE,
    async ({ api, target, need, sessions, property }) => {
      need.reset();
      const { stageCluster } = need.roles('stageCluster');
      const probes = fc.record({
        action: fc.stringMatching(/^[a-z][a-zA-Z]{0,15}$/).filter((a) => !DEFINED_ACTIONS.includes(a)),
        task: fc.boolean(),
      });
      await property(probes, async ({ action, task }) => {
        await target.reset();
        const query = new URLSearchParams({ action, ...(task && { 'vmw-task': 'true' }) }).toString();
        const exchange = await api.raw('POST', `${SOFTWARE(stageCluster.id)}?${query}`, { body: {}, session: await sessions.get() });
        return [
          {
            scenario: `POST …/software?${query}`,
            intent: { kind: 'probe', question: `POST …/software with the undefined action ${action}${task ? ' as a task' : ''}` },
            exchange,
          },
        ];
      });
    },
  );

  // It matches the stage key, and a missing required body is refused before acting: expected-rejected.
  test(
    'a stage task without its required body is refused with a vAPI error',
    sends({ 'read-only': ['session.create'], 'expected-rejected': ['software.stage'] }).assuming({ roles: ['stageCluster'] }),
    async ({ api, target, need, sessions, verify }) => {
      const { stageCluster } = need.roles('stageCluster');
      await target.resetIfPossible();
      const exchange = await api.call('software.stage', { params: { cluster: stageCluster.id }, session: await sessions.get() });
      await verify({
        scenario: 'stage with no request body (StageSpec is required, even though {} is a valid one)',
        intent: { kind: 'probe', question: 'POST …/software?action=stage&vmw-task=true without a body' },
        exchange,
      });
    },
  );
});
