import { test, expect } from '@playwright/test';
import { startMock } from './start-mock';
import type { TaskInfo } from './task-engine';
import { MockClient, checkEveryResponse, useMock } from './test-client';

checkEveryResponse();

const mock = useMock();

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const SERVICE = 'com.vmware.esx.settings.clusters.software';
const TASK = (id: string) => `/api/cis/tasks/${encodeURIComponent(id)}`;
const errorType = (body: unknown) => (body as { error_type?: string }).error_type;

async function stage(api: MockClient, session: string, cluster: string, body: unknown = {}): Promise<string> {
  const r = await api.call('software.stage', 'POST', `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`, {
    session,
    body,
  });
  expect(r.status, r.text).toBe(202);
  return r.body as string;
}
async function getInfo(api: MockClient, session: string, id: string, query = ''): Promise<TaskInfo> {
  const r = await api.call('tasks.get', 'GET', TASK(id) + query, { session });
  expect(r.status, r.text).toBe(200);
  return r.body as TaskInfo;
}
async function list(api: MockClient, session: string, body: unknown) {
  return api.call('tasks.list', 'POST', '/api/cis/tasks?action=list', { session, body });
}
async function cancel(api: MockClient, session: string, id: string) {
  return api.call('tasks.cancel', 'POST', `${TASK(id)}?action=cancel`, { session });
}

test.describe('mock: CIS tasks get', () => {
  test('404 NOT_FOUND for unknown task ids, including one that looks real', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const real = await stage(api, session, 'domain-c11');
    for (const id of ['nope', real.replace(/[0-9a-f]{12}:/, 'ffffffffffff:'), `${real}x`]) {
      const r = await api.call('tasks.get', 'GET', TASK(id), { session });
      expect(r.status, id).toBe(404);
      expect(errorType(r.body)).toBe('NOT_FOUND');
    }
    expect(api.problems()).toEqual([]);
  });

  test('?exclude_result=true omits result while RUNNING and once terminal; false or absent keeps it', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const id = await stage(api, session, 'domain-c15');
    for (const advance of [5000, 30_000]) {
      mock.clock.advance(advance);
      expect(await getInfo(api, session, id)).toHaveProperty('result');
      expect(await getInfo(api, session, id, '?exclude_result=false')).toHaveProperty('result');
      const excluded = await getInfo(api, session, id, '?exclude_result=true');
      expect(excluded).not.toHaveProperty('result');
      expect(excluded.progress).toBeDefined();
    }
    expect(api.problems()).toEqual([]);
  });

  test('any authenticated user may read any task; without a session the answer is 401', async () => {
    const api = new MockClient(mock);
    const admin = await api.login();
    const id = await stage(api, admin, 'domain-c10');
    mock.clock.advance(2000);
    const mine = await getInfo(api, admin, id);
    for (const role of ['read-only', 'operator']) expect(await getInfo(api, await api.login(role), id), role).toEqual(mine);
    const anonymous = await api.call('tasks.get', 'GET', TASK(id));
    expect(anonymous.status).toBe(401);
    expect(api.problems()).toEqual([]);
  });
});

test.describe('mock: CIS tasks list', () => {
  test('400 INVALID_ARGUMENT unless filter_spec names a task or a service, or for an unknown status', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    await stage(api, session, 'domain-c10');
    const bodies = [
      undefined,
      {},
      { filter_spec: {} },
      { filter_spec: { tasks: [], services: [] } },
      { filter_spec: { operations: ['stage'], users: ['administrator@vsphere.local'] } },
      { result_spec: { exclude_result: true } },
      { filter_spec: { services: [SERVICE], status: ['DONE'] } },
    ];
    for (const body of bodies) {
      const r = await list(api, session, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(errorType(r.body)).toBe('INVALID_ARGUMENT');
    }
    expect(api.problems()).toEqual([]);
  });

  test('a duplicate in a set (uniqueItems) is refused by default, and bound to a set by a mock started with bindSets', async () => {
    const duplicate = { filter_spec: { services: [SERVICE, SERVICE], operations: ['stage'] } };
    const api = new MockClient(mock);
    const refused = await list(api, await api.login(), duplicate);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/must NOT have duplicate items/);
    const binding = await startMock({ clock: 'manual', bindSets: true });
    try {
      const lenient = new MockClient(binding);
      const session = await lenient.login();
      await stage(lenient, session, 'domain-c10');
      const bound = await list(lenient, session, duplicate);
      expect(bound.status, bound.text).toBe(200);
      expect(Object.keys(bound.body as object)).toHaveLength(1);
      // Only duplicates are bound: any other schema violation is still refused.
      expect((await list(lenient, session, { filter_spec: { services: [SERVICE, SERVICE], status: ['DONE'] } })).status).toBe(400);
      expect(lenient.problems()).toEqual([]);
    } finally {
      await binding.close();
    }
  });

  test('filters by tasks, services, operations, status, targets and users; the map holds the same Info as get', async () => {
    const api = new MockClient(mock);
    const admin = await api.login();
    const operator = await api.login('operator');
    const done = await stage(api, admin, 'domain-c11');
    mock.clock.advance(20_000);
    const refused = await stage(api, operator, 'domain-c12');
    const running = await stage(api, admin, 'domain-c10');
    mock.clock.advance(1500);
    const ids = async (filter: Record<string, unknown>) => {
      const r = await list(api, admin, { filter_spec: filter });
      expect(r.status, JSON.stringify(filter)).toBe(200);
      return Object.keys(r.body as object).sort();
    };
    expect(await ids({ services: [SERVICE] })).toEqual([done, refused, running].sort());
    expect(await ids({ services: ['com.vmware.cis.tasks'] })).toEqual([]);
    expect(await ids({ tasks: [running] })).toEqual([running]);
    expect(await ids({ tasks: [running, done], services: [] })).toEqual([done, running].sort());
    expect(await ids({ tasks: [running, 'nope'] })).toEqual([running]);
    expect(await ids({ services: [SERVICE], operations: ['stage'] })).toEqual([done, refused, running].sort());
    expect(await ids({ services: [SERVICE], operations: ['apply'] })).toEqual([]);
    expect(await ids({ services: [SERVICE], status: ['SUCCEEDED'] })).toEqual([done]);
    expect(await ids({ services: [SERVICE], status: ['FAILED', 'RUNNING'] })).toEqual([refused, running].sort());
    expect(await ids({ services: [SERVICE], status: ['PENDING', 'BLOCKED'] })).toEqual([]);
    expect(await ids({ services: [SERVICE], targets: [{ type: 'ClusterComputeResource', id: 'domain-c12' }] })).toEqual([refused]);
    expect(await ids({ services: [SERVICE], targets: [{ type: 'HostSystem', id: 'domain-c12' }] })).toEqual([]);
    expect(await ids({ services: [SERVICE], users: ['operator@vsphere.local'] })).toEqual([refused]);
    expect(await ids({ services: [SERVICE], users: ['administrator@vsphere.local'], status: ['RUNNING'] })).toEqual([running]);

    const r = await list(api, admin, { filter_spec: { tasks: [running, refused] } });
    const map = r.body as Record<string, TaskInfo>;
    expect(map[running]).toEqual(await getInfo(api, admin, running));
    expect(map[refused]).toMatchObject({ status: 'FAILED', error: { error_type: 'UNAUTHORIZED' } });
    expect(api.problems()).toEqual([]);
  });

  test('result_spec.exclude_result drops result from every listed Info', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    await stage(api, session, 'domain-c10');
    await stage(api, session, 'domain-c15');
    mock.clock.advance(40_000);
    const withResult = (await list(api, session, { filter_spec: { services: [SERVICE] } })).body as Record<string, TaskInfo>;
    expect(Object.values(withResult).map((i) => 'result' in i)).toEqual([true, true]);
    const without = (await list(api, session, { filter_spec: { services: [SERVICE] }, result_spec: { exclude_result: true } }))
      .body as Record<string, TaskInfo>;
    expect(Object.keys(without)).toEqual(Object.keys(withResult));
    for (const [id, info] of Object.entries(without)) {
      expect(info).not.toHaveProperty('result');
      const { result: _dropped, ...rest } = withResult[id]!;
      expect(info).toEqual(rest);
    }
    expect(api.problems()).toEqual([]);
  });

  test('at most 1000 tasks: 1000 matches answer 200, 1001 answer 500 RESOURCE_INACCESSIBLE', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const id = await stage(api, session, 'domain-c10');
    mock.clock.advance(40_000);
    const template = mock.state.tasks.get(id)!;
    for (let i = 1; i < 1000; i += 1) {
      const copy = mock.state.nextTaskId(SERVICE);
      mock.state.tasks.set(copy, { ...template, id: copy });
    }
    const full = await list(api, session, { filter_spec: { services: [SERVICE] }, result_spec: { exclude_result: true } });
    expect(full.status).toBe(200);
    expect(Object.keys(full.body as object)).toHaveLength(1000);
    await stage(api, session, 'domain-c11');
    const over = await list(api, session, { filter_spec: { services: [SERVICE] } });
    expect(over.status).toBe(500);
    expect(errorType(over.body)).toBe('RESOURCE_INACCESSIBLE');
    expect((await list(api, session, { filter_spec: { services: [SERVICE], status: ['PENDING'] } })).status).toBe(200);
    expect(api.problems()).toEqual([]);
  });
});

test.describe('mock: CIS tasks cancel', () => {
  test('404 for an unknown task', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const r = await cancel(api, session, 'nope');
    expect(r.status).toBe(404);
    expect(errorType(r.body)).toBe('NOT_FOUND');
    expect(api.problems()).toEqual([]);
  });

  test(
    'cancel while PENDING: 204, then FAILED with CANCELED at the cancel time, ' + 'not cancelable, no result; a second cancel is refused',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      const id = await stage(api, session, 'domain-c10');
      mock.clock.advance(400);
      const r = await cancel(api, session, id);
      expect(r.status).toBe(204);
      expect(r.text).toBe('');
      mock.clock.advance(60_000);
      const info = await getInfo(api, session, id);
      expect(info).toMatchObject({
        status: 'FAILED',
        cancelable: false,
        start_time: at(400),
        end_time: at(400),
        error: { error_type: 'CANCELED' },
      });
      expect(info.progress!.completed).toBe(info.progress!.total);
      expect(info).not.toHaveProperty('result');
      const again = await cancel(api, session, id);
      expect(again.status).toBe(400);
      expect(errorType(again.body)).toBe('NOT_ALLOWED_IN_CURRENT_STATE');
      expect(api.problems()).toEqual([]);
    },
  );

  test(
    'cancel while RUNNING: the finished host stays staged, the current ' +
      'one fails, the rest are never reached; the cluster is free again',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      const id = await stage(api, session, 'domain-c10');
      mock.clock.advance(16_000);
      const before = await getInfo(api, session, id);
      expect(before.status).toBe('RUNNING');
      expect((await cancel(api, session, id)).status).toBe(204);
      const after = await getInfo(api, session, id);
      expect(after).toMatchObject({
        status: 'FAILED',
        cancelable: false,
        start_time: at(1000),
        end_time: at(16_000),
        error: { error_type: 'CANCELED' },
      });
      expect(after.progress!.completed).toBeGreaterThanOrEqual(before.progress!.completed);
      expect(after.progress!.completed).toBe(after.progress!.total);
      expect(after.result).toMatchObject({
        status: { status: 'ERROR' },
        successful_hosts: ['host-101'],
        failed_hosts: ['host-102'],
        skipped_hosts: [],
      });
      expect(Object.keys(after.result!.host_status).sort()).toEqual(['host-101', 'host-102']);
      mock.clock.advance(60_000);
      expect(await getInfo(api, session, id)).toEqual(after);
      expect(
        (
          await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
            session,
            body: {},
          })
        ).status,
      ).toBe(202);
      expect(api.problems()).toEqual([]);
    },
  );

  test('cancel of a SUCCEEDED or FAILED task is 400 NOT_ALLOWED_IN_CURRENT_STATE and changes nothing', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const ok = await stage(api, session, 'domain-c10');
    const failed = await stage(api, session, 'domain-c15');
    mock.clock.advance(31_000);
    for (const id of [ok, failed]) {
      const before = await getInfo(api, session, id);
      expect(['SUCCEEDED', 'FAILED']).toContain(before.status);
      const r = await cancel(api, session, id);
      expect(r.status).toBe(400);
      expect(errorType(r.body)).toBe('NOT_ALLOWED_IN_CURRENT_STATE');
      expect(await getInfo(api, session, id)).toEqual(before);
    }
    expect(api.problems()).toEqual([]);
  });
});
