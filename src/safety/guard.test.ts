import { test, expect } from '@playwright/test';
import type { Transport } from '../client/api-client';
import { planKey, SafeModeRefusal, SafetyGuard, UndeclaredRequest, type SafetyPolicy } from './guard';

const BASE = 'https://vc.example';
const NS = '/api/vcenter/namespace-management/software/clusters';
const STAGE = (cluster: string) => `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`;
const ADMIN = 'secret-admin-session';
const OPERATOR = 'secret-operator-session';
const spec = { desired_version: 'v1.30.4' };
type Request = Parameters<Transport>[0];
type Answer = { status: number; text?: string };

/** A transport that records what reached it and answers from `answer` (default 200 `{}`). */
function fakeTransport(answer: (r: Request) => Answer = () => ({ status: 200 })) {
  const calls: Request[] = [];
  const transport: Transport = async (r) => {
    calls.push(r);
    const a = answer(r);
    return { status: a.status, headers: {}, text: a.text ?? '{}' };
  };
  return { calls, transport };
}

function post(path: string, session?: string, body?: unknown): Request {
  return {
    method: 'POST',
    url: BASE + path,
    headers: { ...(session !== undefined && { 'vmware-api-session-id': session }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  };
}
const get = (path: string, session?: string): Request => ({
  method: 'GET',
  url: BASE + path,
  headers: { ...(session !== undefined && { 'vmware-api-session-id': session }) },
});
const logout = (session: string): Request => ({
  method: 'DELETE',
  url: `${BASE}/api/session`,
  headers: { 'vmware-api-session-id': session },
});

function guarded(policy: SafetyPolicy, answer?: (r: Request) => Answer, declared?: () => ReadonlySet<string> | undefined) {
  // The profile declares the lacks: the operator the stage privilege everywhere and Namespaces.Upgrade on domain-c12; read-only both
  // everywhere.
  const stage = 'VcIntegrity.lifecycleSoftwareRemediation.Write';
  const guard = new SafetyGuard(policy, {
    lacks: {
      operator: { lacks: [stage], lacksOn: { 'domain-c12': ['Namespaces.Upgrade'] } },
      'read-only': { lacks: [stage, 'Namespaces.Upgrade'] },
    },
  });
  guard.trustSession(ADMIN, 'administrator');
  guard.trustSession(OPERATOR, 'operator');
  const fake = fakeTransport(answer);
  return { guard, calls: fake.calls, send: guard.wrap(fake.transport, declared) };
}

const SAFE: SafetyPolicy = { allowMutations: false, allowlist: [] };
const LAB: SafetyPolicy = { allowMutations: true, allowlist: ['domain-c10'] };
const MOCK: SafetyPolicy = { allowMutations: true, allowlist: '*' };

test.describe('SafetyGuard enforces the policy before sending', () => {
  const cases: { description: string; policy: SafetyPolicy; request: Request; refused?: RegExp }[] = [
    {
      description: 'safe mode refuses a state change',
      policy: SAFE,
      request: post(STAGE('domain-c10'), ADMIN, {}),
      refused: new RegExp(
        /^\[vcconform\] safe mode: refused to send POST /.source +
          /\/api\/esx\/settings\/clusters\/domain-c10\/software\?action=stage&vmw-task=true /.source +
          /\(state-changing: software.stage may change domain-c10\)\. Nothing was sent\. /.source +
          /Pass --allow-mutations \(or capabilities.allowMutations in the profile\) and allowlist the cluster to run it\.$/.source,
      ),
    },
    { description: 'safe mode sends a read', policy: SAFE, request: get(`${NS}/domain-c10`, ADMIN) },
    { description: 'safe mode sends an expected rejection (no session)', policy: SAFE, request: post(STAGE('domain-c10'), undefined, {}) },
    {
      description: 'safe mode sends an expected rejection (operator-denied cluster)',
      policy: SAFE,
      request: post(`${NS}/domain-c12?action=upgrade`, OPERATOR, spec),
    },
    { description: 'mutations send a change on an allowlisted cluster', policy: LAB, request: post(STAGE('domain-c10'), ADMIN, {}) },
    {
      description: 'mutations refuse a change on a cluster outside the allowlist',
      policy: LAB,
      request: post(STAGE('domain-c11'), ADMIN, {}),
      refused: /Cluster domain-c11 is not in the mutation allowlist \(domain-c10\)\. Add it to capabilities.mutationAllowlist/,
    },
    {
      description: 'one cluster outside the allowlist refuses the whole batch, naming only it',
      policy: LAB,
      request: post(`${NS}?action=upgradeMultiple`, ADMIN, { 'domain-c10': spec, 'domain-c11': spec }),
      refused: /\. Cluster domain-c11 is not in the mutation allowlist \(domain-c10\)/,
    },
    {
      description: 'mutations refuse a change that names no cluster',
      policy: LAB,
      request: post('/api/vcenter/bogus', ADMIN, {}),
      refused: /names no cluster it could be confined to/,
    },
    {
      description: 'an empty allowlist refuses every cluster',
      policy: { allowMutations: true, allowlist: [] },
      request: post(STAGE('domain-c10'), ADMIN, {}),
      refused: /not in the mutation allowlist \(empty\)/,
    },
    {
      description: "'*' sends a change on any cluster",
      policy: MOCK,
      request: post(`${NS}?action=upgradeMultiple`, ADMIN, { 'domain-c11': spec, 'domain-c13': spec }),
    },
    { description: "'*' sends a change that names no cluster", policy: MOCK, request: post('/api/vcenter/bogus', ADMIN, {}) },
    {
      description: "'*' still needs allowMutations",
      policy: { allowMutations: false, allowlist: '*' },
      request: post(STAGE('domain-c10'), ADMIN, {}),
      refused: /Pass --allow-mutations/,
    },
  ];
  for (const c of cases) {
    test(c.description, async () => {
      const { guard, calls, send } = guarded(c.policy);
      if (c.refused) {
        const error = await send(c.request).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SafeModeRefusal);
        expect((error as Error).message).toMatch(c.refused);
        expect(calls).toEqual([]);
        expect(guard.decisions).toEqual([
          expect.objectContaining({ class: 'state-changing', sent: false, refusal: (error as Error).message }),
        ]);
      } else {
        await expect(send(c.request)).resolves.toMatchObject({ status: 200 });
        expect(calls).toEqual([c.request]);
        expect(guard.decisions).toEqual([expect.objectContaining({ sent: true, status: 200 })]);
        expect(guard.decisions[0]).not.toHaveProperty('refusal');
      }
    });
  }
});

test.describe("SafetyGuard checks the test's declared plan", () => {
  test('refuses a request whose operation:class is not declared, sending nothing', async () => {
    const plan = new Set([planKey('software.stage', 'expected-rejected'), planKey('clusters.get', 'read-only')]);
    const { guard, calls, send } = guarded(MOCK, undefined, () => plan);
    const error = await send(post(STAGE('domain-c10'), ADMIN, {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndeclaredRequest);
    expect((error as Error).message).toBe(
      '[vcconform] Failed to send POST /api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true: ' +
        "it is state-changing (software.stage may change domain-c10), and the test's plan does not declare " +
        'software.stage:state-changing (it declares clusters.get:read-only, software.stage:expected-rejected). ' +
        "Nothing was sent. Add software.stage:state-changing to the test's plan if the test means to send it.",
    );
    expect(calls).toEqual([]);
    expect(guard.decisions[0]).toMatchObject({ sent: false, refusal: (error as Error).message });
  });

  test('the plan is checked before safe mode', async () => {
    const { send } = guarded(SAFE, undefined, () => new Set());
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).rejects.toThrow(UndeclaredRequest);
  });

  test('sends a declared request, and checks nothing when declared() is undefined', async () => {
    let plan: ReadonlySet<string> | undefined = new Set([planKey('software.stage', 'expected-rejected')]);
    const { calls, send } = guarded(SAFE, undefined, () => plan);
    await send(post(STAGE('domain-c10'), undefined, {}));
    plan = undefined;
    await send(get('/api/anything'));
    expect(calls).toHaveLength(2);
  });
});

test.describe('SafetyGuard learns from answers', () => {
  test('a successful logout stops trusting the session: its state change becomes expected-rejected', async () => {
    const { calls, send } = guarded(SAFE, (r) => ({ status: r.method === 'DELETE' ? 204 : 401 }));
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).rejects.toThrow(SafeModeRefusal);
    await send(logout(ADMIN));
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).resolves.toMatchObject({ status: 401 });
    expect(calls.map((c) => c.method)).toEqual(['DELETE', 'POST']);
  });

  test('a logout naming two session ids forgets neither (either may still be live)', async () => {
    const { calls, send } = guarded(SAFE, () => ({ status: 204 }));
    await send({ ...logout(ADMIN), headers: { 'vmware-api-session-id': ADMIN, 'VMWARE-API-SESSION-ID': OPERATOR } });
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).rejects.toThrow(SafeModeRefusal);
    await expect(send(post(`${NS}/domain-c10?action=upgrade`, OPERATOR, spec))).rejects.toThrow(SafeModeRefusal);
    expect(calls).toHaveLength(1);
  });

  test('a session any login of the run obtained is trusted as the administrator until the harness names its role', async () => {
    const fresh = 'f'.repeat(32);
    const { guard, calls, send } = guarded(SAFE, (r) =>
      r.url.endsWith('/api/session') ? { status: 201, text: JSON.stringify(fresh) } : { status: 403 },
    );
    const stage = post(STAGE('domain-c10'), fresh, {});
    await expect(send(stage), 'unknown before the login: refused by the target, so sent').resolves.toMatchObject({ status: 403 });
    await send({ method: 'POST', url: `${BASE}/api/session`, headers: { authorization: 'Basic eDp5' } });
    await expect(send(stage), 'live after it: a state change, refused in safe mode').rejects.toThrow(SafeModeRefusal);
    guard.trustSession(fresh, 'read-only');
    await expect(send(stage), 'named read-only: unprivileged, sent').resolves.toMatchObject({ status: 403 });
    expect(calls).toHaveLength(3);
  });

  test('a failed logout keeps trusting the session', async () => {
    const { calls, send } = guarded(SAFE, () => ({ status: 503 }));
    await send(logout(ADMIN));
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).rejects.toThrow(SafeModeRefusal);
    expect(calls).toHaveLength(1);
  });

  test("an administrator's 404 NOT_FOUND marks a cluster absent; a later 200 restores it", async () => {
    let status = 404;
    const { guard, send } = guarded(SAFE, () => ({ status, text: JSON.stringify({ error_type: 'NOT_FOUND', messages: [] }) }));
    const upgrade = post(`${NS}/domain-c99?action=upgrade`, ADMIN, spec);
    await send(get(`${NS}/domain-c99`, ADMIN));
    await send(upgrade);
    expect(guard.decisions[1]).toMatchObject({ class: 'expected-rejected', sent: true, reason: expect.stringMatching(/^unknown id/) });
    status = 200;
    await send(get(`${NS}/domain-c99`, ADMIN));
    await expect(send(upgrade)).rejects.toThrow(SafeModeRefusal);
  });

  const doubtful: { description: string; session: string; answer: Answer }[] = [
    {
      description: "an operator's 404 (it may just not see the cluster)",
      session: OPERATOR,
      answer: { status: 404, text: JSON.stringify({ error_type: 'NOT_FOUND' }) },
    },
    { description: 'a 404 that is not a vAPI NOT_FOUND', session: ADMIN, answer: { status: 404, text: '<html>Not Found</html>' } },
    { description: 'a 403', session: ADMIN, answer: { status: 403, text: JSON.stringify({ error_type: 'NOT_FOUND' }) } },
  ];
  for (const d of doubtful) {
    test(`${d.description} teaches nothing`, async () => {
      const { send } = guarded(SAFE, () => d.answer);
      await send(get(`${NS}/domain-c99`, d.session));
      await expect(send(post(`${NS}/domain-c99?action=upgrade`, ADMIN, spec))).rejects.toThrow(SafeModeRefusal);
    });
  }

  test("a stage's task is pinned to its cluster, so cancelling it is allowlisted like the stage", async () => {
    const TASK = '52a5:com.vmware.esx.settings.clusters.software';
    const { guard, calls, send } = guarded(LAB, (r) => ({
      status: r.url.includes('action=stage') ? 202 : 204,
      text: JSON.stringify(TASK),
    }));
    await expect(send(post(`/api/cis/tasks/${TASK}?action=cancel`, ADMIN))).rejects.toThrow(/names no cluster/);
    await send(post(STAGE('domain-c10'), ADMIN, {}));
    await send(post(`/api/cis/tasks/${TASK}?action=cancel`, ADMIN));
    expect(calls).toHaveLength(2);
    expect(guard.decisions.at(-1)).toMatchObject({
      operation: 'tasks.cancel',
      class: 'state-changing',
      clusters: ['domain-c10'],
      sent: true,
      status: 204,
    });
  });
});

test.describe('SafetyGuard records decisions', () => {
  test('changed() lists the sent state changes per cluster, sorted, and nothing refused or rejected', async () => {
    const { guard, send } = guarded({ allowMutations: true, allowlist: ['domain-c10', 'domain-c11'] });
    await send(post(`${NS}?action=upgradeMultiple`, ADMIN, { 'domain-c11': spec, 'domain-c10': spec }));
    await send(post(STAGE('domain-c10'), ADMIN, {}));
    await send(post(`${NS}/domain-c10?action=upgrade`, OPERATOR, spec));
    await send(post(STAGE('domain-c10'), ADMIN, {}));
    await send(post(STAGE('domain-c11'), OPERATOR, {})); // expected-rejected: sent, changes nothing
    await send(get(`${NS}/domain-c11`, ADMIN));
    await expect(send(post(STAGE('domain-c13'), ADMIN, {}))).rejects.toThrow(SafeModeRefusal);
    expect(guard.changed()).toEqual([
      { cluster: 'domain-c10', operations: ['clusters.upgrade', 'clusters.upgradeMultiple', 'software.stage'] },
      { cluster: 'domain-c11', operations: ['clusters.upgradeMultiple'] },
    ]);
    expect(guard.decisions.map((d) => `${d.operation}:${d.class}:${d.sent}`)).toEqual([
      'clusters.upgradeMultiple:state-changing:true',
      'software.stage:state-changing:true',
      'clusters.upgrade:state-changing:true',
      'software.stage:state-changing:true',
      'software.stage:expected-rejected:true',
      'clusters.get:read-only:true',
      'software.stage:state-changing:false',
    ]);
  });

  test('a decision has its time, method and origin-free path, and never a header value', async () => {
    const { guard, send } = guarded(SAFE);
    const authorization = 'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3N3b3Jk';
    await send({ method: 'POST', url: `${BASE}/api/session`, headers: { authorization } });
    await send(post(STAGE('domain-c10'), ADMIN, {})).catch(() => undefined);
    const [login, stage] = guard.decisions;
    expect(login).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      method: 'POST',
      path: '/api/session',
      operation: 'session.create',
      class: 'read-only',
      reason: expect.any(String),
      clusters: [],
      sent: true,
      status: 200,
    });
    expect(stage).toMatchObject({ path: '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', sent: false });
    const text = JSON.stringify(guard.decisions);
    for (const secret of [ADMIN, authorization, 'c2VjcmV0']) expect(text).not.toContain(secret);
  });

  test('a send that fails is recorded as sent, without a status, and counts as a change', async () => {
    const guard = new SafetyGuard(MOCK);
    guard.trustSession(ADMIN, 'administrator');
    const send = guard.wrap(async () => {
      throw new Error('socket hang up');
    });
    await expect(send(post(STAGE('domain-c10'), ADMIN, {}))).rejects.toThrow('socket hang up');
    expect(guard.decisions[0]).toMatchObject({ sent: true });
    expect(guard.decisions[0]).not.toHaveProperty('status');
    expect(guard.changed()).toEqual([{ cluster: 'domain-c10', operations: ['software.stage'] }]);
  });
});
