import {
  test,
  fc,
  sends,
  operations,
  arbitraryFor,
  resourceIdArbitrary,
  lookalike,
  type ApiClient,
  type Evidence,
  type Operation,
  type Target,
} from '../fixtures/test';

/**
 * Every deep operation that takes a session id (all but POST /api/session; not appliance.version, which is outside the
 * contract). The generic operations are probed without a session by suites/generic.spec.ts.
 */
const SESSION_OPERATIONS = operations.filter((op) => op.depth === 'deep' && op.auth === 'session' && op.outsideContract === undefined);

/** Path parameters: the target's own cluster where the roles map one (so only the session is wrong), else ids shaped like real ones. */
function paramsFor(op: Operation, roles: Target['roles']): fc.Arbitrary<Record<string, string>> {
  const cluster = op.id === 'software.stage' ? roles.stageCluster?.id : roles.upgradableCluster?.id;
  return fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => [
        p.name,
        p.resourceType === 'ClusterComputeResource' && cluster ? fc.constant(cluster) : resourceIdArbitrary(p.resourceType),
      ]),
    ),
  );
}

/**
 * What the probes of `op` send: logins, the logout of the session to reuse, and `op` itself: without a
 * live session a vCenter refuses it with 401 before acting (expected-rejected); reads and session calls are read-only anyway.
 */
function planFor(op: Operation) {
  const sessionCalls = ['session.create', 'session.delete'];
  return op.class === 'state-changing'
    ? sends({ 'read-only': sessionCalls, 'expected-rejected': [op.id] })
    : sends({ 'read-only': [...new Set([...sessionCalls, op.id])] });
}

/** Logs the administrator in and out; the id of the deleted session, and the logout as evidence. */
async function deletedSession(api: ApiClient, target: Target): Promise<{ id: string; evidence: Evidence[] }> {
  const admin = target.users.administrator!;
  const { exchange: login, sessionId } = await api.login(admin.username, admin.password);
  if (!sessionId)
    return {
      id: 'no-session-was-created',
      evidence: [{ scenario: 'log in to obtain a session to delete', intent: { kind: 'valid' }, exchange: login }],
    };
  const logout = await api.call('session.delete', { session: sessionId });
  return { id: sessionId, evidence: [{ scenario: 'log out a session to reuse its id', intent: { kind: 'valid' }, exchange: logout }] };
}

test.describe('requests without a usable session', () => {
  for (const op of SESSION_OPERATIONS) {
    test(
      `${op.id} refuses a missing, empty, malformed, unknown or deleted session id with 401 UNAUTHENTICATED`,
      planFor(op),
      async ({ api, target, sessions, property }) => {
        // A conforming server runs nothing here, but a broken one might: state-changing operations start each run from a reset target when
        // it can be reset.
        const changesState = op.class === 'state-changing';
        const real = await sessions.get();
        const input = fc.record({
          params: paramsFor(op, target.roles),
          body: op.request ? arbitraryFor(op.request.schema) : fc.constant(undefined),
          malformed: fc.stringMatching(/^[\x21-\x7e]{1,64}$/),
          unknown: lookalike(real),
        });
        await property(input, async ({ params, body, malformed, unknown }) => {
          if (changesState) await target.resetIfPossible();
          const deleted = await deletedSession(api, target);
          const send = (session: string | undefined, sessionIsProbe = false) => api.call(op.id, { params, body, session, sessionIsProbe });
          return [
            ...deleted.evidence,
            {
              scenario: `${op.id} without a vmware-api-session-id header`,
              intent: { kind: 'unauthenticated', credential: 'none' },
              exchange: await send(undefined),
            },
            {
              scenario: `${op.id} with an empty vmware-api-session-id header`,
              intent: { kind: 'unauthenticated', credential: 'none' },
              exchange: await send(''),
            },
            {
              scenario: `${op.id} with a malformed session id (${malformed.length} characters of garbage)`,
              intent: { kind: 'unauthenticated', credential: 'malformed' },
              exchange: await send(malformed, true),
            },
            {
              scenario: `${op.id} with a well-formed session id that names no session`,
              intent: { kind: 'unauthenticated', credential: 'unknown' },
              exchange: await send(unknown, true),
            },
            {
              scenario: `${op.id} with the id of a deleted session`,
              intent: { kind: 'unauthenticated', credential: 'deleted' },
              exchange: await send(deleted.id),
            },
          ];
        });
      },
    );
  }
});

test.describe('requests with a live session', () => {
  test(
    'reads with a live session are not answered 401, and an unknown task is 404 NOT_FOUND',
    sends({ 'read-only': ['session.create', 'session.get', 'clusters.list', 'tasks.list', 'tasks.get'] }),
    async ({ api, sessions, verify }) => {
      const session = await sessions.get();
      const neverIssued = '00000000-0000-4000-8000-000000000000:com.vmware.esx.settings.clusters.software';
      await verify([
        { scenario: 'get the current session', intent: { kind: 'valid' }, exchange: await api.call('session.get', { session }) },
        { scenario: 'list the Supervisor clusters', intent: { kind: 'valid' }, exchange: await api.call('clusters.list', { session }) },
        {
          scenario: 'list the stage tasks',
          intent: { kind: 'valid' },
          exchange: await api.call('tasks.list', {
            session,
            body: { filter_spec: { services: ['com.vmware.esx.settings.clusters.software'] } },
          }),
        },
        {
          scenario: 'get a task that was never issued',
          intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'if the task is not found.' },
          exchange: await api.call('tasks.get', { params: { task: neverIssued }, session }),
        },
      ]);
    },
  );

  test(
    'reading a WCP cluster with a live session is not answered 401',
    sends({ 'read-only': ['session.create', 'clusters.get'] }).assuming({ roles: ['upgradableCluster'] }),
    async ({ api, need, sessions, verify }) => {
      const { upgradableCluster } = need.roles('upgradableCluster');
      const session = await sessions.get();
      await verify({
        scenario: `get the upgrade information of ${upgradableCluster.id}`,
        intent: { kind: 'valid' },
        exchange: await api.call('clusters.get', { params: { cluster: upgradableCluster.id }, session }),
      });
    },
  );
});
