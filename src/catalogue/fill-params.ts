import type { Operation } from '../../specs/catalogue-types';
import { errorTypeOf } from '../util/error-type';
import { discoveryFor, type DiscoveryStep } from './discovery';
import { idsAt } from './id-sites';

/** An answer as the walk reads it (an Exchange is one). */
export interface Answer {
  status: number;
  body?: unknown;
}

/** Reads a catalogued operation with these path parameters. */
export type Read<A extends Answer> = (operationId: string, params: Record<string, string>) => Promise<A>;

/** An operation's path parameters filled from the target, with what the reads that filled them listed. */
export interface Filled {
  params: Record<string, string>;
  /** Every id each producer listed, by parameter: what an unknown id must not be. */
  listed: Record<string, string[]>;
  /** Whether the producer enumerates the parameter's objects (map keys, array items), not just names one in a field. */
  enumerated: Record<string, boolean>;
  /** The collection read that listed each parameter's object, where the path names it as a member of it (`…/drafts/{draft}`). */
  collections: Record<string, string>;
}

/** How many of the ids a producer lists are tried, each, before a parameter is given up (a cluster without drafts, say). */
export const TRIES = 3;

/**
 * Fills `op`'s path parameters from what the target lists (producer → consumer, discoveryFor): each producer is read with the
 * parameters found before it. Where a later read fails or lists nothing for an id (a baseline-managed cluster has no drafts: its
 * drafts read answers the documented 404), the next listed id is tried, up to TRIES of them. A parameter no read produces, or
 * whose reads fail for every id tried, is a skip naming the first read that failed: never a guessed id. `allowed` keeps ids the run
 * may not use (a live run's mutation allowlist). Every read made is in `reads`.
 */
export async function fillParams<A extends Answer>(
  op: Operation,
  read: Read<A>,
  allowed: (resourceType: string, id: string) => boolean = () => true,
): Promise<{ filled?: Filled; skip?: string; reads: A[] }> {
  const d = discoveryFor(op);
  const reads: A[] = [];
  if ('gap' in d) return { skip: `not discoverable: ${d.gap}`, reads };
  const walk = async (i: number, filled: Filled): Promise<Filled | string> => {
    const step = d.steps[i];
    if (!step) return filled;
    const producer = step.producer.operation;
    const answer = await read(producer.id, Object.fromEntries(producer.pathParams.map((p) => [p.name, filled.params[p.name]!])));
    reads.push(answer);
    if (answer.status !== 200) {
      const type = errorTypeOf(answer.body);
      return `${producer.id} answered ${answer.status}${type ? ` ${type}` : ''}, so no {${step.param}} to use`;
    }
    const ids = idsAt(answer.body, step.producer.site);
    const usable = ids.filter((id) => allowed(step.resourceType, id));
    if (usable.length === 0) {
      const which = ids.length ? ' the run may change (mutation allowlist)' : '';
      return `${producer.id} lists no ${step.resourceType}${which} for {${step.param}}`;
    }
    let first: string | undefined;
    for (const id of usable.slice(0, TRIES)) {
      const next = await walk(i + 1, withStep(filled, step, id, ids, op));
      if (typeof next !== 'string') return next;
      first ??= next;
    }
    return first!;
  };
  const result = await walk(0, { params: {}, listed: {}, enumerated: {}, collections: {} });
  return typeof result === 'string' ? { skip: result, reads } : { filled: result, reads };
}

function withStep(filled: Filled, step: DiscoveryStep, id: string, ids: string[], op: Operation): Filled {
  const producer = step.producer.operation;
  const enumerated = step.producer.site.path.some((s) => s === 'keys' || s === 'items');
  // `GET …/drafts` lists what `GET …/drafts/{draft}` reads; not what `…/drafts/{draft}/software/add-on` reads (a draft may have none),
  // nor `GET /vcenter/cluster` what `…/clusters/{cluster}/software` reads (a cluster may have no desired-state document).
  const member = enumerated && op.path === `${producer.path}/{${step.param}}`;
  return {
    params: { ...filled.params, [step.param]: id },
    listed: { ...filled.listed, [step.param]: ids },
    enumerated: { ...filled.enumerated, [step.param]: enumerated },
    collections: member ? { ...filled.collections, [step.param]: producer.id } : filled.collections,
  };
}
