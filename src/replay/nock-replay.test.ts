import { test, expect } from '@playwright/test';
import nock from 'nock';
import { nodeTransport } from '../client/node-transport';
import type { Exchange } from '../checks/types';
import { ApiClient, fetchTransport, type Transport } from '../client/api-client';
import { startMock } from '../mock/start-mock';
import { CASSETTE_FORMAT, CASSETTE_VERSION, NotRecordedError, toEntry, type Cassette } from './cassette';
import { replayWithNock, standIn, type NockReplay } from './nock-replay';

const ADMIN = 'administrator@vsphere.local';
const VCSA = 'https://vcsa.lab.example';
const TEST = 'nock replay › login, session, stage twice, poll';
const STAGE = '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true';

/** The recorded scenario; `vary` changes it so replay must refuse it or find it short. */
async function scenario(api: ApiClient, password: string, vary: { stageBody?: unknown; polls?: number } = {}): Promise<void> {
  const { sessionId } = await api.login(ADMIN, password);
  if (!sessionId) throw new Error(`login failed: ${api.exchanges[0]?.status}`);
  await api.call('session.get', { session: sessionId });
  await api.call('software.stage', { params: { cluster: 'domain-c999' }, body: {}, session: sessionId });
  const staged = await api.call('software.stage', { params: { cluster: 'domain-c10' }, body: vary.stageBody ?? {}, session: sessionId });
  for (let i = 0; i < (vary.polls ?? 1); i++) await api.call('tasks.get', { params: { task: staged.body as string }, session: sessionId });
}

let recorded: Exchange[];
let cassette: Cassette;
let closedUrl: string;
let adminPassword: string;

test.beforeAll(async () => {
  const mock = await startMock({ host: '127.0.0.1' });
  try {
    adminPassword = mock.users.find((u) => u.username === ADMIN)!.password;
    const api = new ApiClient(mock.url, fetchTransport);
    await scenario(api, adminPassword);
    recorded = api.exchanges;
    cassette = {
      format: CASSETTE_FORMAT,
      version: CASSETTE_VERSION,
      test: TEST,
      recordedAt: new Date().toISOString(),
      exchanges: recorded.map(toEntry),
    };
    closedUrl = mock.url;
  } finally {
    await mock.close();
  }
});

// Every replay is stopped, even when a test fails half-way, so nock never leaks into the next test.
const replays: NockReplay[] = [];
const replayFor = (origin: string): NockReplay => {
  const r = replayWithNock(origin, cassette);
  replays.push(r);
  return r;
};
test.afterEach(() => {
  for (const r of replays.splice(0)) r.stop();
});

/** fetch, and the harness's own wire (node:http with its budgets), which the suites use. */
type Client = 'fetch' | 'wire';
const wire = nodeTransport({ timeoutMs: 30_000, maxResponseBytes: 8 * 1024 * 1024 });
test.afterAll(() => {
  wire.close();
});
const transportFor = (client: Client): Transport => (client === 'fetch' ? fetchTransport : wire);

/** The recorded headers as replayed: the body is the redacted text, so content-length is its length. */
/** The text as served: each session placeholder becomes a 32-hex-digit stand-in (redacted again by the client). */
const served = (text: string) => text.replace(/<redacted:session-id>/g, '0'.repeat(32));
const replayedHeaders = (e: Exchange) =>
  'content-length' in e.headers ? { ...e.headers, 'content-length': String(Buffer.byteLength(served(e.text))) } : e.headers;

test('the recording is the scenario against the mock, which is closed now', async () => {
  expect(recorded.map((e) => `${e.request.method} ${e.request.url} ${e.status}`)).toEqual([
    'POST /api/session 201',
    'GET /api/session 200',
    'POST /api/esx/settings/clusters/domain-c999/software?action=stage&vmw-task=true 404',
    `POST ${STAGE} 202`,
    `GET ${recorded[4]!.request.url} 200`,
  ]);
  expect(recorded[4]!.request.url).toMatch(/^\/api\/cis\/tasks\/[^/?]+$/);
  expect(recorded[0]!.text).toBe('"<redacted:session-id>"');
  expect(recorded[1]!.headers['content-type']).toMatch(/^application\/json/);
  await expect(fetch(`${closedUrl}/api/session`)).rejects.toThrow('fetch failed');
});

for (const client of ['fetch', 'wire'] as const) {
  for (const origin of [VCSA, 'the closed mock']) {
    test(`${client} gets every exchange as recorded from ${origin}, session placeholder included`, async () => {
      const base = origin === VCSA ? VCSA : closedUrl;
      const replay = replayFor(base);
      const api = new ApiClient(base, transportFor(client));
      await scenario(api, 'a password the recording never saw');
      expect(replay.served).toBe(recorded.length);
      expect(() => replay.done()).not.toThrow();
      expect(replay.error).toBeUndefined();
      expect(api.exchanges).toHaveLength(recorded.length);
      for (const [i, e] of api.exchanges.entries()) {
        const r = recorded[i]!;
        expect({ i, method: e.request.method, url: e.request.url, body: e.request.rawBody }).toEqual({
          i,
          method: r.request.method,
          url: r.request.url,
          body: r.request.rawBody,
        });
        expect({ i, status: e.status, headers: e.headers, text: e.text }).toEqual({
          i,
          status: r.status,
          headers: replayedHeaders(r),
          text: r.text,
        });
      }
      expect(api.exchanges[0]!.body).toBe('<redacted:session-id>');
      expect(api.exchanges.slice(1).every((e) => e.request.headers['vmware-api-session-id'] === '<redacted:session-id>')).toBe(true);
      expect((api.exchanges[2]!.body as { error_type?: string }).error_type).toBe('NOT_FOUND');
    });

    test(`${client}: a differing body fails "not recorded" from ${origin}, naming the request`, async () => {
      const base = origin === VCSA ? VCSA : closedUrl;
      const replay = replayFor(base);
      const api = new ApiClient(base, transportFor(client));
      const expected =
        `[vcconform] not recorded: POST ${STAGE} with body {"hosts":["host-101"]} ` +
        `(expected POST ${STAGE} with body {} as request #4 of ${TEST})`;
      await expect(scenario(api, 'x', { stageBody: { hosts: ['host-101'] } })).rejects.toThrow(expected);
      expect(replay.error).toBeInstanceOf(NotRecordedError);
      expect(replay.error?.message).toBe(expected);
      expect(replay.served).toBe(3);
      expect(api.exchanges).toHaveLength(3);
    });
  }

  test(`${client}: a request after the cassette ran out fails "not recorded"`, async () => {
    const replay = replayFor(VCSA);
    await expect(scenario(new ApiClient(VCSA, transportFor(client)), 'x', { polls: 2 })).rejects.toThrow(
      `[vcconform] not recorded: GET ${recorded[4]!.request.url} (the cassette of ${TEST} has only 5 requests; this was request #6)`,
    );
    expect(replay.error?.message).toContain('this was request #6');
    expect(replay.served).toBe(5);
  });

  test(`${client}: a request to another host fails "not recorded" and never reaches it; after stop() it does`, async () => {
    const live = await startMock({ host: '127.0.0.1' });
    try {
      const replay = replayFor(VCSA);
      const host = live.url.replace(/^http:\/\//, '');
      const api = new ApiClient(live.url, transportFor(client));
      await expect(api.login(ADMIN, 'x')).rejects.toThrow(
        `[vcconform] not recorded: POST /api/session on ${host} (the cassette of ${TEST} is replayed for ${VCSA} only`,
      );
      expect(replay.error?.message).toContain(`not recorded: POST /api/session on ${host}`);
      expect(replay.served).toBe(0);
      expect(live.journal.all()).toEqual([]);

      replay.stop();
      const password = live.users.find((u) => u.username === ADMIN)!.password;
      const { exchange, sessionId } = await new ApiClient(live.url, transportFor(client)).login(ADMIN, password);
      expect(exchange.status).toBe(201);
      expect(sessionId).toMatch(/^[0-9a-f]{32}$/);
      expect(live.journal.all().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /api/session 201']);
    } finally {
      await live.close();
    }
  });

  test(`${client}: done() names the first recorded request that was not sent`, async () => {
    const replay = replayFor(VCSA);
    const api = new ApiClient(VCSA, transportFor(client));
    const { sessionId } = await api.login(ADMIN, 'x');
    await api.call('session.get', { session: sessionId });
    expect(replay.served).toBe(2);
    expect(() => replay.done()).toThrow(NotRecordedError);
    expect(() => replay.done()).toThrow(
      `[vcconform] Replay of ${TEST} incomplete: 3 recorded requests were not sent, the first is ` +
        'POST /api/esx/settings/clusters/domain-c999/software?action=stage&vmw-task=true (request #3)',
    );
  });
}

/** Hand-made: an empty body, a text answer whose recorded framing no longer fits, an answer without a body. */
const framing: Cassette = {
  format: CASSETTE_FORMAT,
  version: CASSETTE_VERSION,
  test: 'framing',
  recordedAt: 'x',
  exchanges: [
    {
      request: { method: 'POST', url: '/api/thing', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: '' },
      response: {
        status: 200,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': '999',
          'content-encoding': 'gzip',
          'x-request-id': 'r-1',
        },
        text: 'café ✓ <redacted:session-id>\nline two\n',
      },
    },
    {
      request: { method: 'GET', url: '/api/other', headers: { accept: 'application/json' } },
      response: { status: 204, headers: { 'x-request-id': 'r-2' }, text: '' },
    },
  ],
};

for (const client of ['fetch', 'wire'] as const) {
  test(`${client}: an empty body replays, and the body text is framed anew (byte length, no content-encoding)`, async () => {
    const replay = replayWithNock(VCSA, framing);
    replays.push(replay);
    const api = new ApiClient(VCSA, transportFor(client));
    const thing = await api.raw('POST', '/api/thing', { rawBody: '' });
    const other = await api.raw('GET', '/api/other');
    replay.done();
    // The recorded placeholder is served as a stand-in id; this client never logged in, so it sees it unredacted.
    const text = framing.exchanges[0]!.response.text.replace('<redacted:session-id>', standIn(1));
    expect(text).toMatch(/ [0-9a-f]{32}\n/);
    expect({ status: thing.status, text: thing.text, headers: thing.headers }).toEqual({
      status: 200,
      text,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'x-request-id': 'r-1' },
    });
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length);
    expect({ status: other.status, text: other.text, headers: other.headers }).toEqual({
      status: 204,
      text: '',
      headers: { 'x-request-id': 'r-2' },
    });
  });
}

test('headers the HTTP client sets itself are not compared; a missing session header fails "not recorded"', async () => {
  const replay = replayFor(VCSA);
  const api = new ApiClient(VCSA, wire);
  const { sessionId } = await api.login(ADMIN, 'x');
  // The HTTP client adds connection and content-length, here a user-agent too: none was recorded.
  await api.call('session.get', { session: sessionId, headers: { 'user-agent': 'something else' } });
  expect(replay.served).toBe(2);
  const unknown = '/api/esx/settings/clusters/domain-c999/software?action=stage&vmw-task=true';
  await expect(api.call('software.stage', { params: { cluster: 'domain-c999' }, body: {} })).rejects.toThrow(
    `[vcconform] not recorded: POST ${unknown} with no vmware-api-session-id header (expected ` +
      `POST ${unknown} with vmware-api-session-id: "<redacted:session-id>" as request #3 of ${TEST})`,
  );
  expect(replay.served).toBe(2);
});

test('stop() leaves nock as it found it, is idempotent, and only one replay runs at a time', async () => {
  expect(nock.activeMocks()).toEqual([]);
  const wasActive = nock.isActive();
  const live = await startMock({ host: '127.0.0.1' });
  try {
    const replay = replayFor(VCSA);
    expect(nock.activeMocks().length).toBeGreaterThan(0);
    expect(() => replayWithNock(live.url, cassette)).toThrow(
      `[vcconform] Failed to replay ${TEST} with nock: the replay of ${TEST} is still active. Call its stop() first.`,
    );
    await expect(fetch(`${live.url}/api/session`)).rejects.toThrow(
      `[vcconform] not recorded: GET /api/session on ${live.url.replace('http://', '')}`,
    );
    replay.stop();
    replay.stop();
    expect(nock.activeMocks()).toEqual([]);
    expect(nock.isActive()).toBe(wasActive);
    // Net connect is on again: the request reaches the live mock, which refuses it for want of a session.
    expect((await fetch(`${live.url}/api/session`)).status).toBe(401);
    expect(live.journal.all().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /api/session 401']);
  } finally {
    await live.close();
  }
  // Another replay can start after stop(), and a plain nock scope set up afterwards answers as usual.
  replayFor(VCSA).stop();
  const scope = nock('http://plain.example').get('/x').reply(200, 'plain');
  await expect((await fetch('http://plain.example/x')).text()).resolves.toBe('plain');
  scope.done();
  nock.cleanAll();
});

test('stop() keeps the nock scopes that were there before the replay', async () => {
  const before = nock('http://plain.example').persist().get('/x').reply(200, 'plain');
  try {
    const mocksBefore = nock.activeMocks();
    const replay = replayFor(VCSA);
    await expect(fetch('http://other.example/x')).rejects.toThrow('[vcconform] not recorded: GET /x on other.example');
    replay.stop();
    expect(nock.activeMocks()).toEqual(mocksBefore);
    await expect((await fetch('http://plain.example/x')).text()).resolves.toBe('plain');
  } finally {
    before.persist(false);
    nock.cleanAll();
  }
});
