import { operations } from '../../../specs/index';
import type { Operation } from '../../../specs/catalogue-types';
import type { Evidence, RecordedRequest } from '../types';

/** The catalogued operation whose path key the request matches: method + path + exact `action` and `vmw-task` (vcenter-contract.md §1). */
export function routeOf(request: RecordedRequest): Operation | undefined {
  const url = new URL(request.url, 'http://target');
  const action = url.searchParams.get('action') ?? undefined;
  const task = url.searchParams.get('vmw-task') ?? undefined;
  return operations.find(
    (op) =>
      op.method === request.method.toUpperCase() &&
      op.query.action === action &&
      op.query['vmw-task'] === task &&
      new RegExp(
        `^${op.path
          .split('/')
          .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')))
          .join('/')}$`,
      ).test(url.pathname),
  );
}

/**
 * A routing probe: a request the spec does not define, because it matches no path key or leaves
 * out a required body. Other probes (say, an unknown cluster id in a valid request) are not.
 */
export function isRoutingProbe(e: Evidence): boolean {
  if (e.intent.kind !== 'probe') return false;
  const op = routeOf(e.exchange.request);
  return !op || (op.request?.required === true && (e.exchange.request.rawBody ?? '').trim() === '');
}
