import { queryString } from './path-and-query';
import { operation as operationById } from '../../specs/index';
import type { Exchange } from './exchange';
import { basicToken, redactError, Redactor } from './redactor';

/** Sends one HTTP request; the harness's wire (node-transport.ts), fetch or a replay sit behind it. */
export type Transport = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<{ status: number; headers: Record<string, string>; text: string }>;

export interface CallOptions {
  /** Values for the path template's `{name}` parameters. */
  params?: Record<string, string>;
  /** Extra query parameters (the operation's own `action`/`vmw-task` are added by the client). */
  query?: Record<string, string>;
  /** JSON body; use `rawBody` to send text as is (malformed JSON, empty). */
  body?: unknown;
  rawBody?: string;
  /** Session id for `vmware-api-session-id`; `''` sends the header empty; undefined sends none. */
  session?: string;
  /**
   * The session id is a deliberate probe that names no session (garbage, or a lookalike of a real
   * id): it is no secret, so the exchange and the curl line keep it as sent.
   */
  sessionIsProbe?: boolean;
  headers?: Record<string, string>;
}

/** The harness's API client: builds requests from the catalogue and records every exchange, redacted. */
export class ApiClient {
  readonly exchanges: Exchange[] = [];
  /** Requests sent and not yet answered: the request line (no query) and when it left. */
  readonly pending = new Set<{ line: string; at: number }>();

  /** `redactor`: share one per worker, so a secret learned by any client is masked by all. */
  constructor(
    readonly baseUrl: string,
    private readonly transport: Transport,
    readonly redactor: Redactor = new Redactor(),
  ) {}

  /** Calls a catalogued operation by id (e.g. `software.stage`). */
  async call(operationId: string, options: CallOptions = {}): Promise<Exchange> {
    const op = operationById(operationId);
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new Error(`[vcconform] Failed to call ${operationId}: path parameter {${name}} has no value.`);
      return encodeURIComponent(value);
    });
    const query = queryString(op.query, options.query);
    return this.send(op.method, path + (query ? `?${query}` : ''), options, operationId);
  }

  /** Sends a request to any path (probes of routes outside the catalogue). */
  async raw(method: string, pathAndQuery: string, options: CallOptions = {}, operationId?: string): Promise<Exchange> {
    return this.send(method, pathAndQuery, options, operationId);
  }

  /**
   * POST /api/session with Basic credentials; the session id is learned as a secret. Any 2xx answer
   * gives its session id — the documented bare string, or the one string of a wrapper such as legacy
   * `{"value": id}` — so a login that deviates from the contract is judged once, by the checks on its
   * exchange, and the session it returned still serves every other test (degrade, don't collapse).
   */
  async login(username: string, password: string): Promise<{ exchange: Exchange; sessionId?: string }> {
    this.redactor.addCredentials(username, password);
    const authorization = `Basic ${basicToken(username, password)}`;
    const { exchange, rawBody } = await this.sendRaw('POST', '/api/session', { headers: { authorization } }, 'session.create');
    const ok = exchange.status >= 200 && exchange.status < 300;
    return { exchange, ...(ok && { sessionId: sessionIdIn(rawBody) }) };
  }

  /** Learns a secret obtained elsewhere (e.g. a session created outside the client). */
  learnSession(sessionId: string): void {
    this.redactor.add(sessionId, '<redacted:session-id>');
  }

  /**
   * Learns the session id in a login answer, whatever its shape — a bare string as documented, or a
   * non-conforming wrapper such as legacy `{"value": id}` — so it is redacted either way.
   */
  private learnSessionFrom(text: string): void {
    for (const s of stringsIn(text)) this.learnSession(s);
  }

  private async send(method: string, pathAndQuery: string, options: CallOptions, operationId?: string): Promise<Exchange> {
    return (await this.sendRaw(method, pathAndQuery, options, operationId)).exchange;
  }

  private async sendRaw(method: string, pathAndQuery: string, options: CallOptions, operationId?: string) {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.session !== undefined) headers['vmware-api-session-id'] = options.session;
    if (options.sessionIsProbe && options.session) this.redactor.allowSessionHeader(options.session);
    const rawBody = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const at = new Date();
    const line = { line: `${method} ${this.redactor.text(pathAndQuery.split('?')[0] ?? '')}`, at: at.getTime() };
    this.pending.add(line);
    const response = await this.transport({ method, url: this.baseUrl + pathAndQuery, headers, body: rawBody })
      .catch((e: unknown) => {
        throw redactError(this.redactor, e);
      })
      .finally(() => this.pending.delete(line));
    const durationMs = Date.now() - at.getTime();
    if (operationId === 'session.create' && response.status >= 200 && response.status < 300) this.learnSessionFrom(response.text);
    const r = this.redactor;
    let parsed: unknown;
    let bodyIsJson = false;
    try {
      parsed = response.text === '' ? undefined : JSON.parse(response.text);
      bodyIsJson = response.text !== '';
    } catch {
      parsed = undefined;
    }
    const exchange: Exchange = {
      operation: operationId,
      request: {
        method,
        url: r.text(pathAndQuery),
        headers: r.headers(headers),
        ...(rawBody !== undefined && { rawBody: r.text(rawBody), body: safeParse(r.text(rawBody)) }),
      },
      status: response.status,
      headers: r.headers(response.headers),
      body: r.value(parsed),
      text: r.text(response.text),
      bodyIsJson,
      at: at.toISOString(),
      durationMs,
    };
    this.exchanges.push(exchange);
    return { exchange, rawBody: response.text };
  }
}

/** The strings a login answer holds: itself if it is a JSON string, else its string values. */
function stringsIn(text: string): string[] {
  const value = safeParse(text);
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).filter((v): v is string => typeof v === 'string') : [];
}

/** The session id of a login answer: the bare string, or a wrapper's only string. */
export function sessionIdIn(text: string): string | undefined {
  const strings = stringsIn(text);
  return strings.length === 1 ? strings[0] : undefined;
}

/** The JSON value of a text, or undefined when it is not JSON. */
export function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A Transport over Node's fetch (self-tests; suites and the CLI use node-transport.ts). */
export const fetchTransport: Transport = async ({ method, url, headers, body }) => {
  const response = await fetch(url, { method, headers, body });
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
};
