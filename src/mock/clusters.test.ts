import { test, expect } from '@playwright/test';
import { loadInventory } from './inventory';
import { startMock, type RunningMock } from './start-mock';
import { MockClient, type Exchange, checkEveryResponse } from './test-client';

/**
 * Namespace software clusters list, get and single upgrade (vcenter-contract.md §3), over real
 * HTTP. The default inventory plus two users the defaults lack: one with no read privilege at
 * all, one with System.Read on domain-c10 only.
 */
checkEveryResponse();

let mock: RunningMock;
test.beforeAll(async () => {
  const inventory = loadInventory();
  inventory.users.push(
    { username: 'nobody@vsphere.local', password: 'mock-Nobody!23', role: 'no-privileges', privileges: ['System.Anonymous'] },
    {
      username: 'c10reader@vsphere.local',
      password: 'mock-Reader!23',
      role: 'c10-reader',
      privileges: ['System.Anonymous'],
      clusterPrivileges: { 'domain-c10': ['System.Read'] },
    },
  );
  mock = await startMock({ clock: 'manual', inventory });
});
test.afterAll(async () => {
  await mock.close();
});
test.beforeEach(() => mock.reset());

const BASE = '/api/vcenter/namespace-management/software/clusters';
const START = '2026-01-01T00:00:00.000Z';
const list = (api: MockClient, session: string) => api.call('clusters.list', 'GET', BASE, { session });
const get = (api: MockClient, session: string, cluster: string) => api.call('clusters.get', 'GET', `${BASE}/${cluster}`, { session });
const upgrade = (api: MockClient, session: string, cluster: string, body: object) =>
  api.call('clusters.upgrade', 'POST', `${BASE}/${cluster}?action=upgrade`, { session, body });
const errorOf = (r: Exchange) => ({ status: r.status, type: (r.body as { error_type?: string } | undefined)?.error_type });
const READY_C10 = { current_version: 'v1.29.7', available_versions: ['v1.30.4', 'v1.31.2'], messages: [], state: 'READY' };

test.describe('mock: namespace software clusters list and get', () => {
  test('list answers 200 with a Summary of each WCP-enabled cluster only, unset optionals omitted', async () => {
    const api = new MockClient(mock);
    const expected = [
      {
        cluster: 'domain-c10',
        cluster_name: 'wcp-clean',
        current_version: 'v1.29.7',
        available_versions: ['v1.30.4', 'v1.31.2'],
        state: 'READY',
      },
      { cluster: 'domain-c11', cluster_name: 'wcp-warnings', current_version: 'v1.29.7', available_versions: ['v1.30.4'], state: 'READY' },
      {
        cluster: 'domain-c12',
        cluster_name: 'wcp-errors',
        current_version: 'v1.29.7',
        available_versions: ['v1.30.4'],
        state: 'READY',
        last_upgraded_date: '2026-03-02T09:15:00.000Z',
      },
    ];
    for (const role of ['administrator', 'read-only', 'operator']) {
      const r = await list(api, await api.login(role));
      expect(r.status, role).toBe(200);
      expect(r.body, role).toEqual(expected);
      expect(r.text, role).not.toContain('null');
    }
    expect(api.problems()).toEqual([]);
  });

  test('list without System.Read everywhere answers 403 UNAUTHORIZED', async () => {
    const api = new MockClient(mock);
    for (const role of ['no-privileges', 'c10-reader']) {
      expect(errorOf(await list(api, await api.login(role))), role).toEqual({ status: 403, type: 'UNAUTHORIZED' });
    }
    expect(errorOf(await list(api, 'not-a-session'))).toEqual({ status: 401, type: 'UNAUTHENTICATED' });
    expect(api.problems()).toEqual([]);
  });

  test('get answers 200 Info without upgrade_status when no upgrade runs, and last_upgraded_date only when set', async () => {
    const api = new MockClient(mock);
    const session = await api.login('read-only');
    const c10 = await get(api, session, 'domain-c10');
    expect(c10.status).toBe(200);
    expect(c10.body).toEqual(READY_C10);
    const c12 = await get(api, session, 'domain-c12');
    expect(c12.body).toEqual({
      current_version: 'v1.29.7',
      available_versions: ['v1.30.4'],
      messages: [],
      state: 'READY',
      last_upgraded_date: '2026-03-02T09:15:00.000Z',
    });
    expect(c10.text + c12.text).not.toContain('null');
    expect(api.problems()).toEqual([]);
  });

  test('get: 404 NOT_FOUND for an unknown cluster, 403 without System.Read on it, 400 UNSUPPORTED when not WCP-enabled', async () => {
    const api = new MockClient(mock);
    const admin = await api.login();
    const nobody = await api.login('no-privileges');
    const reader = await api.login('c10-reader');
    expect(errorOf(await get(api, admin, 'domain-c999'))).toEqual({ status: 404, type: 'NOT_FOUND' });
    expect(errorOf(await get(api, nobody, 'domain-c999'))).toEqual({ status: 404, type: 'NOT_FOUND' });
    expect(errorOf(await get(api, nobody, 'domain-c10'))).toEqual({ status: 403, type: 'UNAUTHORIZED' });
    expect(errorOf(await get(api, reader, 'domain-c11'))).toEqual({ status: 403, type: 'UNAUTHORIZED' });
    expect((await get(api, reader, 'domain-c10')).status).toBe(200);
    for (const cluster of ['domain-c13', 'domain-c14', 'domain-c15']) {
      expect(errorOf(await get(api, admin, cluster)), cluster).toEqual({ status: 400, type: 'UNSUPPORTED' });
    }
    expect(api.problems()).toEqual([]);
  });
});

test.describe('mock: single Supervisor upgrade', () => {
  test('upgrade answers 204, the cluster is PENDING with upgrade_status, then READY at the new version after upgradeMs', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const started = await upgrade(api, session, 'domain-c10', { desired_version: 'v1.30.4' });
    expect(started.status).toBe(204);
    expect(started.text).toBe('');
    const pending = await get(api, session, 'domain-c10');
    expect(pending.body).toEqual({
      ...READY_C10,
      state: 'PENDING',
      upgrade_status: {
        desired_version: 'v1.30.4',
        messages: [],
        progress: { total: 3, completed: 0, message: expect.objectContaining({ id: expect.any(String), args: expect.any(Array) }) },
      },
    });
    expect((await list(api, session)).body).toContainEqual(
      expect.objectContaining({ cluster: 'domain-c10', state: 'PENDING', desired_version: 'v1.30.4' }),
    );

    mock.clock.advance(mock.state.timings.upgradeMs - 1);
    const almost = (await get(api, session, 'domain-c10')).body as { state: string; upgrade_status: { progress: { completed: number } } };
    expect(almost.state).toBe('PENDING');
    expect(almost.upgrade_status.progress.completed).toBe(2);

    mock.clock.advance(1);
    const done = await get(api, session, 'domain-c10');
    expect(done.body).toEqual({
      current_version: 'v1.30.4',
      available_versions: ['v1.31.2'],
      messages: [],
      state: 'READY',
      last_upgraded_date: '2026-01-01T00:01:00.000Z',
    });
    const summary = ((await list(api, session)).body as { cluster: string }[]).find((s) => s.cluster === 'domain-c10');
    expect(summary).toEqual({
      cluster: 'domain-c10',
      cluster_name: 'wcp-clean',
      current_version: 'v1.30.4',
      available_versions: ['v1.31.2'],
      state: 'READY',
      last_upgraded_date: '2026-01-01T00:01:00.000Z',
    });
    expect(await upgrade(api, session, 'domain-c10', { desired_version: 'v1.31.2' }).then((r) => r.status)).toBe(204);
    expect(api.problems()).toEqual([]);
  });

  test('progress.completed only grows, never passes total, and the upgrade settles exactly once', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    expect((await upgrade(api, session, 'domain-c10', { desired_version: 'v1.31.2' })).status).toBe(204);
    const seen: number[] = [];
    const step = mock.state.timings.upgradeMs / 8;
    for (let i = 0; i < 8; i += 1) {
      const info = (await get(api, session, 'domain-c10')).body as { upgrade_status: { progress: { total: number; completed: number } } };
      expect(info.upgrade_status.progress.total).toBe(3);
      seen.push(info.upgrade_status.progress.completed);
      mock.clock.advance(step);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBe(0);
    expect(Math.max(...seen)).toBe(2);
    mock.clock.advance(step * 10);
    const after = [await get(api, session, 'domain-c10'), await get(api, session, 'domain-c10')].map((r) => r.body);
    // Skipping v1.30.4 leaves no older version available: both are gone.
    expect(after).toEqual(
      [0, 1].map(() => ({
        current_version: 'v1.31.2',
        available_versions: [],
        messages: [],
        state: 'READY',
        last_upgraded_date: '2026-01-01T00:01:00.000Z',
      })),
    );
    expect(api.problems()).toEqual([]);
  });

  test('pre-check warnings: refused with 400 UNSUPPORTED when ignore_precheck_warnings is unset or false, started when true', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const unset = await upgrade(api, session, 'domain-c11', { desired_version: 'v1.30.4' });
    const no = await upgrade(api, session, 'domain-c11', { desired_version: 'v1.30.4', ignore_precheck_warnings: false });
    expect(errorOf(unset)).toEqual({ status: 400, type: 'UNSUPPORTED' });
    expect(unset.text).toContain('Pre-check failed');
    expect(no.text).toBe(unset.text);
    expect((await get(api, session, 'domain-c11')).body).toMatchObject({ state: 'READY', current_version: 'v1.29.7' });
    expect((await upgrade(api, session, 'domain-c11', { desired_version: 'v1.30.4', ignore_precheck_warnings: true })).status).toBe(204);
    const info = (await get(api, session, 'domain-c11')).body as { state: string; upgrade_status: { messages: { severity: string }[] } };
    expect(info.state).toBe('PENDING');
    expect(info.upgrade_status.messages).toEqual([
      { severity: 'WARNING', details: expect.objectContaining({ default_message: expect.stringContaining('ignored') }) },
    ]);
    expect(api.problems()).toEqual([]);
  });

  test(
    'refusals: pre-check errors even with ignore, unknown version, ' + 'running upgrade, not WCP, unknown cluster; nothing starts',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      const cases: [string, object, { status: number; type: string }, string][] = [
        [
          'domain-c12',
          { desired_version: 'v1.30.4', ignore_precheck_warnings: true },
          { status: 400, type: 'UNSUPPORTED' },
          'Pre-check failed',
        ],
        ['domain-c10', { desired_version: 'v9.9.9' }, { status: 400, type: 'UNSUPPORTED' }, 'not available'],
        ['domain-c10', { desired_version: 'v1.29.7' }, { status: 400, type: 'UNSUPPORTED' }, 'not available'],
        ['domain-c13', { desired_version: 'v1.30.4' }, { status: 400, type: 'UNSUPPORTED' }, 'not WCP-enabled'],
        ['domain-c999', { desired_version: 'v1.30.4' }, { status: 404, type: 'NOT_FOUND' }, 'domain-c999'],
      ];
      for (const [cluster, body, error, text] of cases) {
        const r = await upgrade(api, session, cluster, body);
        expect(errorOf(r), `${cluster} ${JSON.stringify(body)}`).toEqual(error);
        expect(r.text).toContain(text);
      }
      for (const cluster of ['domain-c10', 'domain-c12'])
        expect((await get(api, session, cluster)).body, cluster).toMatchObject({ state: 'READY', current_version: 'v1.29.7' });
      expect((await get(api, session, 'domain-c10')).body).not.toHaveProperty('upgrade_status');

      expect((await upgrade(api, session, 'domain-c10', { desired_version: 'v1.30.4' })).status).toBe(204);
      const again = await upgrade(api, session, 'domain-c10', { desired_version: 'v1.31.2' });
      expect(errorOf(again)).toEqual({ status: 400, type: 'UNSUPPORTED' });
      expect(again.text).toContain('already in progress');
      expect((await get(api, session, 'domain-c10')).body).toMatchObject({ upgrade_status: { desired_version: 'v1.30.4' } });
      expect(api.problems()).toEqual([]);
    },
  );

  test(
    'privilege: 403 without Namespaces.Upgrade on the cluster ' + '(operator on domain-c12, read-only anywhere); 404 still first',
    async () => {
      const api = new MockClient(mock);
      const operator = await api.login('operator');
      const readOnly = await api.login('read-only');
      expect(errorOf(await upgrade(api, operator, 'domain-c12', { desired_version: 'v1.30.4' }))).toEqual({
        status: 403,
        type: 'UNAUTHORIZED',
      });
      expect(errorOf(await upgrade(api, readOnly, 'domain-c10', { desired_version: 'v1.30.4' }))).toEqual({
        status: 403,
        type: 'UNAUTHORIZED',
      });
      expect(errorOf(await upgrade(api, readOnly, 'domain-c999', { desired_version: 'v1.30.4' }))).toEqual({
        status: 404,
        type: 'NOT_FOUND',
      });
      expect((await get(api, operator, 'domain-c10')).body).toEqual(READY_C10);
      expect((await upgrade(api, operator, 'domain-c10', { desired_version: 'v1.30.4' })).status).toBe(204);
      expect(api.problems()).toEqual([]);
    },
  );

  test('a malformed upgrade body is refused with 400 INVALID_ARGUMENT and starts nothing', async () => {
    const api = new MockClient(mock, {
      unchecked: 'the one known deviation, INVALID_ARGUMENT at a 400 documenting UNSUPPORTED only, is asserted below',
    });
    const session = await api.login();
    for (const rawBody of [
      '',
      '{',
      '{}',
      '{"desired_version": 1}',
      '{"desired_version": "v1.30.4", "ignore_precheck_warnings": "yes"}',
      '"v1.30.4"',
    ]) {
      const r = await api.call('clusters.upgrade', 'POST', `${BASE}/domain-c10?action=upgrade`, {
        session,
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(errorOf(r), rawBody).toEqual({ status: 400, type: 'INVALID_ARGUMENT' });
    }
    expect((await get(api, session, 'domain-c10')).body).toEqual(READY_C10);
    // The 400 of upgrade documents UNSUPPORTED only: INVALID_ARGUMENT for a malformed body is the core's choice.
    expect(new Set(api.problems().map((p) => p.replace(/^.*→ /, '')))).toEqual(
      new Set(['400: error_type INVALID_ARGUMENT is not documented at 400 (documented: UNSUPPORTED)']),
    );
  });

  test('reset() forgets upgrades: the inventory versions come back', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    expect((await upgrade(api, session, 'domain-c10', { desired_version: 'v1.30.4' })).status).toBe(204);
    mock.clock.advance(mock.state.timings.upgradeMs);
    expect((await get(api, session, 'domain-c10')).body).toMatchObject({ current_version: 'v1.30.4' });
    mock.reset();
    const fresh = await api.login();
    expect((await get(api, fresh, 'domain-c10')).body).toEqual(READY_C10);
    expect(mock.state.now()).toBe(Date.parse(START));
  });
});
