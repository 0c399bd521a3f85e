import type { ClientRequest } from 'node:http';
import { parsesAsJson } from '../util/json-text';
import { createHash } from 'node:crypto';
import nock from 'nock';
import { NotRecordedError, type Cassette } from './cassette';
import { createReplay } from './replay-transport';

/** A cassette replayed at the HTTP layer: the real client path (the harness's node:http wire, fetch) runs offline. */
export interface NockReplay {
  /** How many recorded requests have been answered. */
  readonly served: number;
  /** Throws NotRecordedError unless every recorded request was sent. */
  done(): void;
  /** Removes the interceptors and restores net connect; idempotent. */
  stop(): void;
  /** The first NotRecordedError raised while replaying, if any. */
  readonly error?: NotRecordedError;
}

/** Request headers the ApiClient sets; the HTTP client's own (user-agent, accept-encoding, host, …) are not compared. */
const CLIENT_HEADERS = ['accept', 'content-type', 'vmware-api-session-id', 'authorization'];
/** nock intercepts one method per interceptor: these and any method the cassette recorded. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The test of the replay in progress: two would both claim every host. */
let activeTest: string | undefined;

type Headers = Record<string, string | string[] | number | undefined>;

/**
 * Intercepts every request to `origin` (e.g. 'https://vcsa.lab.example' or 'http://127.0.0.1:4321') with nock
 * and answers it from the cassette, in order, using createReplay's matching. While active, no request to any
 * host reaches the network.
 */
export function replayWithNock(origin: string, cassette: Cassette): NockReplay {
  const where = `${cassette.test}${cassette.file ? ` in ${cassette.file}` : ''}`;
  if (activeTest !== undefined) {
    throw new Error(`[vcconform] Failed to replay ${where} with nock: the replay of ${activeTest} is still active. Call its stop() first.`);
  }
  const replay = createReplay(cassette);
  const compared = new Set([
    ...CLIENT_HEADERS,
    ...cassette.exchanges.flatMap((e) => Object.keys(e.request.headers).map((h) => h.toLowerCase())),
  ]);
  const methods = new Set([...METHODS, ...cassette.exchanges.map((e) => e.request.method.toUpperCase())]);
  const hadMocks = nock.activeMocks().length > 0;
  const wasActive = nock.isActive();
  let error: NotRecordedError | undefined;
  let sessions = 0;
  const fail = (e: unknown): never => {
    if (e instanceof NotRecordedError) error ??= e;
    throw e;
  };

  const interceptors = interceptEverything(origin, methods, {
    async answer(method, path, headers, sent) {
      // On the wire an empty body and none look alike: take the one the next recorded request has.
      const body = sent || (cassette.exchanges[replay.served]?.request.body === '' ? '' : undefined);
      const response = await replay.transport({ method, url: path, headers: relevant(headers, compared), body }).catch(fail);
      // A recorded session id is a placeholder; the client gets a fresh stand-in shaped like a vCenter's (32 hex
      // digits), which it learns and redacts like a real one, and which tests deriving inputs from it see as recorded.
      const text = response.text.replace(/<redacted:session-id>/g, () => standIn(++sessions));
      return [response.status, text, replyHeaders(method, response.headers, text)];
    },
    refuse: (method, path, host) =>
      fail(
        new NotRecordedError(
          `[vcconform] not recorded: ${method} ${path} on ${host} (the cassette of ${where} is ` +
            `replayed for ${origin} only; requests to other hosts are never recorded)`,
        ),
      ),
  });
  if (!wasActive) nock.activate();
  nock.disableNetConnect();
  activeTest = where;

  let stopped = false;
  return {
    get served() {
      return replay.served;
    },
    get error() {
      return error;
    },
    done: () => replay.done(),
    stop() {
      if (stopped) return;
      stopped = true;
      activeTest = undefined;
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      // removeInterceptor leaves each scope's key behind, and an empty catch-all key would shadow later
      // scopes (nock answers "No match" from it); cleanAll drops the keys when no one else has mocks.
      if (!hadMocks && nock.activeMocks().length === 0) nock.cleanAll();
      nock.enableNetConnect();
      if (!wasActive) nock.restore();
    },
  };
}

type Reply = [status: number, body: string, headers: Record<string, string>];
interface Handlers {
  answer(method: string, path: string, headers: Headers, body: string): Promise<Reply>;
  refuse(method: string, path: string, host: string): never;
}

/**
 * Persistent interceptors, one per method: `answer` for `origin`, `refuse` for any other host. The origin's
 * scope is registered first, so nock consults it before the catch-all. A rejected reply function makes nock
 * destroy the request with that error, as `replyWithError` does: the client call fails, no status is made up.
 */
function interceptEverything(origin: string, methods: Iterable<string>, { answer, refuse }: Handlers): nock.Interceptor[] {
  // The scope's 'request' event carries the body as sent; a reply function gets it JSON-parsed.
  const bodies = new WeakMap<ClientRequest, string>();
  const sentType = new WeakMap<ClientRequest, string>();
  const keepBody = (req: ClientRequest, _interceptor: unknown, body: string) => {
    bodies.set(req, body);
    // nock JSON-parses a JSON-typed body before calling the reply function, and a malformed one (which the
    // invalid-input suites send on purpose) would fail there: it is shown to nock as text, compared as sent.
    const headers = (req as unknown as { headers: Headers }).headers;
    const type = headers['content-type'];
    if (typeof type === 'string' && /json/i.test(type) && body !== '' && !parsesAsJson(body)) {
      sentType.set(req, type);
      headers['content-type'] = 'text/plain';
    }
  };
  const recorded = nock(origin).persist().on('request', keepBody);
  const elsewhere = nock(/.*/).persist().on('request', keepBody);
  const interceptors: nock.Interceptor[] = [];
  for (const method of methods) {
    const ours = recorded.intercept(() => true, method);
    ours.reply(async function (path) {
      const type = sentType.get(this.req);
      return answer(
        method,
        path,
        { ...(this.req.headers as Headers), ...(type !== undefined && { 'content-type': type }) },
        bodies.get(this.req) ?? '',
      );
    });
    const theirs = elsewhere.intercept(() => true, method);
    theirs.reply(async function (path) {
      return refuse(method, path, String((this.req.headers as Headers).host ?? 'another host'));
    });
    interceptors.push(ours, theirs);
  }
  return interceptors;
}

/** The request headers the replay compares, lower-case, one string each. */
function relevant(headers: Headers, names: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (value !== undefined && names.has(key)) out[key] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/**
 * The recorded response headers, framed for the replayed body: it is the recorded (redacted, decoded) text, so
 * `content-length` is its own byte length and a recorded `content-encoding` no longer applies.
 */
function replyHeaders(method: string, recorded: Record<string, string>, text: string): Record<string, string> {
  const headers = Object.fromEntries(Object.entries(recorded).filter(([name]) => name.toLowerCase() !== 'content-encoding'));
  for (const name of Object.keys(headers)) {
    // A HEAD answer keeps the length of the body it did not send.
    if (name.toLowerCase() === 'content-length' && method !== 'HEAD') headers[name] = String(Buffer.byteLength(text));
  }
  return headers;
}

/** The n-th stand-in session id of a replay: 32 hex digits, as vCenter's (and the mock's) are. */
export function standIn(n: number): string {
  return createHash('sha256').update(`vcconform-replayed-session-${n}`).digest('hex').slice(0, 32);
}
