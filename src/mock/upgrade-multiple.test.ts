import { test, expect } from '@playwright/test';
import { loadInventory, type InventoryCluster, type PrecheckOutcome } from './inventory';
import { startMock, type RunningMock } from './start-mock';
import { MockClient, type Exchange, checkEveryResponse } from './test-client';

/**
 * upgradeMultiple (vcenter-contract.md §3.2, §3.3, §8) over real HTTP. The inventory is the
 * default one (users and clusters) plus 10,000 generated WCP clusters, every fourth of them with
 * pre-check warnings, for the scale test.
 */
const GENERATED = 10_000;
const generatedId = (i: number) => `domain-c${100_000 + i}`;
const generated: InventoryCluster[] = Array.from({ length: GENERATED }, (_, i) => {
  const prechecks: Record<string, PrecheckOutcome> = i % 4 === 0 ? { 'v1.30.4': 'warnings' } : {};
  return {
    id: generatedId(i),
    name: `wcp-bulk-${i}`,
    singleImage: true,
    commits: [],
    supervisor: { currentVersion: 'v1.29.7', availableVersions: ['v1.30.4'], prechecks },
  };
});

checkEveryResponse();

let mock: RunningMock;
test.beforeAll(async () => {
  const inventory = loadInventory();
  mock = await startMock({ clock: 'manual', inventory: { ...inventory, clusters: [...inventory.clusters, ...generated] } });
});
test.afterAll(async () => {
  await mock.close();
});
test.beforeEach(() => mock.reset());

const BASE = '/api/vcenter/namespace-management/software/clusters';
type Result = { res: 'STARTED' | 'REJECTED'; exception?: { error_type: string; messages: { default_message: string }[] } };
const multiple = (api: MockClient, session: string, body: object) =>
  api.call('clusters.upgradeMultiple', 'POST', `${BASE}?action=upgradeMultiple`, { session, body });
const get = (api: MockClient, session: string, cluster: string) => api.call('clusters.get', 'GET', `${BASE}/${cluster}`, { session });
const results = (r: Exchange) => r.body as Record<string, Result>;
const errorOf = (r: Exchange) => ({ status: r.status, type: (r.body as { error_type?: string } | undefined)?.error_type });
const v1304 = { desired_version: 'v1.30.4' };
const rejected = (type: string, text: string) => ({
  res: 'REJECTED',
  exception: { error_type: type, messages: [expect.objectContaining({ default_message: expect.stringContaining(text) })] },
});

/** The state and version get reports for each cluster (domain-c10..c12). */
async function states(api: MockClient, session: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of ['domain-c10', 'domain-c11', 'domain-c12']) {
    const info = (await get(api, session, c)).body as {
      state: string;
      current_version: string;
      upgrade_status?: { desired_version: string };
    };
    out[c] = `${info.state} ${info.current_version}${info.upgrade_status ? ` → ${info.upgrade_status.desired_version}` : ''}`;
  }
  return out;
}

test.describe('mock: upgradeMultiple', () => {
  test('a mixed batch: clean STARTED; warnings, errors, unknown and non-WCP clusters REJECTED with a std-error exception', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const r = await multiple(api, session, {
      'domain-c10': v1304,
      'domain-c11': v1304,
      'domain-c12': { ...v1304, ignore_precheck_warnings: true },
      'domain-c999': v1304,
      'domain-c13': v1304,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      'domain-c10': { res: 'STARTED' },
      'domain-c11': rejected('UNSUPPORTED', 'Pre-check failed'),
      'domain-c12': rejected('UNSUPPORTED', 'Pre-check failed'),
      'domain-c999': rejected('NOT_FOUND', 'domain-c999'),
      'domain-c13': rejected('UNSUPPORTED', 'not WCP-enabled'),
    });
    expect(results(r)['domain-c10']).not.toHaveProperty('exception');
    expect(await states(api, session)).toEqual({
      'domain-c10': 'PENDING v1.29.7 → v1.30.4',
      'domain-c11': 'READY v1.29.7',
      'domain-c12': 'READY v1.29.7',
    });
    expect(api.problems()).toEqual([]);
  });

  test(
    'warnings: REJECTED alike when ignore_precheck_warnings is unset ' + 'or false, STARTED when true; errors REJECTED even when true',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      const unset = await multiple(api, session, { 'domain-c11': v1304 });
      const no = await multiple(api, session, { 'domain-c11': { ...v1304, ignore_precheck_warnings: false } });
      expect(results(unset)['domain-c11']).toEqual(rejected('UNSUPPORTED', 'warnings'));
      expect(no.body).toEqual(unset.body);
      expect(no.text).toBe(unset.text);
      const errors = await multiple(api, session, { 'domain-c12': { ...v1304, ignore_precheck_warnings: true } });
      expect(results(errors)['domain-c12']).toEqual(rejected('UNSUPPORTED', 'errors'));
      expect(await states(api, session)).toEqual({
        'domain-c10': 'READY v1.29.7',
        'domain-c11': 'READY v1.29.7',
        'domain-c12': 'READY v1.29.7',
      });
      const yes = await multiple(api, session, { 'domain-c11': { ...v1304, ignore_precheck_warnings: true } });
      expect(yes.body).toEqual({ 'domain-c11': { res: 'STARTED' } });
      expect((await states(api, session))['domain-c11']).toBe('PENDING v1.29.7 → v1.30.4');
      expect(api.problems()).toEqual([]);
    },
  );

  test('unavailable versions and a running upgrade are REJECTED; a started batch upgrade completes like a single one', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    expect(results(await multiple(api, session, { 'domain-c10': { desired_version: 'v9.9.9' } }))['domain-c10']).toEqual(
      rejected('UNSUPPORTED', 'not available'),
    );
    expect((await multiple(api, session, { 'domain-c10': v1304 })).body).toEqual({ 'domain-c10': { res: 'STARTED' } });
    expect(results(await multiple(api, session, { 'domain-c10': { desired_version: 'v1.31.2' } }))['domain-c10']).toEqual(
      rejected('UNSUPPORTED', 'already in progress'),
    );
    mock.clock.advance(mock.state.timings.upgradeMs);
    expect((await get(api, session, 'domain-c10')).body).toEqual({
      current_version: 'v1.30.4',
      available_versions: ['v1.31.2'],
      messages: [],
      state: 'READY',
      last_upgraded_date: '2026-01-01T00:01:00.000Z',
    });
    expect(results(await multiple(api, session, { 'domain-c10': v1304 }))['domain-c10']).toEqual(rejected('UNSUPPORTED', 'not available'));
    expect((await multiple(api, session, { 'domain-c10': { desired_version: 'v1.31.2' } })).body).toEqual({
      'domain-c10': { res: 'STARTED' },
    });
    expect(api.problems()).toEqual([]);
  });

  test('each exception is the error body the single upgrade refuses the same spec with', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const specs: Record<string, object> = {
      'domain-c11': v1304,
      'domain-c12': { ...v1304, ignore_precheck_warnings: true },
      'domain-c13': v1304,
      'domain-c999': v1304,
      'domain-c10': { desired_version: 'v0' },
    };
    const batch = results(await multiple(api, session, specs));
    for (const [cluster, body] of Object.entries(specs)) {
      const single = await api.call('clusters.upgrade', 'POST', `${BASE}/${cluster}?action=upgrade`, { session, body });
      expect(single.status, cluster).toBeGreaterThanOrEqual(400);
      expect(batch[cluster]?.exception, cluster).toEqual(single.body);
    }
    expect(api.problems()).toEqual([]);
  });

  test('operator without Namespaces.Upgrade on one listed cluster (domain-c12, listed last): 403 for all, nothing starts', async () => {
    const api = new MockClient(mock);
    const operator = await api.login('operator');
    const r = await multiple(api, operator, {
      'domain-c10': v1304,
      'domain-c11': { ...v1304, ignore_precheck_warnings: true },
      'domain-c12': v1304,
    });
    expect(errorOf(r)).toEqual({ status: 403, type: 'UNAUTHORIZED' });
    expect(r.text).not.toContain('Namespaces.Upgrade');
    expect(errorOf(await multiple(api, operator, { 'domain-c10': v1304, 'domain-c999': v1304 }))).toEqual({
      status: 403,
      type: 'UNAUTHORIZED',
    });
    expect(await states(api, operator)).toEqual({
      'domain-c10': 'READY v1.29.7',
      'domain-c11': 'READY v1.29.7',
      'domain-c12': 'READY v1.29.7',
    });
    const allowed = await multiple(api, operator, { 'domain-c10': v1304, 'domain-c11': { ...v1304, ignore_precheck_warnings: true } });
    expect(allowed.body).toEqual({ 'domain-c10': { res: 'STARTED' }, 'domain-c11': { res: 'STARTED' } });
    expect(api.problems()).toEqual([]);
  });

  test('read-only user: 403 UNAUTHORIZED, nothing starts; an unauthenticated call: 401', async () => {
    const api = new MockClient(mock);
    const readOnly = await api.login('read-only');
    expect(errorOf(await multiple(api, readOnly, { 'domain-c10': v1304 }))).toEqual({ status: 403, type: 'UNAUTHORIZED' });
    expect(errorOf(await multiple(api, 'no-such-session', { 'domain-c10': v1304 }))).toEqual({ status: 401, type: 'UNAUTHENTICATED' });
    expect((await states(api, readOnly))['domain-c10']).toBe('READY v1.29.7');
    expect(api.problems()).toEqual([]);
  });

  test('the result keys are exactly the request keys, in request order, odd ids included; {} answers {}', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const keys = ['domain-c12', '__proto__', 'constructor', 'domain-c10', 'toString', '', 'domain-c11'];
    const r = await multiple(api, session, {});
    expect({ status: r.status, body: r.body, text: r.text }).toEqual({ status: 200, body: {}, text: '{}' });
    const rawBody = `{${keys.map((k) => `${JSON.stringify(k)}: {"desired_version": "v1.30.4"}`).join(', ')}}`;
    const odd = await api.call('clusters.upgradeMultiple', 'POST', `${BASE}?action=upgradeMultiple`, { session, rawBody });
    expect(odd.status).toBe(200);
    expect(Object.keys(odd.body as object)).toEqual(keys);
    expect(Object.getOwnPropertyDescriptor(results(odd), '__proto__')?.value).toEqual(rejected('NOT_FOUND', '__proto__'));
    expect(results(odd)['domain-c10']).toEqual({ res: 'STARTED' });
    const readOnly = await api.login('read-only');
    expect((await multiple(api, readOnly, {})).body).toEqual({});
    expect(api.problems()).toEqual([]);
  });

  test('malformed bodies answer 400 INVALID_ARGUMENT as a std error, never 500, and start nothing', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const bodies = [
      '',
      'not json',
      '{"domain-c10": {"desired_version": "v1.30.4"',
      'null',
      '[]',
      '"domain-c10"',
      '{"domain-c10": "v1.30.4"}',
      '{"domain-c10": {}}',
      '{"domain-c10": {"ignore_precheck_warnings": true}}',
      '{"domain-c10": {"desired_version": 1304}}',
      '{"domain-c10": {"desired_version": "v1.30.4", "ignore_precheck_warnings": "true"}}',
      '{"specs": {"domain-c10": {"desired_version": "v1.30.4"}}}',
    ];
    for (const rawBody of bodies) {
      const r = await api.call('clusters.upgradeMultiple', 'POST', `${BASE}?action=upgradeMultiple`, {
        session,
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(errorOf(r), rawBody).toEqual({ status: 400, type: 'INVALID_ARGUMENT' });
    }
    expect((await states(api, session))['domain-c10']).toBe('READY v1.29.7');
    expect(api.problems()).toEqual([]);
  });

  test(`${GENERATED.toLocaleString('en')} clusters in one request: one result per cluster, pre-checks applied to each`, async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const body = Object.fromEntries(generated.map((c, i) => [c.id, i % 8 === 0 ? { ...v1304, ignore_precheck_warnings: true } : v1304]));
    const r = await multiple(api, session, body);
    expect(r.status).toBe(200);
    const map = results(r);
    expect(Object.keys(map)).toEqual(Object.keys(body));
    // Every 4th cluster warns; half of those ignore the warnings.
    const count = (res: string) => Object.values(map).filter((x) => x.res === res).length;
    expect({ started: count('STARTED'), rejected: count('REJECTED') }).toEqual({
      started: GENERATED - GENERATED / 8,
      rejected: GENERATED / 8,
    });
    expect(map[generatedId(4)]).toEqual(rejected('UNSUPPORTED', 'warnings'));
    expect(map[generatedId(8)]).toEqual({ res: 'STARTED' });
    expect((await get(api, session, generatedId(GENERATED - 1))).body).toMatchObject({
      state: 'PENDING',
      upgrade_status: { desired_version: 'v1.30.4' },
    });
    expect(api.problems()).toEqual([]);
  });
});
