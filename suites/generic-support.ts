import {
  discoveryFor,
  errorTypeOf,
  fc,
  idsAt,
  resourceIdArbitrary,
  sends,
  type ApiClient,
  type Exchange,
  type Operation,
} from '../fixtures/test';

/** What the generic suite knows of an operation before it sends it: its parameters and the reads that found them. */
export type Discovered =
  | {
      params: Record<string, string>;
      /** Every id each producer listed, by parameter: what an unknown id must not be. */
      listed: Record<string, string[]>;
      /** Whether the producer enumerates the parameter's objects (map keys, array items), not just names one in a field. */
      enumerated: Record<string, boolean>;
      /** The collection read that listed each parameter's object, where it is the collection the path names it in (`…/drafts`). */
      collections: Record<string, string>;
      reads: Exchange[];
    }
  | { skip: string; reads: Exchange[] };

/** The reads that fill `op`'s path parameters (discoveryFor), in order, each once. */
export function producersOf(op: Operation): string[] {
  const d = discoveryFor(op);
  return 'gap' in d ? [] : [...new Set(d.steps.map((s) => s.producer.operation.id))];
}

/**
 * Fills `op`'s path parameters from what the target lists (producer → consumer): each producer is read with
 * the parameters found before it, and the first id it lists at its site is taken, or the first that `allowed`
 * accepts (a live run's mutation allowlist). A parameter no read produces, a read that fails or lists
 * nothing, is a skip saying which: never a guessed id.
 */
export async function discover(
  api: ApiClient,
  session: string,
  op: Operation,
  allowed: (resourceType: string, id: string) => boolean = () => true,
): Promise<Discovered> {
  const d = discoveryFor(op);
  const reads: Exchange[] = [];
  if ('gap' in d) return { skip: `not discoverable: ${d.gap}`, reads };
  const params: Record<string, string> = {};
  const listed: Record<string, string[]> = {};
  const enumerated: Record<string, boolean> = {};
  const collections: Record<string, string> = {};
  for (const step of d.steps) {
    const producer = step.producer.operation;
    const exchange = await api.call(producer.id, { params: pick(params, producer), session });
    reads.push(exchange);
    if (exchange.status !== 200) {
      const type = errorTypeOf(exchange.body);
      return { skip: `${producer.id} answered ${exchange.status}${type ? ` ${type}` : ''}, so no {${step.param}} to use`, reads };
    }
    const ids = idsAt(exchange.body, step.producer.site);
    const id = ids.find((i) => allowed(step.resourceType, i));
    if (id === undefined) {
      const which = ids.length ? ' the run may change (mutation allowlist)' : '';
      return { skip: `${producer.id} lists no ${step.resourceType}${which} for {${step.param}}`, reads };
    }
    params[step.param] = id;
    listed[step.param] = ids;
    enumerated[step.param] = step.producer.site.path.some((s) => s === 'keys' || s === 'items');
    // `GET …/drafts` lists what `GET …/drafts/{draft}` reads; not what `…/drafts/{draft}/software/add-on` reads (a draft may have none),
    // nor `GET /vcenter/cluster` what `…/clusters/{cluster}/software` reads (a cluster may have no desired-state document).
    if (enumerated[step.param] && op.path === `${producer.path}/{${step.param}}`) collections[step.param] = producer.id;
  }
  return { params, listed, enumerated, collections, reads };
}

function pick(params: Record<string, string>, op: Operation): Record<string, string> {
  return Object.fromEntries(op.pathParams.map((p) => [p.name, params[p.name]!]));
}

/** Path parameters shaped like real ids of their resource types (for a request refused before any id is looked at). */
export function generatedParams(op: Operation, seed: number): Record<string, string> {
  return Object.fromEntries(op.pathParams.map((p) => [p.name, fc.sample(resourceIdArbitrary(p.resourceType), { numRuns: 1, seed })[0]!]));
}

/** The login, the producer reads and the operation as `cls` (reads are read-only whatever is asked). */
export function planFor(op: Operation, cls: 'read-only' | 'expected-rejected' | 'state-changing', more: string[] = []) {
  const reads = ['session.create', ...producersOf(op), ...more];
  const as = op.class === 'state-changing' ? cls : 'read-only';
  return as === 'read-only'
    ? sends({ 'read-only': [...new Set([...reads, op.id])] })
    : sends({ 'read-only': [...new Set(reads)], [as]: [op.id] });
}
