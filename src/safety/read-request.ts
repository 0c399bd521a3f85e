import { validatorFor, type Operation } from '../../specs/index';
import { withoutNulls } from '../util/without-nulls';
import { routeRequest } from '../catalogue/catalogue-routes';
import type { RouteMatch } from '../catalogue/router';

const SESSION_HEADER = 'vmware-api-session-id';

/** The parts of an outgoing request the classifier reads: method, path, catalogue match, session ids. */
export interface RequestReading {
  /** Upper-cased, as fetch and Playwright put it on the wire for GET, HEAD, POST, DELETE. */
  method: string;
  /** Path and query as sent, without the origin. */
  pathAndQuery: string;
  path: string;
  /** The catalogued operation the request reaches, as the mock routes it; undefined for probes. */
  match?: RouteMatch;
  /** Every session id a server could read from the request (see sessionIdsOf). */
  sessionIds: string[];
}

/** Reads an outgoing request once; never throws, whatever the URL. */
export function readRequest(request: { method: string; url: string; headers: Record<string, string> }): RequestReading {
  let url: URL;
  try {
    url = new URL(request.url, 'http://unparsed.invalid');
  } catch {
    return {
      method: request.method.toUpperCase(),
      pathAndQuery: request.url,
      path: request.url,
      sessionIds: sessionIdsOf(request.headers),
    };
  }
  const method = request.method.toUpperCase();
  // A repeated action or vmw-task could reach either operation on the server: match none (a probe).
  const ambiguous = ['action', 'vmw-task'].some((key) => url.searchParams.getAll(key).length > 1);
  const query = Object.fromEntries(url.searchParams);
  const match = ambiguous ? undefined : routeRequest(method, url.pathname, query);
  return {
    method,
    pathAndQuery: url.pathname + url.search,
    path: url.pathname,
    ...(match && { match }),
    sessionIds: sessionIdsOf(request.headers),
  };
}

/**
 * Session ids in `vmware-api-session-id` headers of any letter case, each value whole and split at
 * commas: a server may read any of them, and safety must hold for every reading.
 */
export function sessionIdsOf(headers: Record<string, string>): string[] {
  const values = Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === SESSION_HEADER)
    .map(([, value]) => value);
  const candidates = values.flatMap((value) => [value, ...value.split(',')]).map((id) => id.trim());
  return [...new Set(candidates.filter((id) => id !== ''))];
}

/** The ids following each `clusters` segment of a path (how probes outside the catalogue name a cluster). */
export function clusterSegments(path: string): string[] {
  const segments = path.split('/');
  const ids = segments.flatMap((segment, i) => (segment === 'clusters' && segments[i + 1] ? [decode(segments[i + 1]!)] : []));
  return [...new Set(ids)];
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The request body as the operation's schema judges it: parsed, or why a vCenter refuses it. */
export type BodyReading = { ok: true; value: unknown } | { ok: false; why: string };

/**
 * Judges the body as the mock does (src/mock/app.ts: required, JSON, `validatorFor(request.schema)`),
 * with one difference: properties set to `null` are dropped first. The spec says optional
 * properties may be "missing or `null`" (StageSpec.commit, UpgradeSpec.ignore_precheck_warnings),
 * so a vCenter acts on such a body although the schema, which has no `null` type, rejects it.
 */
export function readBody(op: Operation, body: string | undefined): BodyReading {
  const spec = op.request;
  if (!spec) return { ok: true, value: undefined };
  if (body === undefined || body.trim() === '') {
    return spec.required ? { ok: false, why: `the body is missing and ${spec.schema} is required` } : { ok: true, value: undefined };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, why: 'the body is not JSON' };
  }
  const validate = validatorFor(spec.schema);
  if (validate(withoutNulls(value))) return { ok: true, value };
  const first = validate.errors?.[0];
  return { ok: false, why: `the body does not match ${spec.schema}${first ? ` (at ${first.instancePath || '/'}: ${first.message})` : ''}` };
}

/**
 * Whether safe mode counts a body as one the operation refuses before acting (readBody): it breaks the schema even with
 * every null read as unset. A generated invalid body that breaks it only by a null is left out of a safe run.
 */
export function refusedBeforeActing(op: Operation, body: unknown): boolean {
  return !readBody(op, JSON.stringify(body)).ok;
}
