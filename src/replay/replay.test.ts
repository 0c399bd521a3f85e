import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ApiClient, fetchTransport } from '../client/api-client';
import type { Exchange } from '../checks/types';
import { startMock } from '../mock/start-mock';
import {
  cassetteFileName,
  cassettePath,
  readCassette,
  writeCassette,
  CASSETTE_FORMAT,
  CASSETTE_VERSION,
  NotRecordedError,
  type Cassette,
} from './cassette';
import { createReplay, loadReplay } from './replay-transport';

const ADMIN = 'administrator@vsphere.local';
const STAGE = '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true';
const TEST = 'replay › login, session, stage and poll, unknown cluster';

/** The recorded scenario; `vary` changes one request so replay must refuse it. */
async function scenario(
  api: ApiClient,
  password: string,
  vary: { cluster?: string; stageBody?: unknown; dropSession?: boolean; polls?: number } = {},
): Promise<void> {
  const { sessionId } = await api.login(ADMIN, password);
  if (!sessionId) throw new Error(`login failed: ${api.exchanges[0]?.status}`);
  const session = vary.dropSession ? undefined : sessionId;
  await api.call('session.get', { session });
  await api.call('software.stage', { params: { cluster: 'domain-c999' }, body: {}, session: sessionId });
  const staged = await api.call('software.stage', {
    params: { cluster: vary.cluster ?? 'domain-c10' },
    body: vary.stageBody ?? {},
    session: sessionId,
  });
  const task = staged.body as string;
  for (let i = 0; i < (vary.polls ?? 3); i++) {
    await api.call('tasks.get', { params: { task }, session: sessionId });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let dir: string;
let recorded: Exchange[];
let rawSessionId: string;
let users: { username: string; password: string }[];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vcconform-replay-'));
  const mock = await startMock({ host: '127.0.0.1' });
  try {
    users = mock.users;
    const admin = mock.users.find((u) => u.username === ADMIN)!;
    // Keeps the raw login answer, to prove the real session id never reaches the cassette.
    const raw: string[] = [];
    const api = new ApiClient(mock.url, async (r) => {
      const response = await fetchTransport(r);
      raw.push(response.text);
      return response;
    });
    await scenario(api, admin.password);
    rawSessionId = JSON.parse(raw[0]!) as string;
    recorded = api.exchanges;
    writeCassette(dir, TEST, recorded);
  } finally {
    await mock.close();
  }
});

test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test.describe('record then replay with the mock closed', () => {
  test('the recording is what the scenario did against the mock', () => {
    expect(recorded.map((e) => `${e.request.method} ${e.request.url} ${e.status}`)).toEqual([
      'POST /api/session 201',
      'GET /api/session 200',
      'POST /api/esx/settings/clusters/domain-c999/software?action=stage&vmw-task=true 404',
      `POST ${STAGE} 202`,
      ...recorded.slice(4).map((e) => `GET ${e.request.url} 200`),
    ]);
    expect(recorded).toHaveLength(7);
    expect(recorded[4]!.request.url).toMatch(/^\/api\/cis\/tasks\//);
  });

  test('replay gives every exchange as recorded: status, headers, body; the session id stays consistent', async () => {
    const replay = loadReplay(dir, TEST);
    const api = new ApiClient('https://vcenter.invalid', replay.transport);
    await scenario(api, 'a password the recording never saw');
    replay.done();
    expect(replay.served).toBe(recorded.length);
    expect(api.exchanges).toHaveLength(recorded.length);
    for (const [i, e] of api.exchanges.entries()) {
      const r = recorded[i]!;
      expect({ i, method: e.request.method, url: e.request.url, body: e.request.rawBody }).toEqual({
        i,
        method: r.request.method,
        url: r.request.url,
        body: r.request.rawBody,
      });
      expect({ i, status: e.status, headers: e.headers, body: e.body, text: e.text }).toEqual({
        i,
        status: r.status,
        headers: r.headers,
        body: r.body,
        text: r.text,
      });
    }
    // Login answered the placeholder, and the later requests carried it.
    expect(api.exchanges[0]!.body).toBe('<redacted:session-id>');
    expect(api.exchanges.slice(1).every((e) => e.request.headers['vmware-api-session-id'] === '<redacted:session-id>')).toBe(true);
    expect((api.exchanges[2]!.body as { error_type?: string }).error_type).toBe('NOT_FOUND');
  });

  test('no password, Basic token or session id is in any cassette file', () => {
    expect(rawSessionId).toMatch(/^[0-9a-f]{32}$/);
    const files = readdirSync(dir);
    expect(files).toEqual([cassetteFileName(TEST)]);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const { username, password } of users) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(Buffer.from(`${username}:${password}`).toString('base64'));
      }
      expect(text).not.toContain(rawSessionId);
      expect(text).not.toMatch(/[0-9a-f]{32}/i);
      expect(text).toContain('<redacted:session-id>');
      expect(text).toContain('"authorization": "Basic <redacted>"');
    }
  });

  test('a request with another path fails "not recorded", naming it and the expected one', async () => {
    const api = new ApiClient('https://vcenter.invalid', loadReplay(dir, TEST).transport);
    const failure = scenario(api, 'x', { cluster: 'domain-c11' });
    await expect(failure).rejects.toThrow(NotRecordedError);
    await expect(failure).rejects.toThrow(
      '[vcconform] not recorded: POST /api/esx/settings/clusters/domain-c11/software?action=stage&vmw-task=true ' +
        `(expected POST ${STAGE} as request #4 of ${TEST} in ${cassettePath(dir, TEST)})`,
    );
  });

  test('a request with another body or without its session fails "not recorded"', async () => {
    const byBody = new ApiClient('https://vcenter.invalid', loadReplay(dir, TEST).transport);
    await expect(scenario(byBody, 'x', { stageBody: { hosts: ['host-101'] } })).rejects.toThrow(
      `[vcconform] not recorded: POST ${STAGE} with body {"hosts":["host-101"]} ` +
        `(expected POST ${STAGE} with body {} as request #4 of ${TEST}`,
    );
    const bySession = new ApiClient('https://vcenter.invalid', loadReplay(dir, TEST).transport);
    await expect(scenario(bySession, 'x', { dropSession: true })).rejects.toThrow(
      '[vcconform] not recorded: GET /api/session with no vmware-api-session-id header (expected ' +
        `GET /api/session with vmware-api-session-id: "<redacted:session-id>" as request #2 of ${TEST}`,
    );
  });

  test('more requests than recorded fail "not recorded"; fewer fail done()', async () => {
    const more = new ApiClient('https://vcenter.invalid', loadReplay(dir, TEST).transport);
    await expect(scenario(more, 'x', { polls: 4 })).rejects.toThrow(
      /^\[vcconform\] not recorded: GET \/api\/cis\/tasks\/\S+ \(the cassette of .* has only 7 requests; this was request #8\)$/,
    );
    const replay = loadReplay(dir, TEST);
    await scenario(new ApiClient('https://vcenter.invalid', replay.transport), 'x', { polls: 2 });
    expect(() => replay.done()).toThrow(
      /incomplete: 1 recorded request was not sent, the first is GET \/api\/cis\/tasks\/\S+ \(request #7\)/,
    );
  });
});

test.describe('cassette files', () => {
  test('a missing cassette fails "not recorded", naming the test', () => {
    const name = ['src/replay/replay.test.ts', 'suite', 'a test never recorded'];
    expect(() => loadReplay(dir, name)).toThrow(NotRecordedError);
    expect(() => readCassette(dir, name)).toThrow(
      '[vcconform] not recorded: no cassette for src/replay/replay.test.ts › ' +
        `suite › a test never recorded (looked for ${cassettePath(dir, name)})`,
    );
  });

  test('bad JSON or a bad format fails naming the file and the problem', () => {
    const bad = (name: string, text: string) => {
      writeFileSync(cassettePath(dir, name), text);
      return () => readCassette(dir, name);
    };
    expect(bad('truncated', '{"format": "vcconform-cass')).toThrow(
      `[vcconform] Failed to read cassette ${cassettePath(dir, 'truncated')}: not valid JSON`,
    );
    expect(
      bad('other-version', JSON.stringify({ format: CASSETTE_FORMAT, version: 99, test: 't', recordedAt: 'x', exchanges: [] })),
    ).toThrow(`${cassettePath(dir, 'other-version')}: "version" is 99, this vcconform reads version 1`);
    const entry = { request: { method: 'GET', url: '/api/session', headers: {} }, response: { status: 'ok', headers: {}, text: '' } };
    expect(
      bad(
        'bad-status',
        JSON.stringify({ format: CASSETTE_FORMAT, version: CASSETTE_VERSION, test: 't', recordedAt: 'x', exchanges: [entry] }),
      ),
    ).toThrow(`${cassettePath(dir, 'bad-status')}: /exchanges/0/response/status must be an HTTP status (100-599)`);
    expect(bad('not-a-cassette', '[]')).toThrow(`${cassettePath(dir, 'not-a-cassette')}: expected a JSON object`);
    for (const name of ['truncated', 'other-version', 'bad-status', 'not-a-cassette']) rmSync(cassettePath(dir, name));
  });

  test('file names are safe, stable and distinct for titles that slug alike', () => {
    const names = [
      ['a/b', '../../etc/passwd'],
      ['a b', '../../etc/passwd'],
      ['A/B', '../../etc/passwd'],
      ['.hidden', 'CON:', 'ünïcode ✓'],
      ['x'.repeat(500)],
      [''],
    ];
    const files = names.map((n) => cassetteFileName(n));
    for (const f of files) {
      expect(f).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.cassette\.json$/);
      expect(f.length).toBeLessThanOrEqual(130);
    }
    expect(new Set(files).size).toBe(files.length);
    expect(cassetteFileName(['a/b', '../../etc/passwd'])).toBe(files[0]);
    expect(cassetteFileName(['src/x.test.ts', 'suite', 'login works'])).toMatch(
      /^src-x\.test\.ts-suite-login-works-[0-9a-f]{10}\.cassette\.json$/,
    );
  });

  test('a placeholder matches any value in its place, and only there', async () => {
    const cassette: Cassette = {
      format: CASSETTE_FORMAT,
      version: CASSETTE_VERSION,
      test: 'placeholders',
      recordedAt: 'x',
      exchanges: [
        {
          request: {
            method: 'POST',
            url: '/api/thing/<redacted:session-id>?a=1',
            headers: { 'vmware-api-session-id': '<redacted:session-id>' },
            body: '{"session":"<redacted:session-id>","n":1}',
          },
          response: { status: 200, headers: {}, text: '"ok"' },
        },
      ],
    };
    const send = (url: string, body: string) =>
      createReplay(cassette).transport({ method: 'POST', url: `https://h${url}`, headers: { 'VMware-API-Session-Id': '0123abcd' }, body });
    await expect(send('/api/thing/0123abcd?a=1', '{"session":"0123abcd","n":1}')).resolves.toEqual({
      status: 200,
      headers: {},
      text: '"ok"',
    });
    await expect(send('/api/thing/0123abcd?a=1', '{"session":"0123abcd","n":2}')).rejects.toThrow(
      'not recorded: POST /api/thing/0123abcd?a=1 with body {"session":"0123abcd","n":2}',
    );
    await expect(send('/api/thing/a/b?a=1', '{"session":"0123abcd","n":1}')).rejects.toThrow(
      'not recorded: POST /api/thing/a/b?a=1 (expected POST /api/thing/<redacted:session-id>?a=1 as request #1 of placeholders)',
    );
    await expect(send('/api/thing/0123abcd?a=1', '{"session":"x","n":1,"extra":"\\""}')).rejects.toThrow(NotRecordedError);
  });
});
