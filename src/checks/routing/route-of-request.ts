import type { Operation } from '../../../specs/catalogue-types';
import { routeRequest } from '../../catalogue/catalogue-routes';
import type { Evidence, RecordedRequest } from '../types';

/** The catalogued operation whose path key the request matches: method + path + the key's fixed query (vcenter-contract.md §1). */
export function routeOf(request: RecordedRequest): Operation | undefined {
  const url = new URL(request.url, 'http://target');
  return routeRequest(request.method.toUpperCase(), url.pathname, Object.fromEntries(url.searchParams))?.operation;
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
