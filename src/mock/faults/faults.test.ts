import { test, expect } from '@playwright/test';
import { startMock, type RunningMock } from '../start-mock';
import { MockClient, basic, type Exchange } from '../test-client';
import { faults } from './index';

/**
 * One case per fault switch: a scenario run over real HTTP against a mock with only that fault on
 * and against a clean mock. The faulty mock must differ exactly as the fault's `breaks` says, and
 * the clean mock must give the documented answer (and pass the catalogue checks).
 */
interface FaultCase {
  fault: string;
  scenario: string;
  run(api: MockClient, mock: RunningMock): Promise<unknown>;
  faulty: unknown;
  clean: unknown;
}

const ADMIN = { user: 'administrator@vsphere.local', password: 'mock-Admin!23' };
/** Stage starts PENDING for taskPendingMs (1 s), then stages each host for stagePerHostMs (10 s). */
const MID_STAGE_MS = 16_000;
const AFTER_STAGE_MS = 60_000;

const errorType = (r: Exchange) => (r.body as { error_type?: string } | undefined)?.error_type;
const loginRaw = (api: MockClient) => api.call('session.create', 'POST', '/api/session', { headers: { authorization: basic(ADMIN.user, ADMIN.password) } });
const statusAndType = (r: Exchange) => ({ status: r.status, errorType: errorType(r) ?? null });

async function upgradeMultiple(api: MockClient, specs: Record<string, object>, role = 'administrator'): Promise<Exchange> {
  const session = await api.login(role);
  return api.call('clusters.upgradeMultiple', 'POST', '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple', { session, body: specs });
}

async function stage(api: MockClient, cluster = 'domain-c10'): Promise<{ session: string; response: Exchange }> {
  const session = await api.login();
  const response = await api.call('software.stage', 'POST', `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`, { session, body: {} });
  return { session, response };
}

/** Starts a stage task on domain-c10, moves the manual clock by `ms`, and returns a poller. */
async function stagedTask(api: MockClient, mock: RunningMock, ms: number) {
  const { session, response } = await stage(api);
  expect(response.status).toBe(202);
  mock.clock.advance(ms);
  const id = response.body as string;
  return async () => (await api.call('tasks.get', 'GET', `/api/cis/tasks/${encodeURIComponent(id)}`, { session })).body as {
    status: string; start_time?: string; progress?: { total: number; completed: number };
  };
}

const cases: FaultCase[] = [
  {
    fault: 'unauthenticated-without-body', scenario: 'GET /api/session without a session id',
    run: async (api) => { const r = await api.call('session.get', 'GET', '/api/session'); return { status: r.status, text: r.text === '' ? '(empty)' : errorType(r) }; },
    faulty: { status: 401, text: '(empty)' }, clean: { status: 401, text: 'UNAUTHENTICATED' },
  },
  {
    fault: 'unauthorized-as-400', scenario: 'upgradeMultiple by an operator without Namespaces.Upgrade on domain-c12',
    run: async (api) => statusAndType(await upgradeMultiple(api, { 'domain-c12': { desired_version: 'v1.30.4' } }, 'operator')),
    faulty: { status: 400, errorType: 'UNAUTHORIZED' }, clean: { status: 403, errorType: 'UNAUTHORIZED' },
  },
  {
    fault: 'session-create-200', scenario: 'POST /api/session with good credentials',
    run: async (api) => { const r = await loginRaw(api); return { status: r.status, body: typeof r.body }; },
    faulty: { status: 200, body: 'string' }, clean: { status: 201, body: 'string' },
  },
  {
    fault: 'deleted-session-accepted', scenario: 'log in, log out, then GET /api/session with the old id',
    run: async (api) => {
      const session = await api.login();
      const bye = await api.call('session.delete', 'DELETE', '/api/session', { session });
      const after = await api.call('session.get', 'GET', '/api/session', { session });
      return [bye.status, after.status];
    },
    faulty: [204, 200], clean: [204, 401],
  },
  {
    fault: 'ignore-warnings-by-default', scenario: 'upgradeMultiple of domain-c11 (pre-check warnings) without ignore_precheck_warnings',
    run: async (api) => ((await upgradeMultiple(api, { 'domain-c11': { desired_version: 'v1.30.4' } })).body as Record<string, { res: string }>)['domain-c11']?.res,
    faulty: 'STARTED', clean: 'REJECTED',
  },
  {
    fault: 'started-with-exception', scenario: 'upgradeMultiple of domain-c10 (clean pre-check)',
    run: async (api) => ((await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' } })).body as Record<string, object>)['domain-c10'],
    faulty: { res: 'STARTED', exception: expect.objectContaining({ error_type: 'ERROR' }) }, clean: { res: 'STARTED' },
  },
  {
    fault: 'missing-result-key', scenario: 'upgradeMultiple of domain-c10 and domain-c11: the result keys',
    run: async (api) => Object.keys((await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' }, 'domain-c11': { desired_version: 'v1.30.4' } })).body as object).sort(),
    faulty: ['domain-c10'], clean: ['domain-c10', 'domain-c11'],
  },
  {
    fault: 'extra-result-key', scenario: 'upgradeMultiple of domain-c10: the result keys',
    run: async (api) => Object.keys((await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' } })).body as object).sort(),
    faulty: ['domain-c10', 'domain-c11'], clean: ['domain-c10'],
  },
  {
    fault: 'stage-returns-200', scenario: 'stage domain-c10',
    run: async (api) => { const { response: r } = await stage(api); return { status: r.status, body: typeof r.body }; },
    faulty: { status: 200, body: 'string' }, clean: { status: 202, body: 'string' },
  },
  {
    fault: 'task-id-wrapped', scenario: 'stage domain-c10: the shape of the 202 body',
    run: async (api) => { const { response: r } = await stage(api); return typeof r.body === 'string' ? 'bare string' : Object.keys(r.body as object); },
    faulty: ['value'], clean: 'bare string',
  },
  {
    fault: 'task-status-goes-backwards', scenario: 'poll a finished stage task twice',
    run: async (api, mock) => { const poll = await stagedTask(api, mock, AFTER_STAGE_MS); return [(await poll()).status, (await poll()).status]; },
    faulty: ['SUCCEEDED', 'RUNNING'], clean: ['SUCCEEDED', 'SUCCEEDED'],
  },
  {
    fault: 'progress-above-total', scenario: 'poll a running stage task: completed ≤ total?',
    run: async (api, mock) => { const { progress: p } = await (await stagedTask(api, mock, MID_STAGE_MS))(); return p!.completed <= p!.total; },
    faulty: false, clean: true,
  },
  {
    fault: 'progress-decreases', scenario: 'poll a running stage task twice: completed never goes down?',
    run: async (api, mock) => {
      const poll = await stagedTask(api, mock, MID_STAGE_MS);
      const [first, second] = [(await poll()).progress!.completed, (await poll()).progress!.completed];
      expect(first).toBeGreaterThan(0);
      return second >= first;
    },
    faulty: false, clean: true,
  },
  {
    fault: 'unknown-task-500', scenario: 'GET /api/cis/tasks/{an id that was never issued}',
    run: async (api) => statusAndType(await api.call('tasks.get', 'GET', '/api/cis/tasks/no-such-task', { session: await api.login() })),
    faulty: { status: 500, errorType: 'ERROR' }, clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'task-missing-start-time', scenario: 'poll a running stage task: is start_time there?',
    run: async (api, mock) => { const info = await (await stagedTask(api, mock, MID_STAGE_MS))(); return { status: info.status, startTime: 'start_time' in info }; },
    faulty: { status: 'RUNNING', startTime: false }, clean: { status: 'RUNNING', startTime: true },
  },
  {
    fault: 'error-type-mismatch', scenario: 'stage an unknown cluster',
    run: async (api) => statusAndType((await stage(api, 'domain-c404')).response),
    faulty: { status: 404, errorType: 'ERROR' }, clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'error-body-not-json', scenario: 'GET /api/session without a session id: the content type',
    run: async (api) => (await api.call('session.get', 'GET', '/api/session')).headers.get('content-type'),
    faulty: 'text/plain; charset=utf-8', clean: 'application/json',
  },
  {
    fault: 'internal-error', scenario: 'POST /api/session with good credentials',
    run: async (api) => statusAndType(await loginRaw(api)),
    faulty: { status: 500, errorType: 'ERROR' }, clean: { status: 201, errorType: null },
  },
  {
    fault: 'service-unavailable', scenario: 'POST /api/session with good credentials',
    run: async (api) => statusAndType(await loginRaw(api)),
    faulty: { status: 503, errorType: 'SERVICE_UNAVAILABLE' }, clean: { status: 201, errorType: null },
  },
  {
    fault: 'latency', scenario: 'POST /api/session: answered within 200 ms?',
    run: async (api) => { const t0 = performance.now(); await loginRaw(api); return performance.now() - t0 < 195; },
    faulty: false, clean: true,
  },
];

test.describe('mock fault switches', () => {
  test('fault names are unique kebab-case ids, each with a one-line breaks text', () => {
    const names = faults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of faults) {
      expect(f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.breaks.trim().length, f.name).toBeGreaterThan(20);
      expect(f.breaks, f.name).not.toContain('\n');
    }
  });

  test('every fault in the registry has a case in this file, and every case names a registered fault', () => {
    expect(cases.map((c) => c.fault).sort()).toEqual(faults.map((f) => f.name).sort());
  });

  for (const c of cases) {
    test(`${c.fault}: ${c.scenario}`, async () => {
      const [faulty, clean] = await Promise.all([startMock({ clock: 'manual', faults: [c.fault] }), startMock({ clock: 'manual' })]);
      try {
        const cleanApi = new MockClient(clean);
        expect(await c.run(cleanApi, clean), 'clean mock').toEqual(c.clean);
        expect(cleanApi.problems(), 'clean mock answers conform').toEqual([]);
        expect(await c.run(new MockClient(faulty), faulty), `mock with ${c.fault}`).toEqual(c.faulty);
      } finally {
        await Promise.all([faulty.close(), clean.close()]);
      }
    });
  }
});
