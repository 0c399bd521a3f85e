import { test, expect } from '@playwright/test';
import { operation, operations, validatorFor, type Operation } from '../../specs/index';
import { TASK_FIELDS_BY_STATUS } from '../../specs/task-status-fields';
import { discoveryFor } from '../catalogue/discovery';
import { idsAt, sitePath } from '../catalogue/id-sites';
import { queryString } from '../client/path-and-query';
import { buildValue } from './generic/build-value';
import type { TaskInfo } from './task-engine';
import { MockClient, checkEveryResponse, useMock } from './test-client';

/**
 * The generic handler (src/mock/generic): every catalogued operation without a hand-written handler is
 * served from the catalogue alone, over real HTTP. Ids are discovered the way the harness does
 * (discoveryFor), so what a producer lists is what its consumers find.
 */
checkEveryResponse();

const mock = useMock({ clock: 'manual', control: true });

const generic = operations.filter((op) => op.depth === 'generic');
const genericGets = generic.filter((op) => op.method === 'GET');
type Params = Record<string, string>;

/** The request target of an operation with these path parameters and its fixed query. */
function target(op: Operation, params: Params): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = queryString(op.query);
  return query ? `${path}?${query}` : path;
}

const call = (api: MockClient, session: string, id: string, params: Params = {}, body?: unknown) => {
  const op = operation(id);
  return api.call(id, op.method, target(op, params), { session, ...(body !== undefined && { body }) });
};

/** Fills the operation's path parameters from the mock, read by read, as discoveryFor says; or why it could not. */
async function discover(api: MockClient, session: string, op: Operation): Promise<Params | string> {
  const discovery = discoveryFor(op);
  if ('gap' in discovery) return discovery.gap;
  const params: Params = {};
  for (const { param, producer } of discovery.steps) {
    const r = await call(api, session, producer.operation.id, params);
    if (r.status !== 200) return `reading ${producer.operation.id} for {${param}} answered ${r.status} ${r.text.slice(0, 200)}`;
    const id = idsAt(r.body, producer.site)[0];
    if (id === undefined) return `${producer.operation.id} lists no id at ${sitePath(producer.site)} for {${param}}`;
    params[param] = id;
  }
  return params;
}

const errorType = (body: unknown) => (body as { error_type?: string } | undefined)?.error_type;
const DRAFTS = 'esx.settings.clusters.software.drafts';

test.describe('mock: generic operations', () => {
  test('every generic GET answers 200 with a schema-valid body for ids discovered from its producers', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const problems: string[] = [];
    for (const op of genericGets) {
      const params = await discover(api, session, op);
      if (typeof params === 'string') {
        problems.push(`${op.id}: ${params}`);
        continue;
      }
      const r = await call(api, session, op.id, params);
      const validate = validatorFor(op.success.schema!);
      if (r.status !== 200) problems.push(`${op.id} ${JSON.stringify(params)}: ${r.status} ${r.text.slice(0, 200)}`);
      else if (!validate(r.body)) problems.push(`${op.id}: body does not match ${op.success.schema}: ${JSON.stringify(validate.errors)}`);
    }
    expect(problems, `${genericGets.length} generic GET operations`).toEqual([]);
    expect(genericGets.length).toBeGreaterThan(50);
  });

  test('a GET whose last path parameter names no object answers 404 NOT_FOUND', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const problems: string[] = [];
    for (const op of genericGets.filter((o) => o.pathParams.length > 0)) {
      const params = await discover(api, session, op);
      if (typeof params === 'string') {
        problems.push(`${op.id}: ${params}`);
        continue;
      }
      const last = op.pathParams.at(-1)!.name;
      const r = await call(api, session, op.id, { ...params, [last]: 'no-such-id' });
      if (r.status !== 404 || errorType(r.body) !== 'NOT_FOUND') problems.push(`${op.id}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });

  test('every generic write answers its documented success status for ids discovered from its producers', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const problems: string[] = [];
    for (const op of generic.filter((o) => o.method !== 'GET')) {
      const params = await discover(api, session, op);
      if (typeof params === 'string') {
        problems.push(`${op.id}: ${params}`);
        continue;
      }
      const body = op.request && buildValue(op.request.schema, { ids: () => [], now: new Date(mock.clock.now()).toISOString() });
      const r = await call(api, session, op.id, params, body);
      if (r.status !== op.success.status) problems.push(`${op.id} ${JSON.stringify(params)}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  });

  test('two reads of the same object agree, and a list shows what its consumers find', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const cluster = { cluster: 'domain-c10' };
    const first = await call(api, session, 'esx.settings.clusters.software.compliance.get', cluster);
    const again = await call(api, session, 'esx.settings.clusters.software.compliance.get', cluster);
    expect(again.body).toEqual(first.body);
    // The compliance report's hosts are the cluster's own (the inventory's), not made up.
    expect(Object.keys((first.body as { hosts: object }).hosts).sort()).toEqual(['host-101', 'host-102', 'host-103']);
    const clusters = await call(api, session, 'vcenter.cluster.list');
    expect((clusters.body as { cluster: string }[]).map((c) => c.cluster)).toEqual([...mock.state.clusters.keys()]);
  });
});

test.describe('mock: generic creates and deletes', () => {
  test('a draft created is listed, found, deleted, then not found', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const cluster = { cluster: 'domain-c10' };
    const created = await call(api, session, `${DRAFTS}.create`, cluster);
    expect(created.status, created.text).toBe(201);
    const draft = created.body as string;
    expect(typeof draft).toBe('string');
    const listed = async () => Object.keys((await call(api, session, `${DRAFTS}.list`, cluster)).body as object);
    expect(await listed()).toContain(draft);
    expect((await call(api, session, `${DRAFTS}.get`, { ...cluster, draft })).status).toBe(200);
    // A draft is per cluster: another cluster does not have it.
    expect((await call(api, session, `${DRAFTS}.get`, { cluster: 'domain-c11', draft })).status).toBe(404);
    expect((await call(api, session, `${DRAFTS}.delete`, { ...cluster, draft })).status).toBe(204);
    const gone = await call(api, session, `${DRAFTS}.get`, { ...cluster, draft });
    expect([gone.status, errorType(gone.body)]).toEqual([404, 'NOT_FOUND']);
    expect(await listed()).not.toContain(draft);
    expect((await call(api, session, `${DRAFTS}.delete`, { ...cluster, draft })).status).toBe(404);
  });

  test('a datacenter created is listed, found, deleted, then not found', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const created = await call(api, session, 'vcenter.datacenter.create', {}, { name: 'dc-new' });
    expect(created.status, created.text).toBe(201);
    const datacenter = created.body as string;
    const listed = async () =>
      ((await call(api, session, 'vcenter.datacenter.list')).body as { datacenter: string }[]).map((d) => d.datacenter);
    expect(await listed()).toContain(datacenter);
    expect((await call(api, session, 'vcenter.datacenter.get', { datacenter })).status).toBe(200);
    expect((await call(api, session, 'vcenter.datacenter.delete', { datacenter })).status).toBe(204);
    expect((await call(api, session, 'vcenter.datacenter.get', { datacenter })).status).toBe(404);
    expect(await listed()).not.toContain(datacenter);
  });

  test('a reset (the control endpoint) forgets a created draft and brings back a deleted one', async () => {
    const api = new MockClient(mock);
    let session = await api.login();
    const cluster = { cluster: 'domain-c10' };
    const before = Object.keys((await call(api, session, `${DRAFTS}.list`, cluster)).body as object);
    const draft = (await call(api, session, `${DRAFTS}.create`, cluster)).body as string;
    expect((await call(api, session, `${DRAFTS}.delete`, { ...cluster, draft: before[0]! })).status).toBe(204);
    expect((await api.call(undefined, 'POST', '/__vcconform/reset')).status).toBe(204);
    session = await api.login();
    expect(Object.keys((await call(api, session, `${DRAFTS}.list`, cluster)).body as object)).toEqual(before);
    expect((await call(api, session, `${DRAFTS}.get`, { ...cluster, draft })).status).toBe(404);
  });
});

/** Polls tasks.get, moving the manual clock one second per poll, until the task is terminal; returns every Info seen. */
async function run(api: MockClient, session: string, task: string): Promise<TaskInfo[]> {
  const seen: TaskInfo[] = [];
  await expect
    .poll(
      async () => {
        const r = await call(api, session, 'tasks.get', { task });
        expect(r.status, r.text).toBe(200);
        seen.push(r.body as TaskInfo);
        mock.clock.advance(1000);
        return (r.body as TaskInfo).status;
      },
      { intervals: [0], timeout: 10_000 },
    )
    .toMatch(/^(SUCCEEDED|FAILED)$/);
  return seen;
}

const FIELDS = TASK_FIELDS_BY_STATUS as Readonly<Record<string, { required: readonly string[]; notExpected: readonly string[] }>>;

test.describe('mock: generic task operations', () => {
  for (const id of ['esx.settings.clusters.software.scan', 'esx.settings.clusters.software.apply']) {
    test(`${id} answers 202 with a task that goes PENDING → RUNNING → SUCCEEDED`, async () => {
      const op = operation(id);
      const api = new MockClient(mock);
      const session = await api.login();
      const started = await call(api, session, id, { cluster: 'domain-c10' }, op.request ? {} : undefined);
      expect(started.status, started.text).toBe(202);
      const task = started.body as string;
      expect(task).toMatch(new RegExp(`:${op.task!.service.replace(/\./g, '\\.')}$`));
      const infos = await run(api, session, task);
      expect([...new Set(infos.map((i) => i.status))]).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
      for (const info of infos) {
        expect(info).toMatchObject({ service: op.task!.service, operation: op.task!.operation });
        expect(info.target).toEqual({ type: 'ClusterComputeResource', id: 'domain-c10' });
        for (const f of FIELDS[info.status]!.required) expect(info, `${info.status} requires ${f}`).toHaveProperty(f);
        for (const f of FIELDS[info.status]!.notExpected) expect(info, `${info.status} must not carry ${f}`).not.toHaveProperty(f);
      }
      const done = infos.at(-1)!;
      expect(done.progress?.completed).toBe(done.progress?.total);
      if (op.task!.resultSchema) {
        const validate = validatorFor(op.task!.resultSchema);
        expect(validate(done.result), JSON.stringify(validate.errors)).toBe(true);
      } else expect(done).not.toHaveProperty('result');
    });
  }

  test('a task operation with an unknown cluster answers 404 and starts nothing', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const r = await call(api, session, 'esx.settings.clusters.software.scan', { cluster: 'domain-c999' });
    expect([r.status, errorType(r.body)]).toEqual([404, 'NOT_FOUND']);
    expect(mock.state.tasks.size).toBe(0);
  });
});

test.describe('mock: generic authentication and privileges', () => {
  test('without a session a generic operation answers 401', async () => {
    const api = new MockClient(mock);
    const r = await api.call('vcenter.cluster.list', 'GET', '/api/vcenter/cluster');
    expect([r.status, errorType(r.body)]).toEqual([401, 'UNAUTHENTICATED']);
  });

  test('a missing privilege is 403 where documented, else the read answers and a task fails UNAUTHORIZED', async () => {
    const api = new MockClient(mock);
    const session = await api.login('read-only');
    const cluster = { cluster: 'domain-c10' };
    const denied = await call(api, session, 'esx.settings.clusters.software.getDisplayName', cluster);
    expect([denied.status, errorType(denied.body)]).toEqual([403, 'UNAUTHORIZED']);
    expect((await call(api, session, 'esx.settings.clusters.software.addOn.get', cluster)).status).toBe(200);
    const scan = await call(api, session, 'esx.settings.clusters.software.scan', cluster);
    expect(scan.status).toBe(202);
    const done = (await run(api, session, scan.body as string)).at(-1)!;
    expect([done.status, done.error?.error_type]).toEqual(['FAILED', 'UNAUTHORIZED']);
  });
});
