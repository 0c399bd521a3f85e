import { test, sends, type Evidence, type Exchange } from '../fixtures/test';

/**
 * Who may stage (vcenter-contract.md §4, §8; prior-art §4.4). stage needs
 * VcIntegrity.lifecycleSoftwareRemediation.Write but declares no 403: a caller without it must be
 * refused (403 UNAUTHORIZED, or a task that FAILS with UNAUTHORIZED), never served, and how the
 * refusal came is recorded as an observation. (Calls without a session: auth.unauthenticated.spec.ts.)
 */
type Task = NonNullable<Evidence['task']>;
const PRIVILEGE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';

for (const role of ['operator', 'read-only'] as const) {
  // The role lacks the privilege, so the stage is expected-rejected (unprivileged); a task a non-conforming server started is polled.
  test(
    `a stage by the ${role} user, declared to lack ${PRIVILEGE}, is refused and never served`,
    sends({ 'read-only': ['session.create', 'tasks.get'], 'expected-rejected': ['software.stage'] }).assuming({
      roles: ['stageCluster'],
      lacks: [{ role, privilege: PRIVILEGE, on: 'stageCluster' }],
    }),
    async ({ api, poll, sessions, need, verify }) => {
      const { stageCluster } = need.roles('stageCluster');
      // Only a lack the profile declares (users.<role>.lacks or lacksOn) makes a refusal the documented outcome.
      need.lacks(role, PRIVILEGE, stageCluster.id);
      const session = await sessions.get(role);
      const exchange: Exchange = await api.call('software.stage', { params: { cluster: stageCluster.id }, body: {}, session });
      const task: Task | undefined =
        exchange.status < 300 && typeof exchange.body === 'string' ? await poll(exchange.body, session) : undefined;
      await verify([
        {
          scenario: `stage ${stageCluster.id} as the ${role} user`,
          intent: { kind: 'unprivileged', role, privilege: PRIVILEGE },
          exchange,
          ...(task && { task }),
          facts: { allHosts: stageCluster.hosts },
        },
        ...(task?.polls ?? []).map(
          (e, i): Evidence => ({ scenario: `poll ${i + 1} of the ${role}'s stage task`, intent: { kind: 'valid' }, exchange: e }),
        ),
      ]);
    },
  );
}
