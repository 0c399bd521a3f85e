import { operations, type Operation } from '../../specs/index';
import { idSites, type IdSite } from './id-sites';

/** A read whose answer holds identifiers of a resource type, and where. */
export interface Producer {
  operation: Operation;
  site: IdSite;
}

/** How one path parameter gets a real id: read `producer` (its own path parameters filled first) and take an id at its site. */
export interface DiscoveryStep {
  param: string;
  resourceType: string;
  producer: Producer;
}

/** The steps that fill an operation's path parameters from the target, in order; or why they cannot be filled. */
export type Discovery = { steps: DiscoveryStep[] } | { gap: string };

/**
 * Reads that produce ids: `GET` operations of the catalogue (read-only, with a session, certified)
 * whose 200 body carries ids at a site. A map's keys and an array's items come before single fields.
 */
export function producersOf(resourceType: string, catalogue: readonly Operation[] = operations): Producer[] {
  const out: Producer[] = [];
  for (const op of catalogue) {
    if (op.method !== 'GET' || op.auth !== 'session' || op.outsideContract !== undefined || !op.success.schema) continue;
    for (const site of idSites(op.success.schema)) if (site.resourceType === resourceType) out.push({ operation: op, site });
  }
  return out;
}

const segments = (path: string) => path.split('/').filter(Boolean);

function sharedPrefix(a: string, b: string): number {
  const x = segments(a);
  const y = segments(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** Whether the site lists objects (a map's keys, an array's items) rather than naming one in a field. */
const lists = (site: IdSite) => site.path.some((s) => s === 'keys' || s === 'items');

/**
 * Fills each path parameter of `op` from a producer whose own path parameters are already filled
 * (by name, from the parameters before it): the producer sharing the longest path prefix with `op`,
 * then one that lists over one that names, then the shorter path, then the catalogue's order. A
 * parameter no read produces is a gap, named with its resource type: never a guessed id.
 */
export function discoveryFor(op: Operation, catalogue: readonly Operation[] = operations): Discovery {
  const steps: DiscoveryStep[] = [];
  for (const param of op.pathParams) {
    const known = new Set(steps.map((s) => s.param));
    const candidates = producersOf(param.resourceType, catalogue).filter(
      (p) => p.operation !== op && p.operation.pathParams.every((q) => known.has(q.name)),
    );
    const best = candidates
      .map((p, i) => ({ p, i }))
      .sort(
        (a, b) =>
          sharedPrefix(b.p.operation.path, op.path) - sharedPrefix(a.p.operation.path, op.path) ||
          Number(lists(b.p.site)) - Number(lists(a.p.site)) ||
          segments(a.p.operation.path).length - segments(b.p.operation.path).length ||
          a.p.site.path.length - b.p.site.path.length ||
          a.i - b.i,
      )[0]?.p;
    if (!best) {
      const under = known.size ? ` under ${[...known].map((k) => `{${k}}`).join(', ')}` : '';
      return { gap: `no read in the catalogue lists ${param.resourceType} ids for {${param.name}}${under}` };
    }
    steps.push({ param: param.name, resourceType: param.resourceType, producer: best });
  }
  return { steps };
}
