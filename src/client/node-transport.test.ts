import { test, expect } from '@playwright/test';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TargetError } from '../errors';
import { ApiClient } from './api-client';
import { nodeTransport } from './node-transport';

const PASSWORD = 'Canary-Pa55word!';
const ADMIN = 'administrator@vsphere.local';

/** A loopback server whose handler the test picks; it counts connections and ends them all on close. */
async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer(handler);
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What a promise rejects with (a test fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    (v) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(v)?.slice(0, 100)}`);
    },
    (e: unknown) => e as Error,
  );
}

const secretsIn = (text: string) =>
  [PASSWORD, Buffer.from(`${ADMIN}:${PASSWORD}`).toString('base64'), 'authorization: Basic', 'vmware-api-session-id: 0'].filter((s) =>
    text.includes(s),
  );

test.describe('nodeTransport: the harness wire, with a budget per request and a size limit per body', () => {
  test(
    'an answer over the time budget fails with one line naming the ' + 'request, the time and the budget — no header, no stack frames',
    async () => {
      const target = await serve(() => {
        /* never answers */
      });
      try {
        const api = new ApiClient(target.url, nodeTransport({ timeoutMs: 300, maxResponseBytes: 1000 }));
        const error = await rejection(api.login(ADMIN, PASSWORD));
        expect(error).toBeInstanceOf(TargetError);
        expect(error.message).toMatch(
          /^POST \/api\/session: no complete answer after \d+ ms, over the budget of 300 ms a request \(the profile's timeoutMs\)$/,
        );
        expect(error.stack).toBe(`TargetError: ${error.message}`);
        expect(secretsIn(`${error.message}${error.stack}`)).toEqual([]);
      } finally {
        await target.close();
      }
    },
  );

  test(
    'a body over the size limit is cut off unread and fails naming ' + 'the limit; a declared length over it is refused before reading',
    async () => {
      let sent = 0;
      const target = await serve((req, res) => {
        if (req.url === '/declared') {
          res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
          res.write('"');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        // Streams up to 50 MiB in 64 KiB chunks, stopping when the client goes.
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (sent < 50 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        pump();
      });
      try {
        const wire = nodeTransport({ timeoutMs: 10_000, maxResponseBytes: 1024 * 1024 });
        const streamed = await rejection(wire({ method: 'GET', url: `${target.url}/api/huge`, headers: {} }));
        expect(streamed).toBeInstanceOf(TargetError);
        expect(streamed.message).toBe(
          "GET /api/huge: response body over 1048576 bytes (the profile's maxResponseBytes); cut off after status 200",
        );
        expect(sent).toBeLessThan(50 * 1024 * 1024);
        const declared = await rejection(wire({ method: 'GET', url: `${target.url}/declared`, headers: {} }));
        expect(declared.message).toContain('response body over 1048576 bytes');
        wire.close();
      } finally {
        await target.close();
      }
    },
  );

  test(
    'a connection reset mid-body and a refused connection are ' + 'TargetErrors naming what the target did; the headers sent never appear',
    async () => {
      const target = await serve((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":');
        setImmediate(() => req.socket.destroy());
      });
      const closed = await serve(() => {});
      const closedUrl = closed.url;
      await closed.close();
      try {
        const wire = nodeTransport({ timeoutMs: 5000, maxResponseBytes: 1000 });
        const headers = {
          authorization: `Basic ${Buffer.from(`${ADMIN}:${PASSWORD}`).toString('base64')}`,
          'vmware-api-session-id': '0123456789abcdef0123456789abcdef',
        };
        const reset = await rejection(wire({ method: 'POST', url: `${target.url}/api/session`, headers }));
        expect(reset).toBeInstanceOf(TargetError);
        expect(reset.message).toMatch(/^POST \/api\/session: .*(reset|aborted|closed).* while the body of its 200 answer was being read/);
        const refused = await rejection(wire({ method: 'GET', url: `${closedUrl}/api/session`, headers }));
        expect(refused.message).toMatch(/^GET \/api\/session: the connection was refused \(ECONNREFUSED\), after \d+ ms$/);
        for (const e of [reset, refused]) expect(`${e.message}${e.stack}`).not.toContain('0123456789abcdef');
        expect(secretsIn(`${reset.stack}${refused.stack}`)).toEqual([]);
        wire.close();
      } finally {
        await target.close();
      }
    },
  );

  // Keep-alive itself is not asserted: once nock is loaded in a process (other tests in this worker), every request gets its own
  // connection.
  test('fresh() sends on a new connection (a logout retried after a reset connection)', async () => {
    const target = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    try {
      const wire = nodeTransport({ timeoutMs: 5000, maxResponseBytes: 1000 });
      expect((await wire({ method: 'GET', url: `${target.url}/x`, headers: {} })).status).toBe(204);
      // The agent frees a socket on the tick after the answer ends: one turn of the loop, not a timed wait.
      await new Promise((resolve) => setImmediate(resolve));
      const before = target.connections();
      expect((await wire.fresh({ method: 'DELETE', url: `${target.url}/api/session`, headers: {} })).status).toBe(204);
      expect(target.connections()).toBe(before + 1);
      wire.close();
    } finally {
      await target.close();
    }
  });
});

test(
  'ApiClient rewrites a transport error before it goes anywhere: ' + 'no call log, no credential, no session id the run learned',
  async () => {
    const session = 'feedfacefeedfacefeedfacefeedface';
    let calls = 0;
    const api = new ApiClient('http://vc.invalid', async ({ headers }) => {
      calls++;
      if (calls === 1) return { status: 201, headers: {}, text: JSON.stringify(session) };
      // What Playwright's apiRequestContext.fetch threw: its call log lists every request header.
      throw new Error(
        'apiRequestContext.fetch: socket hang up\nCall log:\n  - → DELETE ' +
          `http://vc.invalid/api/session\n    - vmware-api-session-id: ${headers['vmware-api-session-id']}\n    ` +
          `- authorization: Basic ${Buffer.from(`${ADMIN}:${PASSWORD}`).toString('base64')}`,
      );
    });
    await api.login(ADMIN, PASSWORD);
    const error = await rejection(api.call('session.delete', { session }));
    expect(error.message).toBe('apiRequestContext.fetch: socket hang up');
    expect(`${error.message}${error.stack}`).not.toContain(session);
    expect(secretsIn(`${error.stack}`)).toEqual([]);
  },
);
