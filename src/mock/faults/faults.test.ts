import { test, expect } from '@playwright/test';
import { startMock, type RunningMock } from '../start-mock';
import { MockClient, basic, checkEveryResponse, type Exchange } from '../test-client';
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
const loginRaw = (api: MockClient) =>
  api.call('session.create', 'POST', '/api/session', { headers: { authorization: basic(ADMIN.user, ADMIN.password) } });
const statusAndType = (r: Exchange) => ({ status: r.status, errorType: errorType(r) ?? null });

async function upgradeMultiple(api: MockClient, specs: Record<string, object>, role = 'administrator'): Promise<Exchange> {
  const session = await api.login(role);
  return api.call('clusters.upgradeMultiple', 'POST', '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple', {
    session,
    body: specs,
  });
}

/** The res of one cluster in an upgradeMultiple answer, then the state get reports for it (as the administrator). */
async function resThenState(
  api: MockClient,
  specs: Record<string, object>,
  cluster: string,
  role = 'administrator',
): Promise<[string | number, string]> {
  const r = await upgradeMultiple(api, specs, role);
  const res = r.status === 200 ? ((r.body as Record<string, { res: string }>)[cluster]?.res ?? 'absent') : r.status;
  const info = await api.call('clusters.get', 'GET', `/api/vcenter/namespace-management/software/clusters/${cluster}`, {
    session: await api.login(),
  });
  return [res, (info.body as { state: string }).state];
}

async function stage(api: MockClient, cluster = 'domain-c10'): Promise<{ session: string; response: Exchange }> {
  const session = await api.login();
  const response = await api.call('software.stage', 'POST', `/api/esx/settings/clusters/${cluster}/software?action=stage&vmw-task=true`, {
    session,
    body: {},
  });
  return { session, response };
}

/** Starts a stage task on domain-c10, moves the manual clock by `ms`, and returns a poller. */
async function stagedTask(api: MockClient, mock: RunningMock, ms: number) {
  const { session, response } = await stage(api);
  expect(response.status).toBe(202);
  mock.clock.advance(ms);
  const id = response.body as string;
  return async () =>
    (await api.call('tasks.get', 'GET', `/api/cis/tasks/${encodeURIComponent(id)}`, { session })).body as {
      status: string;
      start_time?: string;
      progress?: { total: number; completed: number };
    };
}

interface StageInfo {
  status: string;
  start_time?: string;
  end_time?: string;
  error?: { error_type?: string };
  progress?: { completed: number };
  result?: Record<string, unknown>;
}

/** Stages `cluster` with `spec` as `role`, moves the manual clock by `ms`, and returns the task Info as the administrator sees it. */
async function stagedInfo(
  api: MockClient,
  mock: RunningMock,
  o: { spec?: object; role?: string; cluster?: string; ms?: number; query?: string } = {},
): Promise<StageInfo> {
  const session = await api.login(o.role ?? 'administrator');
  const r = await api.call(
    'software.stage',
    'POST',
    `/api/esx/settings/clusters/${o.cluster ?? 'domain-c10'}/software?action=stage&vmw-task=true`,
    { session, body: o.spec ?? {} },
  );
  expect(r.status).toBe(202);
  mock.clock.advance(o.ms ?? AFTER_STAGE_MS);
  return (
    await api.call('tasks.get', 'GET', `/api/cis/tasks/${encodeURIComponent(r.body as string)}${o.query ?? ''}`, {
      session: await api.login(),
    })
  ).body as StageInfo;
}
const hostKeys = (info: StageInfo) => Object.keys((info.result?.host_info ?? {}) as object).sort();

const cases: FaultCase[] = [
  {
    fault: 'unauthenticated-without-body',
    scenario: 'GET /api/session without a session id',
    run: async (api) => {
      const r = await api.call('session.get', 'GET', '/api/session');
      return { status: r.status, text: r.text === '' ? '(empty)' : errorType(r) };
    },
    faulty: { status: 401, text: '(empty)' },
    clean: { status: 401, text: 'UNAUTHENTICATED' },
  },
  {
    fault: 'unauthorized-as-400',
    scenario: 'upgradeMultiple by an operator without Namespaces.Upgrade on domain-c12',
    run: async (api) => statusAndType(await upgradeMultiple(api, { 'domain-c12': { desired_version: 'v1.30.4' } }, 'operator')),
    faulty: { status: 400, errorType: 'UNAUTHORIZED' },
    clean: { status: 403, errorType: 'UNAUTHORIZED' },
  },
  {
    fault: 'session-create-200',
    scenario: 'POST /api/session with good credentials',
    run: async (api) => {
      const r = await loginRaw(api);
      return { status: r.status, body: typeof r.body };
    },
    faulty: { status: 200, body: 'string' },
    clean: { status: 201, body: 'string' },
  },
  {
    fault: 'deleted-session-accepted',
    scenario: 'log in, log out, then GET /api/session with the old id',
    run: async (api) => {
      const session = await api.login();
      const bye = await api.call('session.delete', 'DELETE', '/api/session', { session });
      const after = await api.call('session.get', 'GET', '/api/session', { session });
      return [bye.status, after.status];
    },
    faulty: [204, 200],
    clean: [204, 401],
  },
  {
    fault: 'ignore-warnings-by-default',
    scenario: 'upgradeMultiple of domain-c11 (pre-check warnings) without ignore_precheck_warnings',
    run: async (api) =>
      ((await upgradeMultiple(api, { 'domain-c11': { desired_version: 'v1.30.4' } })).body as Record<string, { res: string }>)['domain-c11']
        ?.res,
    faulty: 'STARTED',
    clean: 'REJECTED',
  },
  {
    fault: 'started-with-exception',
    scenario: 'upgradeMultiple of domain-c10 (clean pre-check)',
    run: async (api) =>
      ((await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' } })).body as Record<string, object>)['domain-c10'],
    faulty: { res: 'STARTED', exception: expect.objectContaining({ error_type: 'ERROR' }) },
    clean: { res: 'STARTED' },
  },
  {
    fault: 'missing-result-key',
    scenario: 'upgradeMultiple of domain-c10 and domain-c11: the result keys',
    run: async (api) =>
      Object.keys(
        (await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' }, 'domain-c11': { desired_version: 'v1.30.4' } }))
          .body as object,
      ).sort(),
    faulty: ['domain-c10'],
    clean: ['domain-c10', 'domain-c11'],
  },
  {
    fault: 'extra-result-key',
    scenario: 'upgradeMultiple of domain-c10: the result keys',
    run: async (api) => Object.keys((await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' } })).body as object).sort(),
    faulty: ['domain-c10', 'domain-c11'],
    clean: ['domain-c10'],
  },
  {
    fault: 'list-omits-cluster',
    scenario: 'list the Supervisor clusters: which clusters have a Summary',
    run: async (api) => {
      const r = await api.call('clusters.list', 'GET', '/api/vcenter/namespace-management/software/clusters', {
        session: await api.login(),
      });
      return (r.body as { cluster: string }[]).map((s) => s.cluster).includes('domain-c10');
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'precheck-failure-as-400',
    scenario: 'upgradeMultiple of domain-c10 (clean) and domain-c12 (pre-check errors)',
    run: async (api) =>
      statusAndType(
        await upgradeMultiple(api, { 'domain-c10': { desired_version: 'v1.30.4' }, 'domain-c12': { desired_version: 'v1.30.4' } }),
      ),
    faulty: { status: 400, errorType: 'UNSUPPORTED' },
    clean: { status: 200, errorType: null },
  },
  {
    fault: 'ignore-warnings-skips-errors',
    scenario: 'upgradeMultiple of domain-c12 (pre-check errors) with ignore_precheck_warnings true: res, then state',
    run: (api) => resThenState(api, { 'domain-c12': { desired_version: 'v1.30.4', ignore_precheck_warnings: true } }, 'domain-c12'),
    faulty: ['STARTED', 'PENDING'],
    clean: ['REJECTED', 'READY'],
  },
  {
    fault: 'ignore-warnings-flag-ignored',
    scenario: 'upgradeMultiple of domain-c11 (pre-check warnings) with ignore_precheck_warnings true: res, then state',
    run: (api) => resThenState(api, { 'domain-c11': { desired_version: 'v1.30.4', ignore_precheck_warnings: true } }, 'domain-c11'),
    faulty: ['REJECTED', 'READY'],
    clean: ['STARTED', 'PENDING'],
  },
  {
    fault: 'unauthorized-after-starting',
    scenario:
      'upgradeMultiple of domain-c10 and domain-c12 by an operator without ' +
      'Namespaces.Upgrade on domain-c12: status, then the state of domain-c10',
    run: (api) =>
      resThenState(
        api,
        { 'domain-c10': { desired_version: 'v1.30.4' }, 'domain-c12': { desired_version: 'v1.30.4' } },
        'domain-c10',
        'operator',
      ),
    faulty: [403, 'PENDING'],
    clean: [403, 'READY'],
  },
  {
    fault: 'started-but-not-upgrading',
    scenario: 'upgradeMultiple of domain-c10 (clean pre-check): res, then state',
    run: (api) => resThenState(api, { 'domain-c10': { desired_version: 'v1.30.4' } }, 'domain-c10'),
    faulty: ['STARTED', 'READY'],
    clean: ['STARTED', 'PENDING'],
  },
  {
    fault: 'single-upgrade-not-started',
    scenario: 'upgrade domain-c10 alone (clean pre-check): status, then state',
    run: async (api) => {
      const session = await api.login();
      const r = await api.call(
        'clusters.upgrade',
        'POST',
        '/api/vcenter/namespace-management/software/clusters/domain-c10?action=upgrade',
        { session, body: { desired_version: 'v1.30.4' } },
      );
      const info = await api.call('clusters.get', 'GET', '/api/vcenter/namespace-management/software/clusters/domain-c10', { session });
      return [r.status, (info.body as { state: string }).state];
    },
    faulty: [204, 'READY'],
    clean: [204, 'PENDING'],
  },
  {
    fault: 'rejected-but-upgrading',
    scenario: 'upgradeMultiple of domain-c11 (pre-check warnings) without ignore_precheck_warnings: res, then state',
    run: (api) => resThenState(api, { 'domain-c11': { desired_version: 'v1.30.4' } }, 'domain-c11'),
    faulty: ['REJECTED', 'PENDING'],
    clean: ['REJECTED', 'READY'],
  },
  {
    fault: 'clean-cluster-rejected',
    scenario: 'upgradeMultiple of domain-c10 (clean pre-check): res, then state',
    run: (api) => resThenState(api, { 'domain-c10': { desired_version: 'v1.30.4' } }, 'domain-c10'),
    faulty: ['REJECTED', 'READY'],
    clean: ['STARTED', 'PENDING'],
  },
  {
    fault: 'exception-as-string',
    scenario: 'upgradeMultiple of domain-c12 (pre-check errors): the type of the exception',
    run: async (api) =>
      typeof (
        (await upgradeMultiple(api, { 'domain-c12': { desired_version: 'v1.30.4' } })).body as Record<string, { exception?: unknown }>
      )['domain-c12']?.exception,
    faulty: 'string',
    clean: 'object',
  },
  {
    fault: 'stage-returns-200',
    scenario: 'stage domain-c10',
    run: async (api) => {
      const { response: r } = await stage(api);
      return { status: r.status, body: typeof r.body };
    },
    faulty: { status: 200, body: 'string' },
    clean: { status: 202, body: 'string' },
  },
  {
    fault: 'task-id-wrapped',
    scenario: 'stage domain-c10: the shape of the 202 body',
    run: async (api) => {
      const { response: r } = await stage(api);
      return typeof r.body === 'string' ? 'bare string' : Object.keys(r.body as object);
    },
    faulty: ['value'],
    clean: 'bare string',
  },
  {
    fault: 'task-status-goes-backwards',
    scenario: 'poll a finished stage task twice',
    run: async (api, mock) => {
      const poll = await stagedTask(api, mock, AFTER_STAGE_MS);
      return [(await poll()).status, (await poll()).status];
    },
    faulty: ['SUCCEEDED', 'RUNNING'],
    clean: ['SUCCEEDED', 'SUCCEEDED'],
  },
  {
    fault: 'progress-above-total',
    scenario: 'poll a running stage task: completed ≤ total?',
    run: async (api, mock) => {
      const { progress: p } = await (await stagedTask(api, mock, MID_STAGE_MS))();
      return p!.completed <= p!.total;
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'progress-decreases',
    scenario: 'poll a running stage task twice: completed never goes down?',
    run: async (api, mock) => {
      const poll = await stagedTask(api, mock, MID_STAGE_MS);
      const [first, second] = [(await poll()).progress!.completed, (await poll()).progress!.completed];
      expect(first).toBeGreaterThan(0);
      return second >= first;
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'unknown-task-500',
    scenario: 'GET /api/cis/tasks/{an id that was never issued}',
    run: async (api) => statusAndType(await api.call('tasks.get', 'GET', '/api/cis/tasks/no-such-task', { session: await api.login() })),
    faulty: { status: 500, errorType: 'ERROR' },
    clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'task-missing-start-time',
    scenario: 'poll a running stage task: is start_time there?',
    run: async (api, mock) => {
      const info = await (await stagedTask(api, mock, MID_STAGE_MS))();
      return { status: info.status, startTime: 'start_time' in info };
    },
    faulty: { status: 'RUNNING', startTime: false },
    clean: { status: 'RUNNING', startTime: true },
  },
  {
    fault: 'stuck-task',
    scenario: 'poll a stage task long after it should have ended: status and completed',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock);
      return [info.status, info.progress?.completed];
    },
    faulty: ['RUNNING', 0],
    clean: ['SUCCEEDED', 300],
  },
  {
    fault: 'slow-task',
    scenario: 'poll a finished stage task three times: statuses and completed',
    run: async (api, mock) => {
      const poll = await stagedTask(api, mock, AFTER_STAGE_MS);
      const infos = [await poll(), await poll(), await poll()];
      return [infos.map((i) => i.status), infos.map((i) => i.progress?.completed)];
    },
    faulty: [
      ['RUNNING', 'RUNNING', 'RUNNING'],
      [1, 2, 3],
    ],
    clean: [
      ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED'],
      [300, 300, 300],
    ],
  },
  {
    fault: 'error-on-succeeded',
    scenario: 'poll a finished stage task: does it carry an error?',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock);
      return [info.status, 'error' in info];
    },
    faulty: ['SUCCEEDED', true],
    clean: ['SUCCEEDED', false],
  },
  {
    fault: 'running-with-end-time',
    scenario: 'poll a running stage task: does it carry end_time?',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { ms: MID_STAGE_MS });
      return [info.status, 'end_time' in info];
    },
    faulty: ['RUNNING', true],
    clean: ['RUNNING', false],
  },
  {
    fault: 'task-ends-before-it-starts',
    scenario: 'poll a finished stage task: start_time ≤ end_time?',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock);
      return Date.parse(info.start_time!) <= Date.parse(info.end_time!);
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'task-error-free-form',
    scenario: 'poll a finished stage task of domain-c15 (a host fails): the error_type of its error',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { cluster: 'domain-c15' });
      return [info.status, info.error?.error_type ?? null];
    },
    faulty: ['FAILED', null],
    clean: ['FAILED', 'ERROR'],
  },
  {
    fault: 'exclude-result-ignored',
    scenario: 'get a finished stage task with ?exclude_result=true: is the result there?',
    run: async (api, mock) => 'result' in (await stagedInfo(api, mock, { query: '?exclude_result=true' })),
    faulty: true,
    clean: false,
  },
  {
    fault: 'result-status-while-running',
    scenario: 'poll a running stage task: does its partial result carry a status?',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { ms: MID_STAGE_MS });
      return [info.status, 'status' in (info.result ?? {})];
    },
    faulty: ['RUNNING', true],
    clean: ['RUNNING', false],
  },
  {
    fault: 'hosts-empty-stages-none',
    scenario: 'stage domain-c10 with hosts: []: the host_info keys of the finished task',
    run: async (api, mock) => hostKeys(await stagedInfo(api, mock, { spec: { hosts: [] } })),
    faulty: [],
    clean: ['host-101', 'host-102', 'host-103'],
  },
  {
    fault: 'older-commit-used',
    scenario: 'stage domain-c10 (commits 1, 2, 3) with commit "1": the commit staged',
    run: async (api, mock) => (await stagedInfo(api, mock, { spec: { commit: '1' } })).result?.commit,
    faulty: '1',
    clean: '3',
  },
  {
    fault: 'unprivileged-stage-succeeds',
    scenario: 'stage domain-c10 as the operator (no VcIntegrity.lifecycleSoftwareRemediation.Write): how the task ends',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { role: 'operator' });
      return [info.status, info.error?.error_type ?? null];
    },
    faulty: ['SUCCEEDED', null],
    clean: ['FAILED', 'UNAUTHORIZED'],
  },
  {
    fault: 'stage-hosts-ignored',
    scenario: 'stage domain-c10 with hosts: ["host-102"]: the host_info keys of the finished task',
    run: async (api, mock) => hostKeys(await stagedInfo(api, mock, { spec: { hosts: ['host-102'] } })),
    faulty: ['host-101', 'host-102', 'host-103'],
    clean: ['host-102'],
  },
  {
    fault: 'stage-host-in-two-sets',
    scenario: 'poll a finished stage task: its failed_hosts',
    run: async (api, mock) => (await stagedInfo(api, mock)).result?.failed_hosts,
    faulty: ['host-101'],
    clean: [],
  },
  {
    fault: 'stage-result-foreign-host',
    scenario: 'poll a finished stage task of domain-c10: its host_info keys',
    run: async (api, mock) => hostKeys(await stagedInfo(api, mock)),
    faulty: ['host-101', 'host-102', 'host-103', 'host-111'],
    clean: ['host-101', 'host-102', 'host-103'],
  },
  {
    fault: 'stage-result-legacy-maps',
    scenario: 'poll a finished stage task: are host_info and host_status lists?',
    run: async (api, mock) => {
      const r = (await stagedInfo(api, mock)).result;
      return [Array.isArray(r?.host_info), Array.isArray(r?.host_status)];
    },
    faulty: [true, true],
    clean: [false, false],
  },
  {
    fault: 'concurrent-stage-accepted',
    scenario: 'stage domain-c10 twice, the second while the first runs',
    run: async (api, mock) => {
      const session = await api.login();
      const send = () =>
        api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
          session,
          body: {},
        });
      const first = await send();
      mock.clock.advance(MID_STAGE_MS);
      return [first.status, statusAndType(await send())];
    },
    faulty: [202, { status: 202, errorType: null }],
    clean: [202, { status: 400, errorType: 'NOT_ALLOWED_IN_CURRENT_STATE' }],
  },
  {
    fault: 'error-type-mismatch',
    scenario: 'stage an unknown cluster',
    run: async (api) => statusAndType((await stage(api, 'domain-c404')).response),
    faulty: { status: 404, errorType: 'ERROR' },
    clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'error-body-not-json',
    scenario: 'GET /api/session without a session id: the content type',
    run: async (api) => (await api.call('session.get', 'GET', '/api/session')).headers.get('content-type'),
    faulty: 'text/plain; charset=utf-8',
    clean: 'application/json',
  },
  {
    fault: 'internal-error',
    scenario: 'POST /api/session with good credentials',
    run: async (api) => statusAndType(await loginRaw(api)),
    faulty: { status: 500, errorType: 'ERROR' },
    clean: { status: 201, errorType: null },
  },
  {
    fault: 'service-unavailable',
    scenario: 'POST /api/session with good credentials',
    run: async (api) => statusAndType(await loginRaw(api)),
    faulty: { status: 503, errorType: 'SERVICE_UNAVAILABLE' },
    clean: { status: 201, errorType: null },
  },
  {
    // No timed assertion (the delay is the app's own timer): the answer is unchanged, and the journal shows the fault applied.
    fault: 'latency',
    scenario: 'POST /api/session: the answer, and the faults the journal says changed it',
    run: async (api, mock) => {
      const r = await loginRaw(api);
      return { status: r.status, body: typeof r.body, faults: mock.journal.all().at(-1)?.faults };
    },
    faulty: { status: 201, body: 'string', faults: ['latency'] },
    clean: { status: 201, body: 'string', faults: [] },
  },
  {
    fault: 'session-id-wrapped',
    scenario: 'POST /api/session with good credentials: the shape of the 201 body',
    run: async (api) => {
      const r = await loginRaw(api);
      return typeof r.body === 'string' ? 'bare string' : Object.keys(r.body as object);
    },
    faulty: ['value'],
    clean: 'bare string',
  },
  {
    fault: 'session-accessed-before-created',
    scenario: 'log in, then GET /api/session: created_time ≤ last_accessed_time?',
    run: async (api) => {
      const info = (await api.call('session.get', 'GET', '/api/session', { session: await api.login() })).body as {
        created_time: string;
        last_accessed_time: string;
      };
      return Date.parse(info.created_time) <= Date.parse(info.last_accessed_time);
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'live-session-refused',
    scenario: 'log in, then list the clusters with the new session',
    run: async (api) =>
      statusAndType(
        await api.call('clusters.list', 'GET', '/api/vcenter/namespace-management/software/clusters', { session: await api.login() }),
      ),
    faulty: { status: 401, errorType: 'UNAUTHENTICATED' },
    clean: { status: 200, errorType: null },
  },
  {
    fault: 'auth-errors-with-data',
    scenario: 'GET /api/session without a session id: does the 401 carry data?',
    run: async (api) => 'data' in ((await api.call('session.get', 'GET', '/api/session')).body as object),
    faulty: true,
    clean: false,
  },
  {
    fault: 'malformed-json-500',
    scenario: 'POST /api/cis/tasks?action=list with the body "{"',
    run: async (api) =>
      statusAndType(await api.call('tasks.list', 'POST', '/api/cis/tasks?action=list', { session: await api.login(), rawBody: '{' })),
    faulty: { status: 500, errorType: 'ERROR' },
    clean: { status: 400, errorType: 'INVALID_ARGUMENT' },
  },
  {
    fault: 'stage-without-body-accepted',
    scenario: 'stage domain-c10 without a request body',
    run: async (api) => {
      const r = await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
        session: await api.login(),
        rawBody: '',
      });
      return { status: r.status, body: typeof r.body };
    },
    faulty: { status: 202, body: 'string' },
    clean: { status: 400, body: 'object' },
  },
  {
    fault: 'unauthenticated-without-challenge',
    scenario: 'GET /api/session without a session id: the challenge in the 401 body and the WWW-Authenticate header',
    run: async (api) => {
      const r = await api.call('session.get', 'GET', '/api/session');
      return {
        status: r.status,
        challenge: typeof (r.body as { challenge?: unknown }).challenge,
        header: r.headers.get('www-authenticate') !== null,
      };
    },
    faulty: { status: 401, challenge: 'undefined', header: false },
    clean: { status: 401, challenge: 'string', header: true },
  },
  {
    fault: 'session-access-time-goes-back',
    scenario: 'log in, then GET /api/session twice: does last_accessed_time stay or move forward?',
    run: async (api) => {
      const session = await api.login();
      const accessed = async () =>
        Date.parse(
          ((await api.call('session.get', 'GET', '/api/session', { session })).body as { last_accessed_time: string }).last_accessed_time,
        );
      const first = await accessed();
      return (await accessed()) >= first;
    },
    faulty: false,
    clean: true,
  },
  {
    fault: 'single-upgrade-ignores-warnings-by-default',
    scenario:
      'upgradeMultiple of domain-c11 (pre-check warnings) ' +
      'without ignore_precheck_warnings, then the single upgrade of it with the same spec',
    run: async (api) => {
      const spec = { desired_version: 'v1.30.4' };
      const batch = ((await upgradeMultiple(api, { 'domain-c11': spec })).body as Record<string, { res: string }>)['domain-c11']?.res;
      const single = await api.call(
        'clusters.upgrade',
        'POST',
        '/api/vcenter/namespace-management/software/clusters/domain-c11?action=upgrade',
        { session: await api.login(), body: spec },
      );
      return [batch, statusAndType(single)];
    },
    faulty: ['REJECTED', { status: 204, errorType: null }],
    clean: ['REJECTED', { status: 400, errorType: 'UNSUPPORTED' }],
  },
  {
    fault: 'stage-unknown-commit-accepted',
    scenario: 'stage domain-c10 (commits 1, 2, 3) with commit "99"',
    run: async (api) =>
      statusAndType(
        await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
          session: await api.login(),
          body: { commit: '99' },
        }),
      ),
    faulty: { status: 202, errorType: null },
    clean: { status: 400, errorType: 'INVALID_ARGUMENT' },
  },
  {
    fault: 'stage-foreign-host-accepted',
    scenario: 'stage domain-c10 with hosts host-101 and host-111 (of domain-c11)',
    run: async (api) =>
      statusAndType(
        await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
          session: await api.login(),
          body: { hosts: ['host-101', 'host-111'] },
        }),
      ),
    faulty: { status: 202, errorType: null },
    clean: { status: 400, errorType: 'INVALID_ARGUMENT' },
  },
  {
    fault: 'stage-unknown-cluster-400',
    scenario: 'stage a cluster that does not exist',
    run: async (api) => statusAndType((await stage(api, 'domain-c404')).response),
    faulty: { status: 400, errorType: 'INVALID_ARGUMENT' },
    clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'stage-refusal-as-not-found',
    scenario: 'stage domain-c10 as the operator (no VcIntegrity.lifecycleSoftwareRemediation.Write): the answer to the call',
    run: async (api) => {
      const r = await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
        session: await api.login('operator'),
        body: {},
      });
      return statusAndType(r);
    },
    faulty: { status: 404, errorType: 'NOT_FOUND' },
    clean: { status: 202, errorType: null },
  },
  {
    fault: 'stage-refusal-as-error',
    scenario: 'stage domain-c10 as the operator (no VcIntegrity.lifecycleSoftwareRemediation.Write): how the task ends',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { role: 'operator' });
      return [info.status, info.error?.error_type ?? null];
    },
    faulty: ['FAILED', 'ERROR'],
    clean: ['FAILED', 'UNAUTHORIZED'],
  },
  {
    fault: 'running-without-progress',
    scenario: 'poll a running stage task: is progress there?',
    run: async (api, mock) => {
      const info = await stagedInfo(api, mock, { ms: MID_STAGE_MS });
      return [info.status, 'progress' in info];
    },
    faulty: ['RUNNING', false],
    clean: ['RUNNING', true],
  },
  {
    fault: 'unset-fields-sent-as-null',
    scenario: 'poll a finished stage task: its parent (the task has none)',
    run: async (api, mock) => {
      const info = (await stagedInfo(api, mock)) as StageInfo & { parent?: unknown };
      return 'parent' in info ? info.parent : '(omitted)';
    },
    faulty: null,
    clean: '(omitted)',
  },
  {
    fault: 'null-optional-refused',
    scenario:
      'stage domain-c10 with {"commit": null, "hosts": null}; ' +
      'upgradeMultiple of warnings-only domain-c11 with ignore_precheck_warnings null',
    run: async (api) => {
      const staged = await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
        session: await api.login(),
        body: { commit: null, hosts: null },
      });
      const batch = await upgradeMultiple(api, { 'domain-c11': { desired_version: 'v1.30.4', ignore_precheck_warnings: null } });
      return {
        stage: statusAndType(staged),
        batch: batch.status === 200 ? (batch.body as Record<string, { res: string }>)['domain-c11']?.res : statusAndType(batch),
      };
    },
    faulty: { stage: { status: 400, errorType: 'INVALID_ARGUMENT' }, batch: { status: 400, errorType: 'INVALID_ARGUMENT' } },
    clean: { stage: { status: 202, errorType: null }, batch: 'REJECTED' },
  },
  {
    fault: 'served-without-session',
    scenario: 'list datacenters without a session',
    run: async (api) => statusAndType(await api.call('vcenter.datacenter.list', 'GET', '/api/vcenter/datacenter')),
    faulty: { status: 200, errorType: null },
    clean: { status: 401, errorType: 'UNAUTHENTICATED' },
  },
  {
    fault: 'read-omits-required-field',
    scenario: 'get datacenter-1: is its required datastore_folder (the first Vcenter.Datacenter.Info requires) there?',
    run: async (api) => {
      const r = await api.call('vcenter.datacenter.get', 'GET', '/api/vcenter/datacenter/datacenter-1', { session: await api.login() });
      return [r.status, 'datastore_folder' in (r.body as object)];
    },
    faulty: [200, false],
    clean: [200, true],
  },
  {
    fault: 'read-answers-204',
    scenario: 'get datacenter-1',
    run: async (api) => {
      const r = await api.call('vcenter.datacenter.get', 'GET', '/api/vcenter/datacenter/datacenter-1', { session: await api.login() });
      return [r.status, r.body === undefined];
    },
    faulty: [204, true],
    clean: [200, false],
  },
  {
    fault: 'unknown-id-400',
    scenario: 'get datacenter-999999999, which does not exist',
    run: async (api) =>
      statusAndType(
        await api.call('vcenter.datacenter.get', 'GET', '/api/vcenter/datacenter/datacenter-999999999', { session: await api.login() }),
      ),
    faulty: { status: 400, errorType: 'INVALID_ARGUMENT' },
    clean: { status: 404, errorType: 'NOT_FOUND' },
  },
  {
    fault: 'invalid-body-accepted',
    scenario: 'create a datacenter with a number for its name',
    run: async (api) =>
      statusAndType(
        await api.call('vcenter.datacenter.create', 'POST', '/api/vcenter/datacenter', {
          session: await api.login(),
          body: { name: 7, folder: 'group-d1' },
        }),
      ),
    faulty: { status: 201, errorType: null },
    clean: { status: 400, errorType: 'INVALID_ARGUMENT' },
  },
  {
    fault: 'generic-task-result-off-schema',
    scenario: 'apply domain-c10 (a generic task), let it finish, and read which properties its result has',
    run: async (api, mock) => {
      const session = await api.login();
      const started = await api.call(
        'esx.settings.clusters.software.apply',
        'POST',
        '/api/esx/settings/clusters/domain-c10/software?action=apply&vmw-task=true',
        {
          session,
          body: {},
        },
      );
      mock.clock.advance(AFTER_STAGE_MS);
      const info = await api.call('tasks.get', 'GET', `/api/cis/tasks/${encodeURIComponent(started.body as string)}`, { session });
      const body = info.body as { status: string; result?: object };
      return [body.status, Object.keys(body.result ?? {}).sort()];
    },
    faulty: ['SUCCEEDED', ['failed_hosts', 'host_info', 'host_status', 'skipped_hosts', 'successful_hosts']],
    clean: ['SUCCEEDED', ['commit', 'failed_hosts', 'host_info', 'host_status', 'skipped_hosts', 'successful_hosts']],
  },
  {
    fault: 'listed-member-not-found',
    scenario: 'list the datacenters, then read the first one listed',
    run: async (api) => {
      const session = await api.login();
      const listed = await api.call('vcenter.datacenter.list', 'GET', '/api/vcenter/datacenter', { session });
      const first = (listed.body as { datacenter: string }[])[0]!.datacenter;
      return statusAndType(await api.call('vcenter.datacenter.get', 'GET', `/api/vcenter/datacenter/${first}`, { session }));
    },
    faulty: { status: 404, errorType: 'NOT_FOUND' },
    clean: { status: 200, errorType: null },
  },
  {
    fault: 'no-desired-document',
    scenario: "read domain-c10's desired software document and its drafts",
    run: async (api) => {
      const session = await api.login();
      const base = '/api/esx/settings/clusters/domain-c10/software';
      const get = await api.call('esx.settings.clusters.software.get', 'GET', base, { session });
      const drafts = await api.call('esx.settings.clusters.software.drafts.list', 'GET', `${base}/drafts`, { session });
      return [statusAndType(get), statusAndType(drafts)];
    },
    faulty: [
      { status: 404, errorType: 'NOT_FOUND' },
      { status: 404, errorType: 'NOT_FOUND' },
    ],
    clean: [
      { status: 200, errorType: null },
      { status: 200, errorType: null },
    ],
  },
];

// Clean-mock clients are checked after each test; the faulty-mock ones are exempt (below).
checkEveryResponse();

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
        expect(
          await c.run(new MockClient(faulty, { unchecked: `${c.fault} breaks a documented rule on purpose` }), faulty),
          `mock with ${c.fault}`,
        ).toEqual(c.faulty);
      } finally {
        await Promise.all([faulty.close(), clean.close()]);
      }
    });
  }
});
