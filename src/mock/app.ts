import type { Operation } from '../../specs/catalogue-types';
import { validatorFor } from '../../specs/index';
import { vapiError } from './errors';
import { faultApplies, type Fault } from './faults/fault';
import type { Journal } from './journal';
import { routeRequest } from '../catalogue/catalogue-routes';
import { clustersNamed, isServablePath } from '../catalogue/router';
import type { Handler, HandlerContext, MockRequest, MockResponse, RoutedRequest } from './types';
import { unauthenticated } from './handlers/auth';
import { optionalNullsUnset } from './optional-nulls';
import { wallTimes } from './clock';
import { valueAt } from '../generators/json-pointer';

export interface AppOptions {
  context: HandlerContext;
  journal: Journal;
  handlers: Readonly<Record<string, Handler>>;
  /** The fault switches in force, read on every request (they can change at run time). */
  faults: () => readonly Fault[];
  /**
   * Bind a `uniqueItems` array to a set, dropping duplicates, as a vAPI runtime may (a conforming
   * variant); by default a duplicate is refused with 400 INVALID_ARGUMENT. The docs allow both.
   */
  bindSets?: boolean;
}

/** The parsed, schema-valid body (optional nulls read as unset), or the vAPI error refusing it. */
type Parsed = { ok: true; body: unknown } | { ok: false; refusal: MockResponse };

function parseBody(request: MockRequest, operation: Operation, bindSets: boolean): Parsed {
  const spec = operation.request;
  const refuse = (text: string): Parsed => ({ ok: false, refusal: vapiError('INVALID_ARGUMENT', text) });
  if (!spec) return { ok: true, body: undefined };
  if (request.rawBody.trim() === '') {
    return spec.required ? refuse(`Missing request body: ${spec.schema} is required.`) : { ok: true, body: undefined };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch (e) {
    return refuse(`The request body is not valid JSON: ${(e as Error).message}`);
  }
  // "missing or null" means unset (vcenter-contract.md §1): an optional property's null is dropped; a required one's is refused below.
  body = optionalNullsUnset(spec.schema, body).value;
  const validate = validatorFor(spec.schema);
  if (!validate(body) && bindSets && validate.errors?.every((e) => e.keyword === 'uniqueItems')) {
    body = withoutDuplicates(
      body,
      validate.errors.map((e) => e.instancePath),
    );
    validate(body);
  }
  if (validate.errors?.length) {
    const why = (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
      .join('; ');
    return refuse(`The request body does not match ${spec.schema}: ${why}`);
  }
  return { ok: true, body };
}

/** A copy of `body` where each array at `pointers` keeps the first of equal items. */
function withoutDuplicates(body: unknown, pointers: readonly string[]): unknown {
  const copy = structuredClone(body);
  for (const pointer of pointers) {
    const array = valueAt(copy, pointer);
    if (!Array.isArray(array)) continue;
    const seen = new Set<string>();
    const kept = array.filter((item) => {
      const key = JSON.stringify(item);
      return !seen.has(key) && seen.add(key);
    });
    array.splice(0, array.length, ...kept);
  }
  return copy;
}

/** The mock's core: a pure-ish Request → Response function; the socket is an adapter (server.ts). */
export function createApp(options: AppOptions): (request: MockRequest) => Promise<MockResponse> {
  const { context, journal } = options;
  return async (request) => {
    const unrouted = (response: MockResponse) => {
      journal.record({ method: request.method, path: request.path, query: request.query, status: response.status, faults: [] });
      return response;
    };
    if (!isServablePath(request.path)) return unrouted(badTarget(request.path));
    const match = routeRequest(request.method, request.path, request.query);
    if (!match)
      return unrouted(vapiError('NOT_FOUND', `No operation is served at ${request.method} ${request.path}${queryText(request.query)}.`));
    const active = options.faults().filter((f) => faultApplies(f, match.operation.id));
    let routed: RoutedRequest = { ...request, operation: match.operation, params: match.params, body: undefined };
    let response: MockResponse | undefined;
    if (match.operation.auth === 'session') {
      const sessionId = request.headers['vmware-api-session-id'];
      const session = sessionId ? context.state.useSession(sessionId) : undefined;
      if (session) routed = { ...routed, user: session.user, sessionId };
      else if (active.some((f) => f.servesWithoutSession)) routed = { ...routed, user: context.state.administrator() };
      else response = unauthenticated();
    }
    if (!response) {
      const parsed = parseBody(request, match.operation, options.bindSets ?? false);
      if (parsed.ok) routed = { ...routed, body: parsed.body };
      else response = parsed.refusal;
    }
    for (const fault of active) {
      if (response || !fault.before) continue;
      const out = fault.before(routed, context);
      if ('status' in out) response = out;
      else routed = out;
    }
    response ??= options.handlers[match.operation.id]!(routed, context);
    // Timestamps are shown on the wall clock: never later than this answer, whatever the time scale. Faults then
    // break what a server shows (an end before its start is a second before, as shown).
    if (response.body !== undefined) response = { ...response, body: wallTimes(response.body, context.clock) };
    for (const fault of active) if (fault.after) response = fault.after(routed, response, context);
    const latency = active.reduce((sum, f) => sum + (f.latencyMs ?? 0), 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency)); // a simulated slow server, not a test wait
    journal.record({
      method: request.method,
      path: request.path,
      query: request.query,
      operation: match.operation.id,
      user: routed.user?.username,
      status: response.status,
      faults: active.map((f) => f.name),
      ...clustersOf(routed),
    });
    return response;
  };
}

/** 400 INVALID_REQUEST for a request target that names no path (RFC 9112 §3.2): never a 5xx, never routed. */
function badTarget(path: string): MockResponse {
  return vapiError(
    'INVALID_REQUEST',
    `[vcconform] Failed to read the request target ${JSON.stringify(path.slice(0, 200))}: ` +
      'it is not an absolute path with well-formed %-escapes, nor an http(s) ' +
      'URL. Send the origin-form path, e.g. /api/session, percent-encoding reserved characters.',
  );
}

function queryText(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : '';
}

/** The journal's `clusters` of a request, when it names any. */
function clustersOf(request: RoutedRequest): { clusters?: string[] } {
  const ids = clustersNamed(request, request.body);
  return ids.length ? { clusters: ids } : {};
}
