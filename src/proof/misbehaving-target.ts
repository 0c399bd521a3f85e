import { readFileSync } from 'node:fs';
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { MOCK_TLS_DIR } from '../mock/start-mock';

export type Misbehaviour =
  | 'refused'
  | 'no-answer'
  | 'slow'
  | 'reset-mid-body'
  | 'html'
  | 'text'
  | 'huge'
  | 'error-500'
  | 'self-signed'
  | 'flaky';

export interface MisbehavingOptions {
  /** Base URL of the vCenter-like server behind the front (http, or https with the mock-only certificate). */
  upstream: string;
  mode: Misbehaviour;
  /** slow: added before forwarding each request; default 5000. */
  delayMs?: number;
  /** huge: size of the answer body; default 50 MiB. */
  hugeBytes?: number;
  /** An unauthenticated GET /api/session (the harness's start-up probe) is forwarded normally; default true. */
  spareProbe?: boolean;
  /**
   * flaky: of the requests not spared, every resetEvery-th (default 5) is reset, every stallEvery-th (default 7) held stallMs (default
   * 10000).
   */
  flaky?: { resetEvery?: number; stallEvery?: number; stallMs?: number };
}

export interface MisbehavingTarget {
  url: string;
  /** session ids the upstream issued through this front (bodies of 2xx POST /api/session, JSON strings, or string values of an object) */
  issuedSessionIds: Set<string>;
  /** Requests received so far, spared ones included. */
  requests: number;
  close(): Promise<void>;
}

const HTML_PAGE = '<html><body><h1>It works</h1></body></html>';
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];
type Answered = { status: number; message?: string; headers: OutgoingHttpHeaders; body: Buffer };

/** Starts a loopback front (127.0.0.1, any free port) that forwards to `upstream` but misbehaves in one chosen mode. */
export async function startMisbehavingTarget(options: MisbehavingOptions): Promise<MisbehavingTarget> {
  const { mode } = options;
  const up = new URL(options.upstream);
  const upHttps = up.protocol === 'https:';
  // An https upstream is trusted with the mock-only certificate, never with verification off.
  const agent = upHttps ? new HttpsAgent({ ca: readFileSync(join(MOCK_TLS_DIR, 'cert.pem')) }) : new HttpAgent();
  const tls =
    mode === 'self-signed'
      ? { key: readFileSync(join(MOCK_TLS_DIR, 'key.pem')), cert: readFileSync(join(MOCK_TLS_DIR, 'cert.pem')) }
      : undefined;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const upstreamRequests = new Set<ClientRequest>();
  let closed = false;
  let eligible = 0;
  const flaky = { resetEvery: 5, stallEvery: 7, stallMs: 10_000, ...options.flaky };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) run();
    }, ms);
    timers.add(timer);
  };

  /** Sends the request upstream and hands over the whole answer; an upstream failure destroys the client's connection. */
  const forward = (req: IncomingMessage, res: ServerResponse, then: (a: Answered) => void) => {
    if (res.destroyed) return; // the client left during a delay or stall
    const headers: OutgoingHttpHeaders = { ...req.headers, host: up.host };
    for (const h of HOP_BY_HOP) if (h !== 'transfer-encoding') delete headers[h];
    const path = up.pathname.replace(/\/$/, '') + (req.url ?? '/');
    const send = upHttps ? httpsRequest : httpRequest;
    const out = send(
      { protocol: up.protocol, hostname: up.hostname, port: up.port, method: req.method, path, headers, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('error', () => res.destroy());
        answer.on('end', () => {
          upstreamRequests.delete(out);
          const body = Buffer.concat(chunks);
          const status = answer.statusCode ?? 502;
          if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/api/session' && status >= 200 && status < 300) recordIds(body);
          const back: OutgoingHttpHeaders = { ...answer.headers };
          for (const h of HOP_BY_HOP) delete back[h];
          if (req.method !== 'HEAD' && status !== 204 && status !== 304) back['content-length'] = String(body.length);
          if (!closed && !res.destroyed) then({ status, message: answer.statusMessage, headers: back, body });
        });
      },
    );
    upstreamRequests.add(out);
    out.on('error', () => {
      upstreamRequests.delete(out);
      res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    req.pipe(out);
  };

  const recordIds = (body: Buffer) => {
    try {
      const value: unknown = JSON.parse(body.toString('utf8'));
      const ids = typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value) : [];
      for (const id of ids) if (typeof id === 'string' && id) target.issuedSessionIds.add(id);
    } catch {
      // Not JSON: nothing the harness could read as a session id either.
    }
  };

  const pass = (res: ServerResponse) => (a: Answered) => {
    if (a.message) res.writeHead(a.status, a.message, a.headers);
    else res.writeHead(a.status, a.headers);
    res.end(a.body);
  };

  const misbehave = (req: IncomingMessage, res: ServerResponse) => {
    switch (mode) {
      case 'no-answer':
        req.resume();
        return;
      case 'slow':
        return later(options.delayMs ?? 5000, () => forward(req, res, pass(res)));
      case 'reset-mid-body':
        return forward(req, res, (a) => {
          res.writeHead(a.status, a.headers);
          // Half the body, flushed, then the connection is cut: the client sees a short body.
          res.write(a.body.subarray(0, Math.floor(a.body.length / 2)), () => res.socket?.destroy());
        });
      case 'html':
        return fixed(req, res, 200, 'text/html', HTML_PAGE);
      case 'text':
        return forward(req, res, (a) => pass(res)({ ...a, headers: { ...a.headers, 'content-type': 'text/plain' } }));
      case 'huge':
        req.resume();
        return streamHuge(res, options.hugeBytes ?? 50 * 1024 * 1024);
      case 'error-500':
        return fixed(req, res, 500, 'text/plain', 'Internal Server Error');
      case 'flaky': {
        eligible += 1;
        if (eligible % flaky.resetEvery === 0) return req.socket.destroy();
        if (eligible % flaky.stallEvery === 0) return later(flaky.stallMs, () => forward(req, res, pass(res)));
        return forward(req, res, pass(res));
      }
      default:
        return forward(req, res, pass(res));
    }
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    target.requests += 1;
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    if (closed) return void req.socket.destroy();
    const probe =
      req.method === 'GET' &&
      (req.url ?? '').split('?')[0] === '/api/session' &&
      !req.headers['vmware-api-session-id'] &&
      !req.headers.authorization;
    if (probe && options.spareProbe !== false && mode !== 'self-signed') return forward(req, res, pass(res));
    misbehave(req, res);
  };

  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  server.on('tlsClientError', (_e: Error, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  if (mode === 'refused') closing = new Promise((resolve) => server.close(() => resolve()));

  const target: MisbehavingTarget = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    issuedSessionIds: new Set(),
    requests: 0,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const r of upstreamRequests) r.destroy();
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
  if (mode === 'refused') await closing;
  return target;
}

/** A complete answer of its own, whatever was asked. */
function fixed(req: IncomingMessage, res: ServerResponse, status: number, type: string, text: string): void {
  req.resume();
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** A JSON string `"aaa…"` of `bytes` bytes, written chunk by chunk as the client drains it; stops when the client leaves. */
function streamHuge(res: ServerResponse, bytes: number): void {
  const total = Math.max(2, bytes);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let left = total - 2;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total) });
  res.write('"');
  const pump = () => {
    while (left > 0) {
      if (res.destroyed) return;
      const n = Math.min(left, chunk.length);
      left -= n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('"');
  };
  pump();
}
