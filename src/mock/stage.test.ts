import { test, expect } from '@playwright/test';
import { validatorFor } from '../../specs/index';
import type { TaskInfo } from './task-engine';
import { MockClient, checkEveryResponse, useMock } from './test-client';
import { TASK_FIELDS_BY_STATUS } from '../../specs/task-status-fields';

checkEveryResponse();

const mock = useMock();

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const STAGE = (cluster: string) => `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`;
const TASK = (id: string) => `/api/cis/tasks/${encodeURIComponent(id)}`;

async function stage(api: MockClient, session: string, cluster: string, body: unknown = {}) {
  return api.call('software.stage', 'POST', STAGE(cluster), { session, body });
}
async function getInfo(api: MockClient, session: string, id: string): Promise<TaskInfo> {
  const r = await api.call('tasks.get', 'GET', TASK(id), { session });
  expect(r.status, r.text).toBe(200);
  return r.body as TaskInfo;
}
const errorType = (body: unknown) => (body as { error_type?: string }).error_type;

/** The SDK 8.0U2 per-status table (vcenter-contract.md §5.1), from specs/, not from the engine. */
const FIELDS = TASK_FIELDS_BY_STATUS as Readonly<Record<string, { required: readonly string[]; notExpected: readonly string[] }>>;

function expectFieldTable(info: TaskInfo) {
  const row = FIELDS[info.status]!;
  for (const f of row.required) expect(info, `${info.status} requires ${f}`).toHaveProperty(f);
  for (const f of row.notExpected) expect(info, `${info.status} must not carry ${f}`).not.toHaveProperty(f);
  expect(info.cancelable).toBe(info.status === 'PENDING' || info.status === 'RUNNING');
  if (info.start_time && info.end_time) expect(info.start_time <= info.end_time).toBe(true);
  if (info.result) {
    const valid = validatorFor('Esx.Settings.Clusters.Software.StageResult');
    expect(valid(info.result), JSON.stringify(valid.errors)).toBe(true);
    expect('status' in info.result).toBe(info.status === 'SUCCEEDED' || info.status === 'FAILED');
    const { successful_hosts: ok, failed_hosts: failed, skipped_hosts: skipped } = info.result;
    expect(new Set([...ok, ...failed, ...skipped]).size).toBe(ok.length + failed.length + skipped.length);
  }
}

/** Polls the task every `step` ms of virtual time until it is terminal; every Info seen. */
async function walk(api: MockClient, session: string, id: string, step: number): Promise<TaskInfo[]> {
  const infos = [await getInfo(api, session, id)];
  for (let i = 0; i < 100 && !['SUCCEEDED', 'FAILED'].includes(infos.at(-1)!.status); i += 1) {
    mock.clock.advance(step);
    infos.push(await getInfo(api, session, id));
  }
  return infos;
}

function expectProgressMonotone(infos: TaskInfo[]) {
  const completed = infos.flatMap((i) => (i.progress ? [i.progress.completed] : []));
  expect(completed.length).toBeGreaterThan(1);
  expect(completed).toEqual([...completed].sort((a, b) => a - b));
  expect(completed.at(-1)).toBe(infos.at(-1)!.progress!.total);
}

test.describe('mock: software stage task', () => {
  test('domain-c10 walks PENDING → RUNNING → SUCCEEDED with the documented fields at every step', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const r = await stage(api, session, 'domain-c10');
    expect(r.status).toBe(202);
    expect(typeof r.body).toBe('string');
    const id = r.body as string;

    const first = await getInfo(api, session, id);
    expect(first).toMatchObject({
      status: 'PENDING',
      cancelable: true,
      service: 'com.vmware.esx.settings.clusters.software',
      operation: 'stage',
      user: 'administrator@vsphere.local',
      target: { type: 'ClusterComputeResource', id: 'domain-c10' },
    });
    mock.clock.advance(999);
    expect((await getInfo(api, session, id)).status).toBe('PENDING');
    mock.clock.advance(1);
    const started = await getInfo(api, session, id);
    expect(started).toMatchObject({ status: 'RUNNING', start_time: at(1000), progress: { completed: 0 } });
    expect(started.result).toMatchObject({ commit: '3', successful_hosts: [], failed_hosts: [], skipped_hosts: [] });
    expect(Object.keys(started.result!.host_info).sort()).toEqual(['host-101', 'host-102', 'host-103']);
    expect(started.result!.host_status['host-101']).toMatchObject({ status: 'RUNNING', progress: { completed: 0 } });

    const infos = [first, started, ...(await walk(api, session, id, 2500))];
    infos.forEach(expectFieldTable);
    expect([...new Set(infos.map((i) => i.status))]).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expectProgressMonotone(infos);
    const last = infos.at(-1)!;
    expect(last).toMatchObject({ start_time: at(1000), end_time: at(31_000) });
    expect(last.result).toMatchObject({
      status: { status: 'OK', start_time: at(1000), end_time: at(31_000), notifications: {} },
      commit: '3',
      successful_hosts: ['host-101', 'host-102'],
      failed_hosts: [],
      skipped_hosts: ['host-103'],
      host_info: {
        'host-101': { name: 'esx-101.lab.local' },
        'host-102': { name: 'esx-102.lab.local' },
        'host-103': { name: 'esx-103.lab.local' },
      },
    });
    expect(Object.fromEntries(Object.entries(last.result!.host_status).map(([h, s]) => [h, s.status]))).toEqual({
      'host-101': 'OK',
      'host-102': 'OK',
      'host-103': 'SKIPPED',
    });
    mock.clock.advance(20 * 60_000); // well past the end, within the session idle timeout
    expect(await getInfo(api, session, id)).toEqual(last);
    expect(api.problems()).toEqual([]);
  });

  test('domain-c15 ends FAILED with an error, host-152 in failed_hosts and host-151 staged', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const id = (await stage(api, session, 'domain-c15', { commit: '' })).body as string;
    const infos = await walk(api, session, id, 3000);
    infos.forEach(expectFieldTable);
    expect([...new Set(infos.map((i) => i.status))]).toEqual(['PENDING', 'RUNNING', 'FAILED']);
    expectProgressMonotone(infos);
    const last = infos.at(-1)!;
    expect(last).toMatchObject({
      status: 'FAILED',
      cancelable: false,
      start_time: at(1000),
      end_time: at(21_000),
      error: { error_type: 'ERROR' },
    });
    expect(validatorFor('Vapi.Std.Errors.Error')(last.error)).toBe(true);
    expect(last.result).toMatchObject({
      status: { status: 'ERROR' },
      commit: '8',
      successful_hosts: ['host-151'],
      failed_hosts: ['host-152'],
      skipped_hosts: [],
    });
    expect(last.result!.host_status['host-152']).toMatchObject({
      status: 'ERROR',
      notifications: { errors: [expect.objectContaining({ type: 'ERROR' })] },
    });
    expect(api.problems()).toEqual([]);
  });

  test('hosts unset ≡ null ≡ [] ≡ every host (any order), and commit unset ≡ null ≡ "" ≡ an older commit ≡ the latest', async () => {
    const api = new MockClient(mock);
    const finalInfo = async (body: unknown) => {
      mock.reset();
      const session = await api.login();
      const r = await stage(api, session, 'domain-c10', body);
      expect(r.status, JSON.stringify(body)).toBe(202);
      mock.clock.advance(60_000);
      const { description, progress, start_time, end_time, result, status } = await getInfo(api, session, r.body as string);
      return { description, progress, start_time, end_time, result, status };
    };
    const reference = await finalInfo({});
    expect(reference.result?.commit).toBe('3');
    for (const body of [
      { hosts: [] },
      { hosts: ['host-103', 'host-101', 'host-102'] },
      { commit: '' },
      { commit: '1' },
      { commit: '2' },
      { commit: '3', hosts: [] },
      { hosts: null },
      { commit: null },
      { commit: null, hosts: null },
    ]) {
      expect(await finalInfo(body), JSON.stringify(body)).toEqual(reference);
    }
    const subset = await finalInfo({ hosts: ['host-102'] });
    expect(Object.keys(subset.result!.host_info)).toEqual(['host-102']);
    expect(subset.result).toMatchObject({ successful_hosts: ['host-102'], skipped_hosts: [], commit: '3' });
    expect(subset.end_time).toBe(at(11_000));
    expect(api.problems()).toEqual([]);
  });

  test('404 NOT_FOUND for an unknown cluster and for a cluster without a desired software document', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    for (const cluster of ['domain-c99', 'domain-c14', 'host-101']) {
      const r = await stage(api, session, cluster);
      expect(r.status, cluster).toBe(404);
      expect(errorType(r.body)).toBe('NOT_FOUND');
    }
    expect(mock.state.tasks.size).toBe(0);
    expect(api.problems()).toEqual([]);
  });

  test('400 INVALID_ARGUMENT: not single-image, unknown commit, unknown host, host outside the cluster', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const cases: [string, unknown][] = [
      ['domain-c13', {}],
      ['domain-c10', { commit: '99' }],
      ['domain-c10', { commit: '8' }],
      ['domain-c10', { hosts: ['host-999'] }],
      ['domain-c10', { hosts: ['host-101', 'host-199'] }],
      ['domain-c10', { hosts: ['host-152'] }],
    ];
    for (const [cluster, body] of cases) {
      const r = await stage(api, session, cluster, body);
      expect(r.status, `${cluster} ${JSON.stringify(body)}`).toBe(400);
      expect(errorType(r.body)).toBe('INVALID_ARGUMENT');
    }
    expect(mock.state.tasks.size).toBe(0);
    expect(api.problems()).toEqual([]);
  });

  test('errors come in the order 404, INVALID_ARGUMENT, NOT_ALLOWED_IN_CURRENT_STATE', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    expect((await stage(api, session, 'domain-c14', { commit: '99', hosts: ['host-199'] })).status).toBe(404);
    expect((await stage(api, session, 'domain-c10')).status).toBe(202);
    for (const body of [{ commit: '99' }, { hosts: ['host-199'] }]) {
      expect(errorType((await stage(api, session, 'domain-c10', body)).body), JSON.stringify(body)).toBe('INVALID_ARGUMENT');
    }
    expect(errorType((await stage(api, session, 'domain-c10')).body)).toBe('NOT_ALLOWED_IN_CURRENT_STATE');
    expect(api.problems()).toEqual([]);
  });

  test('a second stage on a busy cluster is NOT_ALLOWED_IN_CURRENT_STATE until the first ends; other clusters are free', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const first = (await stage(api, session, 'domain-c10')).body as string;
    for (const advance of [0, 1000, 29_999]) {
      mock.clock.advance(advance);
      const r = await stage(api, session, 'domain-c10', { hosts: ['host-101'] });
      expect(r.status).toBe(400);
      expect(errorType(r.body)).toBe('NOT_ALLOWED_IN_CURRENT_STATE');
    }
    expect((await stage(api, session, 'domain-c11')).status).toBe(202);
    mock.clock.advance(1);
    expect((await getInfo(api, session, first)).status).toBe('SUCCEEDED');
    const again = await stage(api, session, 'domain-c10');
    expect(again.status).toBe(202);
    expect(again.body).not.toBe(first);
    expect(api.problems()).toEqual([]);
  });

  test(
    'a Supervisor upgrade in progress on the cluster is another operation: ' + 'stage is NOT_ALLOWED_IN_CURRENT_STATE until it is READY',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      const clusterInfo = async () =>
        (await api.call('clusters.get', 'GET', '/api/vcenter/namespace-management/software/clusters/domain-c10', { session })).body as {
          state: string;
        };
      const upgrade = await api.call(
        'clusters.upgrade',
        'POST',
        '/api/vcenter/namespace-management/software/clusters/domain-c10?action=upgrade',
        { session, body: { desired_version: 'v1.30.4' } },
      );
      expect(upgrade.status).toBe(204);
      for (const advance of [0, mock.state.timings.upgradeMs - 1]) {
        mock.clock.advance(advance);
        expect((await clusterInfo()).state).toBe('PENDING');
        const r = await stage(api, session, 'domain-c10');
        expect(r.status).toBe(400);
        expect(r.body).toMatchObject({
          error_type: 'NOT_ALLOWED_IN_CURRENT_STATE',
          messages: [{ default_message: expect.stringContaining('Supervisor upgrade to v1.30.4') }],
        });
      }
      expect((await stage(api, session, 'domain-c15')).status, 'a cluster without an upgrade is free').toBe(202);
      expect(mock.state.tasks.size).toBe(1);
      mock.clock.advance(1);
      expect((await clusterInfo()).state).toBe('READY');
      expect((await stage(api, session, 'domain-c10')).status).toBe(202);
      expect(api.problems()).toEqual([]);
    },
  );

  test(
    'a caller without VcIntegrity.lifecycleSoftwareRemediation.Write ' +
      'gets 202, then the task FAILS with UNAUTHORIZED and stages nothing',
    async () => {
      const api = new MockClient(mock);
      for (const role of ['operator', 'read-only']) {
        mock.reset();
        const session = await api.login(role);
        const r = await stage(api, session, 'domain-c10');
        expect(r.status, role).toBe(202);
        const infos = await walk(api, session, r.body as string, 500);
        infos.forEach(expectFieldTable);
        expect(infos.map((i) => i.status)).toEqual(['PENDING', 'PENDING', 'FAILED']);
        const last = infos.at(-1)!;
        expect(last.error).toMatchObject({ error_type: 'UNAUTHORIZED' });
        expect(JSON.stringify(last.error)).not.toContain('VcIntegrity');
        expect(last).not.toHaveProperty('result');
        expect(last.user).toBe(mock.users.find((u) => u.role === role)!.username);
      }
      expect(api.problems()).toEqual([]);
    },
  );

  test('20 concurrent stage requests on one cluster: exactly one 202, the rest NOT_ALLOWED_IN_CURRENT_STATE', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const answers = await Promise.all(Array.from({ length: 20 }, () => stage(api, session, 'domain-c10')));
    const accepted = answers.filter((r) => r.status === 202);
    expect(accepted).toHaveLength(1);
    expect(answers.filter((r) => r.status === 400 && errorType(r.body) === 'NOT_ALLOWED_IN_CURRENT_STATE')).toHaveLength(19);
    expect([...mock.state.tasks.keys()]).toEqual([accepted[0]!.body]);
    expect(api.problems()).toEqual([]);
  });

  test('without a session, stage answers 401 UNAUTHENTICATED and creates no task', async () => {
    const api = new MockClient(mock);
    const r = await api.call('software.stage', 'POST', STAGE('domain-c10'), { body: {} });
    expect(r.status).toBe(401);
    expect(errorType(r.body)).toBe('UNAUTHENTICATED');
    expect(mock.state.tasks.size).toBe(0);
    expect(api.problems()).toEqual([]);
  });
});
