import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MOCK_TLS_DIR, startMock, type RunningMock } from '../mock/start-mock';
import { startMisbehavingTarget, type MisbehavingOptions, type MisbehavingTarget } from './misbehaving-target';

/** Starts a fresh mock with the front before it, runs `body`, then closes both. */
async function withFront(
  options: Omit<MisbehavingOptions, 'upstream'>,
  body: (front: MisbehavingTarget, mock: RunningMock) => Promise<void>,
) {
  const mock = await startMock();
  const front = await startMisbehavingTarget({ upstream: mock.url, ...options });
  try {
    await body(front, mock);
  } finally {
    await front.close();
    await mock.close();
  }
}

const authorized = { 'vmware-api-session-id': 'not-a-session' }; // not the spared probe; the mock answers 401
function login(mock: RunningMock): Record<string, string> {
  const admin = mock.users.find((u) => u.role === 'administrator')!;
  return { authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}` };
}
/** The code of the network error under a rejected fetch. */
async function failure(answer: Promise<unknown>): Promise<string> {
  const e = await answer.then(
    () => undefined,
    (err: Error & { cause?: { code?: string } }) => err,
  );
  expect(e, 'the request should have failed').toBeDefined();
  return e!.cause?.code ?? e!.name;
}
/** One request on a connection of its own, with node:http(s): its status and body, or the error code. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; tls?: { rejectUnauthorized?: boolean; ca?: Buffer } } = {},
) {
  return new Promise<{ status?: number; body?: string; error?: string }>((resolve) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false, ...options.tls }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

test.describe('misbehaving target', () => {
  test('refused: nothing listens, the client gets ECONNREFUSED', async () => {
    await withFront({ mode: 'refused' }, async (front) => {
      expect(await failure(fetch(`${front.url}/api/session`))).toBe('ECONNREFUSED');
      expect(front.requests).toBe(0);
    });
  });

  test(
    'no-answer: requests hang until the client gives up; ' + 'the probe is spared unless spareProbe is false; close() is prompt',
    async () => {
      await withFront({ mode: 'no-answer' }, async (front) => {
        expect(await failure(fetch(`${front.url}/api/session`, { headers: authorized, signal: AbortSignal.timeout(500) }))).toBe(
          'TimeoutError',
        );
        expect((await fetch(`${front.url}/api/session`)).status).toBe(401);
      });
      await withFront({ mode: 'no-answer', spareProbe: false }, async (front) => {
        const hanging = failure(fetch(`${front.url}/api/session`));
        await expect.poll(() => front.requests).toBe(1);
        const started = performance.now();
        await front.close();
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(await hanging).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
        await front.close(); // idempotent
      });
    },
  );

  test('slow: each answer comes after delayMs; the probe is spared, or not; close() ends a pending delay at once', async () => {
    await withFront({ mode: 'slow', delayMs: 300 }, async (front) => {
      const started = performance.now();
      expect((await fetch(`${front.url}/api/session`, { headers: authorized })).status).toBe(401);
      // Node's timers count whole milliseconds: allow a millisecond of rounding.
      expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    });
    await withFront({ mode: 'slow', delayMs: 300, spareProbe: false }, async (front) => {
      const started = performance.now();
      expect((await fetch(`${front.url}/api/session`)).status).toBe(401);
      expect(performance.now() - started).toBeGreaterThanOrEqual(299);
    });
    await withFront({ mode: 'slow', delayMs: 600_000 }, async (front) => {
      expect((await fetch(`${front.url}/api/session`)).status).toBe(401); // spared: not held ten minutes
      const held = failure(fetch(`${front.url}/api/session`, { headers: authorized }));
      await expect.poll(() => front.requests).toBe(2);
      const started = performance.now();
      await front.close();
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(await held).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    });
  });

  test('reset-mid-body: status and full content-length arrive, the body breaks off; the session id is still recorded', async () => {
    await withFront({ mode: 'reset-mid-body' }, async (front, mock) => {
      const res = await fetch(`${front.url}/api/session`, { headers: authorized });
      expect(res.status).toBe(401);
      expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1);
      expect(await failure(res.text())).toMatch(/ECONNRESET|UND_ERR_SOCKET|terminated/);
      const cut = await fetch(`${front.url}/api/session`, { method: 'POST', headers: login(mock) });
      expect(cut.status).toBe(201);
      await failure(cut.text());
      const [id] = [...front.issuedSessionIds];
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect((await fetch(`${mock.url}/api/session`, { headers: { 'vmware-api-session-id': id! } })).status).toBe(200);
    });
  });

  test('html and text: a web server page instead of the API, and the API labelled text/plain', async () => {
    await withFront({ mode: 'html' }, async (front, mock) => {
      const res = await fetch(`${front.url}/api/session`, { method: 'POST', headers: login(mock) });
      expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
        200,
        'text/html',
        '<html><body><h1>It works</h1></body></html>',
      ]);
      expect(front.issuedSessionIds.size).toBe(0);
      expect((await fetch(`${front.url}/api/session`)).headers.get('content-type')).toContain('application/json'); // the spared probe
    });
    await withFront({ mode: 'text' }, async (front, mock) => {
      const denied = await fetch(`${front.url}/api/session`, { headers: authorized });
      expect([denied.status, denied.headers.get('content-type')]).toEqual([401, 'text/plain']);
      expect(JSON.parse(await denied.text())).toMatchObject({ error_type: 'UNAUTHENTICATED' });
      const res = await fetch(`${front.url}/api/session`, { method: 'POST', headers: login(mock) });
      expect([res.status, res.headers.get('content-type')]).toEqual([201, 'text/plain']);
      expect([...front.issuedSessionIds]).toEqual([JSON.parse(await res.text())]);
    });
  });

  test('huge: 50 MiB of JSON streams; a client leaving after 1 MiB harms nothing and the front still serves', async () => {
    await withFront({ mode: 'huge' }, async (front, mock) => {
      const abort = new AbortController();
      const res = await fetch(`${front.url}/api/session`, { method: 'POST', headers: login(mock), signal: abort.signal });
      expect([res.status, res.headers.get('content-type'), res.headers.get('content-length')]).toEqual([
        200,
        'application/json',
        String(50 * 1024 * 1024),
      ]);
      const reader = res.body!.getReader();
      let read = 0;
      while (read < 1024 * 1024) read += (await reader.read()).value?.length ?? Infinity;
      abort.abort();
      expect((await fetch(`${front.url}/api/session`)).status).toBe(401);
      expect(front.issuedSessionIds.size).toBe(0);
    });
    await withFront({ mode: 'huge', hugeBytes: 3 * 1024 * 1024, spareProbe: false }, async (front) => {
      const body = await (await fetch(`${front.url}/api/session`)).text();
      expect(body.length).toBe(3 * 1024 * 1024);
      expect(JSON.parse(body)).toBe('a'.repeat(3 * 1024 * 1024 - 2));
    });
  });

  test('error-500: every request but the spared probe gets 500 text/plain', async () => {
    await withFront({ mode: 'error-500' }, async (front) => {
      const res = await fetch(`${front.url}/api/session`, { headers: authorized });
      expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([500, 'text/plain', 'Internal Server Error']);
      expect((await fetch(`${front.url}/api/session`)).status).toBe(401);
      expect((await fetch(`${front.url}/api/session`, { headers: { authorization: 'Basic eDp5' } })).status).toBe(500);
    });
    await withFront({ mode: 'error-500', spareProbe: false }, async (front) => {
      expect((await fetch(`${front.url}/api/session`)).status).toBe(500);
    });
  });

  test('self-signed: untrusted by default; trusted with rejectUnauthorized false or the mock-only CA; logins are recorded', async () => {
    await withFront({ mode: 'self-signed' }, async (front, mock) => {
      expect(front.url).toMatch(/^https:/);
      expect((await raw(`${front.url}/api/session`)).error).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
      expect((await raw(`${front.url}/api/session`, { tls: { rejectUnauthorized: false } })).status).toBe(401);
      const ca = readFileSync(join(MOCK_TLS_DIR, 'cert.pem'));
      expect((await raw(`${front.url}/api/session`, { method: 'POST', tls: { ca }, headers: login(mock) })).status).toBe(201);
      expect(front.issuedSessionIds.size).toBe(1);
    });
  });

  test('flaky: resets every resetEvery-th and stalls every stallEvery-th request not spared, by counter', async () => {
    await withFront({ mode: 'flaky', flaky: { resetEvery: 3, stallEvery: 4, stallMs: 300 } }, async (front) => {
      const outcomes: string[] = [];
      for (let n = 1; n <= 8; n++) {
        if (n % 2) expect((await raw(`${front.url}/api/session`)).status, 'the spared probe does not count').toBe(401);
        const started = performance.now();
        const r = await raw(`${front.url}/api/session`, { headers: authorized });
        const slow = performance.now() - started >= 299; // a stall lasts at least stallMs; a busy machine may slow others too
        outcomes.push(r.error ?? (n % 4 === 0 ? (slow ? 'stalled' : 'fast') : String(r.status)));
      }
      expect(outcomes).toEqual(['401', '401', 'ECONNRESET', 'stalled', '401', 'ECONNRESET', '401', 'stalled']);
      expect(front.requests).toBe(12);
    });
    await withFront({ mode: 'flaky', flaky: { resetEvery: 100, stallEvery: 1, stallMs: 600_000 } }, async (front) => {
      expect(await failure(fetch(`${front.url}/api/session`, { headers: authorized, signal: AbortSignal.timeout(500) }))).toBe(
        'TimeoutError',
      );
      const started = performance.now();
      await front.close();
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  });

  test('upstream failures drop the client connection; ids in an object body are recorded', async () => {
    let drop = false;
    const upstream = createServer((req, res) => {
      if (drop) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: 'object-held-id', n: 1 }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const front = await startMisbehavingTarget({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, mode: 'text' });
    try {
      expect((await fetch(`${front.url}/api/session`, { method: 'POST', headers: { authorization: 'Basic eDp5' } })).status).toBe(200);
      expect([...front.issuedSessionIds]).toEqual(['object-held-id']);
      drop = true;
      expect(await failure(fetch(`${front.url}/api/session`, { headers: authorized }))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
      const closed = new Promise<void>((resolve) => upstream.close(() => resolve()));
      upstream.closeAllConnections();
      await closed;
      expect(await failure(fetch(`${front.url}/api/session`, { headers: authorized }))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    } finally {
      await front.close();
      upstream.close();
    }
  });
});
