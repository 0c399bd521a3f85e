import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { TargetError } from '../errors';
import type { Transport } from './api-client';
import { describeNetworkError } from './network-errors';

/** What one request may cost: the profile's per-request budget and response size limit, and its TLS trust. */
export interface WireLimits {
  /** The whole exchange, from sending to the last byte of the body (the profile's timeoutMs). */
  timeoutMs: number;
  /** A larger response body is cut off and the request fails (the profile's maxResponseBytes). */
  maxResponseBytes: number;
  tls?: { insecure: boolean; ca?: string | Buffer };
}

/** A Transport with `fresh()`: the same request on a new connection (a logout retried after a reset connection). */
export type NodeTransport = Transport & { fresh: Transport; close(): void };

/**
 * The harness's wire: node:http(s) with keep-alive, a time budget per request and a size limit per
 * response body, read as a stream so a huge answer is cut off without being held. A failure is a
 * TargetError naming the request line and what the target did — never the request's headers, so no
 * credential or session id can reach an error message (Playwright's call logs list them all).
 * nock intercepts it like any node:http client (replay).
 */
export function nodeTransport(limits: WireLimits): NodeTransport {
  // The TLS trust goes on every request too: a fresh one has no agent to carry it.
  const tls = { rejectUnauthorized: !(limits.tls?.insecure ?? false), ...(limits.tls?.ca && { ca: limits.tls.ca }) };
  const agents = { http: new HttpAgent({ keepAlive: true, ...tls }), https: new HttpsAgent({ keepAlive: true, ...tls }) };
  const send =
    (fresh: boolean): Transport =>
    (request) =>
      exchange(request, limits, tls, fresh ? false : agents);
  return Object.assign(send(false), {
    fresh: send(true),
    close: () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  });
}

type Request = Parameters<Transport>[0];
type Response = Awaited<ReturnType<Transport>>;

function exchange(
  r: Request,
  limits: WireLimits,
  tlsOptions: { rejectUnauthorized: boolean; ca?: string | Buffer },
  agents: { http: HttpAgent; https: HttpsAgent } | false,
): Promise<Response> {
  const url = new URL(r.url);
  const https = url.protocol === 'https:';
  const line = `${r.method} ${url.pathname}${url.search}`;
  const started = Date.now();
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fail = (why: string | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(typeof why === 'string' ? new TargetError(`${line}: ${why}`) : why);
    };
    const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
    const headers = { ...r.headers, ...(body && { 'content-length': String(body.length) }) };
    const tls = https ? tlsOptions : {};
    const agent = agents === false ? false : https ? agents.https : agents.http;
    const req = (https ? httpsRequest : httpRequest)(url, { method: r.method, headers, agent, ...tls }, (res) => {
      read(res, limits.maxResponseBytes).then(
        (text) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: flat(res), text });
        },
        (e: Error) =>
          fail(
            e.message === TOO_LARGE
              ? `response body over ${limits.maxResponseBytes} bytes (the ` +
                  `profile's maxResponseBytes); cut off after status ${res.statusCode}`
              : `${describeNetworkError(e)} while the body of its ${res.statusCode} answer ` +
                  `was being read, after ${Date.now() - started} ms`,
          ),
      );
    });
    const timer = setTimeout(
      () =>
        fail(
          `no complete answer after ${Date.now() - started} ms, over the ` +
            `budget of ${limits.timeoutMs} ms a request (the profile's timeoutMs)`,
        ),
      limits.timeoutMs,
    );
    // A socket or TLS failure (it has Node's code) is the target's doing; an error without a code was raised by
    // the harness itself (a replay's "not recorded" from inside nock) and goes on as it is.
    req.on('error', (e: NodeJS.ErrnoException) => fail(e.code ? `${describeNetworkError(e)}, after ${Date.now() - started} ms` : e));
    req.end(body);
  });
}

const TOO_LARGE = 'vcconform: response body too large';

/** The body as text, refusing (without buffering the rest) once it passes `max` bytes. */
function read(res: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Rejected before the socket is destroyed: destroying it reports a reset, which is not what happened.
    const tooLarge = () => {
      reject(new Error(TOO_LARGE));
      res.destroy();
    };
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return tooLarge();
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('aborted', () => reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
  });
}

function flat(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
