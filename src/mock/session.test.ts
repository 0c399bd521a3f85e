import { test, expect } from '@playwright/test';
import { scaledClock } from './clock';
import { startMock } from './start-mock';
import { MockClient, basic, checkEveryResponse, useMock } from './test-client';

checkEveryResponse();

const mock = useMock();

test.describe('mock: sessions and authentication', () => {
  test('POST /api/session with Basic credentials answers 201 and a bare JSON string; get and delete follow', async () => {
    const api = new MockClient(mock);
    const id = await api.login('administrator');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    mock.clock.advance(5000);
    const info = await api.call('session.get', 'GET', '/api/session', { session: id });
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      user: 'administrator@vsphere.local',
      created_time: '2026-01-01T00:00:00.000Z',
      last_accessed_time: '2026-01-01T00:00:05.000Z',
    });
    const bye = await api.call('session.delete', 'DELETE', '/api/session', { session: id });
    expect(bye.status).toBe(204);
    expect(bye.text).toBe('');
    expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(401);
    expect(api.problems()).toEqual([]);
  });

  test('wrong password, unknown user and malformed Authorization all give the same 401 with a challenge', async () => {
    const api = new MockClient(mock);
    const answers = await Promise.all(
      [basic('administrator@vsphere.local', 'wrong'), basic('nobody@vsphere.local', 'x'), 'Basic !!!', 'Bearer abc', undefined].map(
        (authorization) => api.call('session.create', 'POST', '/api/session', { headers: authorization ? { authorization } : {} }),
      ),
    );
    for (const r of answers) {
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ error_type: 'UNAUTHENTICATED', challenge: expect.stringContaining('Basic realm=') });
      expect(r.headers.get('www-authenticate')).toContain('Basic realm=');
      expect(r.text).toBe(answers[0]!.text); // nothing tells which part of the credentials was wrong
    }
    expect(api.problems()).toEqual([]);
  });

  test(
    'no, malformed, unknown, deleted and idle-expired session ids are refused ' +
      'with 401, a challenge and WWW-Authenticate, on every session operation',
    async () => {
      const api = new MockClient(mock);
      const deleted = await api.login();
      await api.call('session.delete', 'DELETE', '/api/session', { session: deleted });
      const idle = await api.login();
      mock.clock.advance(mock.state.timings.sessionIdleTimeoutMs + 1);
      for (const session of [undefined, '', 'not a session', 'ffffffffffffffffffffffffffffffff', deleted, idle]) {
        const answers = [
          await api.call('session.get', 'GET', '/api/session', { session }),
          await api.call('session.delete', 'DELETE', '/api/session', { session }),
          await api.call('clusters.list', 'GET', '/api/vcenter/namespace-management/software/clusters', { session }),
        ];
        for (const r of answers) {
          const what = `${r.method} ${r.url} with session ${JSON.stringify(session)}`;
          expect(r.status, what).toBe(401);
          expect(r.body, what).toMatchObject({ error_type: 'UNAUTHENTICATED', challenge: expect.stringContaining('Basic realm=') });
          expect(r.headers.get('www-authenticate'), what).toBe((r.body as { challenge: string }).challenge);
        }
      }
      expect(api.problems()).toEqual([]);
    },
  );

  test('a session stays alive while used within the idle timeout', async () => {
    const api = new MockClient(mock);
    const id = await api.login('read-only');
    for (let i = 0; i < 3; i += 1) {
      mock.clock.advance(mock.state.timings.sessionIdleTimeoutMs - 1);
      expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(200);
    }
  });

  test('idleness is measured on real time, not on the scaled clock: at scale 1000 a session lives out its 30 real minutes', async () => {
    let wall = Date.parse('2026-01-01T00:00:00Z');
    const scaled = await startMock({ clock: scaledClock(1000, () => wall) });
    try {
      const api = new MockClient(scaled);
      const id = await api.login();
      const timeout = scaled.state.timings.sessionIdleTimeoutMs;
      expect(timeout).toBe(30 * 60_000);
      wall += 10 * 60_000; // 10 real minutes: almost 7 days of virtual time
      const info = await api.call('session.get', 'GET', '/api/session', { session: id });
      expect(info.status).toBe(200);
      const { created_time: created, last_accessed_time: accessed } = info.body as { created_time: string; last_accessed_time: string };
      // Shown on the wall clock (issue 11: a timestamp is never later than the answer), though a day of virtual time passed.
      expect(Date.parse(accessed) - Date.parse(created), 'the session times are wall-clock times').toBe(10 * 60_000);
      expect(Date.parse(accessed)).toBeLessThanOrEqual(wall);
      wall += timeout;
      expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(200);
      wall += timeout + 1;
      expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(401);
    } finally {
      await scaled.close();
    }
  });

  test('startMock({ sessionIdleTimeoutMs }) sets the idle timeout; a manual clock drives it', async () => {
    const short = await startMock({ clock: 'manual', sessionIdleTimeoutMs: 5000 });
    try {
      const api = new MockClient(short);
      const id = await api.login();
      short.clock.advance(5000);
      expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(200);
      short.clock.advance(5001);
      expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(401);
    } finally {
      await short.close();
    }
    await expect(startMock({ sessionIdleTimeoutMs: -1 })).rejects.toThrow(
      '[vcconform] Failed to start the mock: sessionIdleTimeoutMs must be a non-negative integer, got -1.',
    );
  });

  test('idle-expired sessions are swept from the session map when sessions are created, live ones are kept', async () => {
    const api = new MockClient(mock);
    const timeout = mock.state.timings.sessionIdleTimeoutMs;
    const abandoned = await Promise.all([api.login(), api.login(), api.login()]);
    const kept = await api.login();
    mock.clock.advance(timeout / 2);
    expect((await api.call('session.get', 'GET', '/api/session', { session: kept })).status).toBe(200);
    mock.clock.advance(timeout / 2 + 1);
    expect(mock.state.sessions.size, 'nothing is swept before a session is created').toBe(4);
    const fresh = await api.login();
    expect([...mock.state.sessions.keys()].sort()).toEqual([kept, fresh].sort());
    for (const id of abandoned) expect((await api.call('session.get', 'GET', '/api/session', { session: id })).status).toBe(401);
  });

  test('unknown routes and unknown actions answer 404 NOT_FOUND as a vAPI error, and are journalled', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/session?action=refresh'],
      ['POST', '/api/esx/settings/clusters/domain-c10/software?action=stage'],
      ['GET', '/rest/com/vmware/cis/session'],
    ] as const) {
      const r = await api.call(undefined, method, url, { session });
      expect(r.status, `${method} ${url}`).toBe(404);
      expect((r.body as { error_type: string }).error_type).toBe('NOT_FOUND');
    }
    expect(mock.journal.all().filter((e) => e.status === 404)).toHaveLength(4);
    expect(api.problems()).toEqual([]);
  });

  test('the journal never holds credentials, and waitFor rejects on reset instead of hanging', async () => {
    const api = new MockClient(mock);
    await api.login();
    expect(JSON.stringify(mock.journal.all())).not.toContain('mock-Admin');
    const pending = mock.journal.waitFor((e) => e.operation === 'software.stage', 'a stage request');
    mock.reset();
    await expect(pending).rejects.toThrow('a stage request was not received before the test finished');
  });
});

test(
  'at any time scale no timestamp the mock answers is later than the ' +
    'wall clock when it answers: task, stage result, session, Supervisor',
  async () => {
    let wall = Date.parse('2026-06-01T12:00:00Z');
    const fast = await startMock({ clock: scaledClock(5000, () => wall) });
    try {
      const api = new MockClient(fast);
      const session = await api.login();
      const staged = await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
        session,
        body: {},
      });
      expect(staged.status).toBe(202);
      await api.call('clusters.upgrade', 'POST', '/api/vcenter/namespace-management/software/clusters/domain-c10?action=upgrade', {
        session,
        body: { desired_version: fast.state.clusters.get('domain-c10')!.supervisor!.availableVersions.at(-1)! },
      });
      const stamps: string[] = [];
      const collect = (v: unknown): void => {
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) stamps.push(v);
        else if (v && typeof v === 'object') Object.values(v).forEach(collect);
      };
      for (const step of [1, 60_000, 600_000]) {
        wall += step; // at 5000×, ten real minutes are five weeks of virtual time: the stage and the upgrade are long over
        for (const r of [
          await api.call('tasks.get', 'GET', `/api/cis/tasks/${encodeURIComponent(staged.body as string)}`, { session }),
          await api.call('session.get', 'GET', '/api/session', { session }),
          await api.call('clusters.get', 'GET', '/api/vcenter/namespace-management/software/clusters/domain-c10', { session }),
        ]) {
          expect(r.status).toBe(200);
          collect(r.body);
        }
        expect(
          stamps.filter((t) => Date.parse(t) > wall),
          `timestamps after ${new Date(wall).toISOString()}`,
        ).toEqual([]);
      }
      expect(stamps.length).toBeGreaterThan(6);
    } finally {
      await fast.close();
    }
  },
);
