import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { vapiError } from './errors';
import type { MockRequest, MockResponse } from './types';

export interface ListenOptions {
  port?: number;
  host?: string;
  tls?: { key: string; cert: string };
  /** Bodies above this are refused with 400 INVALID_ARGUMENT (default 32 MiB). */
  maxBodyBytes?: number;
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** The only code that touches sockets: HTTP(S) in, MockRequest to the app, MockResponse out. */
export async function listen(app: (request: MockRequest) => Promise<MockResponse>, options: ListenOptions = {}): Promise<Listening> {
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    serve(app, req, res, maxBodyBytes).catch((e: unknown) => {
      // A mock bug must never take the server down: answer 500 and say what broke.
      send(res, vapiError('INTERNAL_SERVER_ERROR', `The mock failed to answer: ${(e as Error).message}`));
    });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shown}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(app: (r: MockRequest) => Promise<MockResponse>, req: IncomingMessage, res: ServerResponse, maxBodyBytes: number) {
  const rawBody = await readBody(req, res, maxBodyBytes);
  if (rawBody === undefined) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  const request: MockRequest = { method: req.method ?? 'GET', ...splitTarget(req.url ?? ''), headers, rawBody };
  send(res, await app(request));
}

/**
 * The body as text; undefined when it was refused as too large or the client broke off mid-body (no one is
 * left to answer). Events, not `for await`: its promise per chunk was a good part of every request's cost.
 */
function readBody(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) {
        chunks.push(chunk);
        return;
      }
      res.setHeader('connection', 'close');
      send(res, vapiError('INVALID_ARGUMENT', `The request body is larger than ${maxBodyBytes} bytes.`));
      req.destroy();
      resolve(undefined);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    // Aborted, or a body Node's parser rejects: it has answered 400 or closed the socket itself.
    req.on('error', () => resolve(undefined));
    req.on('close', () => {
      if (!req.complete) resolve(undefined);
    });
  });
}

/**
 * The path and query a request target names, taken as sent: no base URL, no normalisation, so
 * `//x/api/session` stays that path (RFC 9112 §3.2). Origin-form is split at the first `?`;
 * absolute-form (http/https) gives its pathname and search. Any other target (asterisk- or
 * authority-form, an unparseable URL, a fragment) comes back whole as the path, which
 * isServablePath rejects: the app answers it 400 INVALID_REQUEST.
 */
export function splitTarget(target: string): Pick<MockRequest, 'path' | 'query'> {
  const pathAndQuery = target.startsWith('/') ? target : absoluteFormPath(target);
  if (pathAndQuery === undefined || target.includes('#')) return { path: target, query: {} };
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return { path: pathAndQuery, query: {} };
  return { path: pathAndQuery.slice(0, q), query: Object.fromEntries(new URLSearchParams(pathAndQuery.slice(q + 1))) };
}

function absoluteFormPath(target: string): string | undefined {
  if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) return undefined;
  const url = new URL(target);
  return url.pathname + url.search;
}

function send(res: ServerResponse, response: MockResponse): void {
  if (res.headersSent) return;
  const text = response.body === undefined ? '' : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...(text && { 'content-type': 'application/json' }),
    'content-length': Buffer.byteLength(text),
    ...response.headers,
  });
  res.end(text);
}
