import { test, expect } from '@playwright/test';
import { startMock, type RunningMock } from './start-mock';
import { MockClient, basic, checkEveryResponse } from './test-client';

const ADMIN = basic('administrator@vsphere.local', 'mock-Admin!23');

checkEveryResponse();

let mock: RunningMock;
let plain: RunningMock;
test.beforeAll(async () => {
  [mock, plain] = await Promise.all([startMock({ clock: 'manual', control: true }), startMock({ clock: 'manual' })]);
});
test.afterAll(async () => {
  await Promise.all([mock.close(), plain.close()]);
});
test.beforeEach(() => {
  mock.setFaults([]);
  mock.reset();
  plain.reset();
});

const put = (api: MockClient, body: unknown) => api.call(undefined, 'PUT', '/__vcconform/faults', { body });

test.describe('mock test-control surface', () => {
  test('POST /__vcconform/reset answers 204 and forgets sessions and the journal', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    const r = await api.call(undefined, 'POST', '/__vcconform/reset');
    expect(r.status).toBe(204);
    expect(mock.journal.all()).toEqual([]);
    expect((await api.call('session.get', 'GET', '/api/session', { session })).status).toBe(401);
  });

  test('PUT /__vcconform/faults switches fault switches on and off', async () => {
    const api = new MockClient(mock);
    const on = await put(api, { faults: ['session-create-200', 'internal-error@session.get'] });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ faults: ['session-create-200', 'internal-error@session.get'] });
    const faulty = new MockClient(mock, {
      unchecked: 'session-create-200 and internal-error are on: they break the documented statuses on purpose',
    });
    const login = await faulty.call('session.create', 'POST', '/api/session', { headers: { authorization: ADMIN } });
    expect(login.status).toBe(200);
    expect((await faulty.call('session.get', 'GET', '/api/session', { session: login.body as string })).status).toBe(500);
    expect((await put(api, { faults: [] })).status).toBe(200);
    expect(await api.login()).toMatch(/^[0-9a-f]{32}$/);
  });

  test('PUT /__vcconform/faults refuses unknown names and malformed bodies with 400, leaving the faults as they were', async () => {
    const api = new MockClient(mock);
    await put(api, { faults: ['session-create-200'] });
    const unknown = await put(api, { faults: ['latency', 'nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error_type: 'INVALID_ARGUMENT',
      messages: [{ default_message: expect.stringContaining('Failed to enable fault "nope": there is no such fault switch') }],
    });
    for (const body of [{}, { faults: 'latency' }, { faults: [1] }, ['latency']])
      expect((await put(api, body)).status, JSON.stringify(body)).toBe(400);
    expect((await api.call(undefined, 'PUT', '/__vcconform/faults', { rawBody: '{not json' })).status).toBe(400);
    const faulty = new MockClient(mock, { unchecked: 'session-create-200 is still on: it answers 200 instead of 201 on purpose' });
    expect((await faulty.call('session.create', 'POST', '/api/session', { headers: { authorization: ADMIN } })).status).toBe(200);
  });

  test('GET /__vcconform/journal lists the API requests in order, without control requests or credentials', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    await api.call(undefined, 'GET', '/api/nope', { session });
    const r = await api.call(undefined, 'GET', '/__vcconform/journal');
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      { seq: expect.any(Number), method: 'POST', path: '/api/session', query: {}, operation: 'session.create', status: 201, faults: [] },
      { seq: expect.any(Number), method: 'GET', path: '/api/nope', query: {}, status: 404, faults: [] },
    ]);
    expect(r.text).not.toContain('mock-Admin');
  });

  test('journal entries name the clusters a request names: path parameter and batch keys, as parsed', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    await api.call('clusters.upgradeMultiple', 'POST', '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple', {
      session,
      body: { 'domain-c10': { desired_version: 'v1' }, 'domain-c99': { desired_version: 'v1' } },
    });
    await api.call('clusters.upgradeMultiple', 'POST', '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple', {
      session,
      body: {},
    });
    await api.call('clusters.get', 'GET', '/api/vcenter/namespace-management/software/clusters/domain-c11', { session });
    const r = await api.call(undefined, 'GET', '/__vcconform/journal');
    expect((r.body as { clusters?: string[] }[]).slice(1).map((e) => e.clusters)).toEqual([
      ['domain-c10', 'domain-c99'],
      undefined,
      ['domain-c11'],
    ]);
  });

  test('an unknown control path or method answers 404 NOT_FOUND naming the control operations', async () => {
    const api = new MockClient(mock);
    for (const [method, path] of [
      ['GET', '/__vcconform/reset'],
      ['POST', '/__vcconform/nope'],
      ['GET', '/__vcconform'],
    ] as const) {
      const r = await api.call(undefined, method, path);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body).toMatchObject({
        error_type: 'NOT_FOUND',
        messages: [
          { default_message: expect.stringContaining('POST /__vcconform/reset, PUT /__vcconform/faults, GET /__vcconform/journal') },
        ],
      });
    }
  });

  test('without control the control paths are unknown routes: 404 NOT_FOUND, journalled, nothing reset', async () => {
    const api = new MockClient(plain);
    const session = await api.login();
    for (const [method, path] of [
      ['POST', '/__vcconform/reset'],
      ['PUT', '/__vcconform/faults'],
      ['GET', '/__vcconform/journal'],
    ] as const) {
      const r = await api.call(undefined, method, path, method === 'PUT' ? { body: { faults: ['internal-error'] } } : {});
      expect(r.status, `${method} ${path}`).toBe(404);
      expect((r.body as { error_type: string }).error_type).toBe('NOT_FOUND');
      expect((r.body as { messages: { default_message: string }[] }).messages[0]!.default_message).toBe(
        `No operation is served at ${method} ${path}.`,
      );
    }
    expect((await api.call('session.get', 'GET', '/api/session', { session })).status).toBe(200);
    expect(plain.journal.all().map((e) => e.status)).toEqual([201, 404, 404, 404, 200]);
    expect(api.problems()).toEqual([]);
  });
});
