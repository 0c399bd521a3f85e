import { test, expect } from '@playwright/test';
import type { Transport } from '../client/api-client';
import type { Role } from './roles';
import { SessionKeeper, type SessionEvent } from './session-keeper';

const BASE = 'https://vc.example';
const CLUSTERS = '/api/vcenter/namespace-management/software/clusters';
type Request = Parameters<Transport>[0];

/** A login that hands out `sid-<role>-<n>` ids in order and counts its calls per role. */
function fakeLogin() {
  const calls: Role[] = [];
  const login = async (role: Role) => {
    calls.push(role);
    return `sid-${role}-${calls.length}`;
  };
  return { calls, login };
}

/** A transport that records what reached it and answers 401 for the ids in `expired`, 200 otherwise. */
function fakeTransport(expired: Set<string>) {
  const calls: Request[] = [];
  const transport: Transport = async (r) => {
    calls.push(r);
    const id = r.headers['vmware-api-session-id'];
    return { status: id !== undefined && expired.has(id) ? 401 : 200, headers: {}, text: JSON.stringify({ sentWith: id ?? null }) };
  };
  return { calls, transport };
}

const get = (path: string, session?: string): Request => ({
  method: 'GET',
  url: BASE + path,
  headers: { accept: 'application/json', ...(session !== undefined && { 'vmware-api-session-id': session }) },
});
const deleteSession = (session: string): Request => ({
  method: 'DELETE',
  url: `${BASE}/api/session`,
  headers: { 'vmware-api-session-id': session },
});
const kinds = (events: readonly SessionEvent[]) => events.map((e) => `${e.kind} ${e.role}`);

/** Fails when any recorded event mentions one of the ids (events go into reports). */
function expectNoIds(events: readonly SessionEvent[], ids: readonly string[]) {
  const text = JSON.stringify(events);
  for (const id of ids) expect(text, `an event names the session id ${id}`).not.toContain(id);
}

test('get() logs each role in once and reuses its session', async () => {
  const { calls, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const admin = await keeper.get('administrator');
  expect(await keeper.get('administrator')).toBe(admin);
  const operator = await keeper.get('operator');
  expect(operator).not.toBe(admin);
  expect(await keeper.get('operator')).toBe(operator);
  expect(calls).toEqual(['administrator', 'operator']);
  expect(kinds(keeper.events)).toEqual(['created administrator', 'created operator']);
  expect(keeper.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
});

test('concurrent get() calls for one role share one login', async () => {
  let release!: (id: string) => void;
  const calls: Role[] = [];
  const keeper = new SessionKeeper((role) => {
    calls.push(role);
    return new Promise<string>((resolve) => {
      release = resolve;
    });
  });
  const first = keeper.get('read-only');
  const second = keeper.get('read-only');
  await expect.poll(() => calls.length).toBe(1);
  release('sid-shared');
  expect(await Promise.all([first, second])).toEqual(['sid-shared', 'sid-shared']);
  expect(calls).toEqual(['read-only']);
  expect(kinds(keeper.events)).toEqual(['created read-only']);
});

test('role() names the role of a held session and nothing for other ids', async () => {
  const keeper = new SessionKeeper(fakeLogin().login);
  const admin = await keeper.get('administrator');
  const operator = await keeper.get('operator');
  expect(keeper.role(admin)).toBe('administrator');
  expect(keeper.role(operator)).toBe('operator');
  expect(keeper.role('sid-nobody')).toBeUndefined();
});

test('forget() drops every session without logging out, so the next get() logs in again', async () => {
  const { calls, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const before = await keeper.get('administrator');
  keeper.forget();
  expect(keeper.role(before)).toBeUndefined();
  const after = await keeper.get('administrator');
  expect(after).not.toBe(before);
  expect(calls).toEqual(['administrator', 'administrator']);
  expect(kinds(keeper.events)).toEqual(['created administrator', 'created administrator']);
});

test('close() deletes each live session once and records it as deleted', async () => {
  const keeper = new SessionKeeper(fakeLogin().login);
  const admin = await keeper.get('administrator');
  const operator = await keeper.get('operator');
  const loggedOut: string[] = [];
  await keeper.close(async (id) => {
    loggedOut.push(id);
  });
  expect(loggedOut.sort()).toEqual([admin, operator].sort());
  expect(kinds(keeper.events.slice(2)).sort()).toEqual(['deleted administrator', 'deleted operator']);
  expect(keeper.role(admin)).toBeUndefined();
  await keeper.close(async (id) => {
    loggedOut.push(id);
  });
  expect(loggedOut, 'a second close() has nothing left to delete').toHaveLength(2);
  expectNoIds(keeper.events, [admin, operator]);
});

test('a 401 on a held session is recorded as an expiry, the session re-created once and the request retried with it', async () => {
  const { calls: logins, login } = fakeLogin();
  const seen: SessionEvent[] = [];
  const keeper = new SessionKeeper(login, { onEvent: (e) => seen.push(e) });
  const old = await keeper.get('operator');
  const wire = fakeTransport(new Set([old]));
  const send = keeper.recovering(wire.transport);

  const response = await send(get(`${CLUSTERS}?secret-query=1`, old));

  const renewed = await keeper.get('operator');
  expect(renewed).not.toBe(old);
  expect(logins).toEqual(['operator', 'operator']);
  expect(wire.calls.map((c) => c.headers['vmware-api-session-id'])).toEqual([old, renewed]);
  expect(wire.calls[1]!.headers.accept, 'the retry keeps the other headers').toBe('application/json');
  expect(response.status).toBe(200);
  expect(JSON.parse(response.text)).toEqual({ sentWith: renewed });
  expect(kinds(keeper.events)).toEqual(['created operator', 'expired operator', 'recreated operator']);
  expect(keeper.events[1]!.detail).toBe(`GET ${CLUSTERS} answered 401 with the operator session the run held`);
  expect(seen, 'listeners hear every event').toEqual(keeper.events);
  expect(keeper.role(old)).toBeUndefined();
  expect(keeper.role(renewed)).toBe('operator');
  expectNoIds(keeper.events, [old, renewed]);
});

test('later requests still carrying the expired id are sent with the new one', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const old = await keeper.get('administrator');
  const wire = fakeTransport(new Set([old]));
  const send = keeper.recovering(wire.transport);
  await send(get(CLUSTERS, old));
  const renewed = await keeper.get('administrator');

  const later = await send(get(CLUSTERS, old));

  expect(later.status).toBe(200);
  expect(wire.calls.map((c) => c.headers['vmware-api-session-id'])).toEqual([old, renewed, renewed]);
  expect(logins).toHaveLength(2);
  expect(kinds(keeper.events)).toEqual(['created administrator', 'expired administrator', 'recreated administrator']);
});

test('a second 401 right after the re-created session is returned as is, without another re-login', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const old = await keeper.get('administrator');
  // Every session is refused: the target's answer, not an expiry to recover from again.
  const calls: Request[] = [];
  const send = keeper.recovering(async (r) => {
    calls.push(r);
    return { status: 401, headers: {}, text: 'no' };
  });

  const response = await send(get(CLUSTERS, old));

  expect(response.status).toBe(401);
  expect(calls).toHaveLength(2);
  expect(logins).toHaveLength(2);
  expect(kinds(keeper.events)).toEqual(['created administrator', 'expired administrator', 'recreated administrator']);
});

test('once a fresh session is refused at once, later 401s for that role are passed on without re-login', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const old = await keeper.get('operator');
  const send = keeper.recovering(async () => ({ status: 401, headers: {}, text: 'no' }));
  await send(get(CLUSTERS, old));
  const renewed = await keeper.get('operator');

  expect((await send(get(CLUSTERS, renewed))).status).toBe(401);
  expect(logins, 'no third login').toHaveLength(2);
  expect(keeper.role(renewed), 'the refused session is still held').toBe('operator');
  const admin = await keeper.get('administrator');
  const adminSend = keeper.recovering(async (r) => ({
    status: r.headers['vmware-api-session-id'] === admin ? 401 : 200,
    headers: {},
    text: '',
  }));
  expect((await adminSend(get(CLUSTERS, admin))).status, 'other roles still recover').toBe(200);
});

test('the session header is found whatever its case', async () => {
  const keeper = new SessionKeeper(fakeLogin().login);
  const old = await keeper.get('administrator');
  const calls: Request[] = [];
  const send = keeper.recovering(async (r) => {
    calls.push(r);
    return { status: r.headers['VMware-Api-Session-Id'] === old ? 401 : 200, headers: {}, text: '' };
  });
  const response = await send({ method: 'get', url: BASE + CLUSTERS, headers: { 'VMware-Api-Session-Id': old } });
  expect(response.status).toBe(200);
  expect(calls.map((c) => c.headers['VMware-Api-Session-Id'])).toEqual([old, await keeper.get('administrator')]);
  expect(keeper.events[1]!.detail).toMatch(/^GET /);
});

test('a DELETE /api/session of a held id answered 2xx drops it, so a later 401 for it is not recovered', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const own = await keeper.get('read-only');
  const expired = new Set<string>();
  const wire = fakeTransport(expired);
  const send = keeper.recovering(wire.transport);

  expect((await send(deleteSession(own))).status).toBe(200);
  expect(keeper.role(own)).toBeUndefined();
  expired.add(own);
  const after = await send(get(CLUSTERS, own));

  expect(after.status).toBe(401);
  expect(wire.calls.map((c) => c.headers['vmware-api-session-id'])).toEqual([own, own]);
  expect(logins).toEqual(['read-only']);
  expect(kinds(keeper.events)).toEqual(['created read-only']);
  expect(await keeper.get('read-only'), 'the next get() logs in again').not.toBe(own);
});

test('a DELETE /api/session that fails keeps the session held', async () => {
  const keeper = new SessionKeeper(fakeLogin().login);
  const own = await keeper.get('operator');
  const send = keeper.recovering(async () => ({ status: 500, headers: {}, text: '' }));
  expect((await send(deleteSession(own))).status).toBe(500);
  expect(keeper.role(own)).toBe('operator');
  expect(await keeper.get('operator')).toBe(own);
});

test('requests without the session header pass through untouched, even when answered 401', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  await keeper.get('administrator');
  const calls: Request[] = [];
  const answer = { status: 401, headers: { 'www-authenticate': 'Basic' }, text: 'who?' };
  const send = keeper.recovering(async (r) => {
    calls.push(r);
    return answer;
  });
  const request = get(CLUSTERS);

  expect(await send(request)).toBe(answer);
  expect(calls).toEqual([request]);
  expect(calls[0]).toBe(request);
  expect(logins).toHaveLength(1);
  expect(keeper.events).toHaveLength(1);
});

test('requests with an id the keeper does not hold pass through untouched, even when answered 401', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  await keeper.get('administrator');
  const wire = fakeTransport(new Set(['sid-foreign']));
  const send = keeper.recovering(wire.transport);
  const request = get(CLUSTERS, 'sid-foreign');

  const response = await send(request);

  expect(response.status).toBe(401);
  expect(wire.calls).toEqual([request]);
  expect(logins).toHaveLength(1);
  expect(kinds(keeper.events)).toEqual(['created administrator']);
});

// Regression: the old-id → new-id map is followed through every re-creation (A → B → C).
test('a request carrying an id that expired twice over is sent with the newest session', async () => {
  const keeper = new SessionKeeper(fakeLogin().login);
  const a = await keeper.get('administrator');
  const expired = new Set([a]);
  const wire = fakeTransport(expired);
  const send = keeper.recovering(wire.transport);
  await send(get(CLUSTERS, a));
  const b = await keeper.get('administrator');
  expired.add(b);
  await send(get(CLUSTERS, b));
  const c = await keeper.get('administrator');

  const response = await send(get(CLUSTERS, a));

  expect(response.status).toBe(200);
  expect(wire.calls.at(-1)!.headers['vmware-api-session-id']).toBe(c);
});

// Regression: two requests in flight on one expired session share a single re-creation.
test('concurrent 401s on one held session are both retried with the one re-created session', async () => {
  const { calls: logins, login } = fakeLogin();
  const keeper = new SessionKeeper(login);
  const old = await keeper.get('operator');
  const wire = fakeTransport(new Set([old]));
  const send = keeper.recovering(wire.transport);

  const responses = await Promise.all([send(get(CLUSTERS, old)), send(get(`${CLUSTERS}/domain-c8`, old))]);

  expect(responses.map((r) => r.status)).toEqual([200, 200]);
  expect(logins).toHaveLength(2);
  expect(kinds(keeper.events)).toEqual(['created operator', 'expired operator', 'recreated operator']);
});
