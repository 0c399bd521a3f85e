import type { Operation } from '../../specs/catalogue-types';
import { isObject } from '../util/is-object';

export interface Route {
  operation: Operation;
  pattern: RegExp;
  paramNames: string[];
  /** The query keys the operation's path key fixes (`action`, `vmw-task`, `image`, …). */
  fixed: string[];
}

export interface RouteMatch {
  operation: Operation;
  params: Record<string, string>;
}

/** Compiles a catalogue path template (`/api/cis/tasks/{task}`) to a regex with named segments. */
export function compileRoute(operation: Operation): Route {
  const paramNames: string[] = [];
  const source = operation.path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
      paramNames.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { operation, pattern: new RegExp(`^${source}$`), paramNames, fixed: Object.keys(operation.query) };
}

/** An absolute path of RFC 3986 §3.3 characters: unreserved, sub-delims, `:`, `@`, `/` and %-escapes. */
const ABSOLUTE_PATH = /^\/(?:[\w\-.~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * Whether a request path is one the router can match: an RFC 3986 absolute path whose %-escapes
 * decode as UTF-8. Anything else (`*`, `host:443`, `//[`, `/a%ZZ`) is a malformed request, not an
 * unknown route. Paths are otherwise matched exactly: `//x/api/session` is not `/api/session`.
 */
export function isServablePath(path: string): boolean {
  if (!ABSOLUTE_PATH.test(path)) return false;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Routes on method + path + the query the spec's path key fixes: a request matches an operation
 * when it carries every fixed query value (`?with-removed-components` is the bare key), and
 * `action` and `vmw-task` exactly as the key fixes them (absent if it fixes none). Of several
 * matches the one fixing the most wins: `GET …/software?image=default` is not `GET …/software`.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string, query: Record<string, string>): RouteMatch | undefined {
  for (const route of mostFixedFirst(routes)) {
    const op = route.operation;
    if (op.method !== method) continue;
    if (query.action !== op.query.action || query['vmw-task'] !== op.query['vmw-task']) continue;
    if (!route.fixed.every((k) => query[k] === op.query[k])) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    try {
      return { operation: op, params: Object.fromEntries(route.paramNames.map((name, i) => [name, decodeURIComponent(m[i + 1]!)])) };
    } catch {
      // a malformed %-escape names no resource: unmatched
    }
  }
  return undefined;
}

const ordered = new WeakMap<readonly Route[], readonly Route[]>();

/** The routes, those fixing more query keys first (stably), so the first match is the most specific; sorted once per list. */
function mostFixedFirst(routes: readonly Route[]): readonly Route[] {
  let sorted = ordered.get(routes);
  if (!sorted) {
    sorted = routes
      .map((r, i) => [r, i] as const)
      .sort(([a, i], [b, j]) => b.fixed.length - a.fixed.length || i - j)
      .map(([r]) => r);
    ordered.set(routes, sorted);
  }
  return sorted;
}

/**
 * The cluster ids a catalogued request names: its `cluster` path parameter, or upgradeMultiple's keys. The
 * mock journals them (the state-change proof) and the safety guard confines state-changing requests to them.
 */
export function clustersNamed(match: RouteMatch, body: unknown): string[] {
  const fromPath = match.params.cluster;
  if (fromPath !== undefined) return [fromPath];
  if (match.operation.id === 'clusters.upgradeMultiple' && isObject(body)) return Object.keys(body);
  return [];
}
