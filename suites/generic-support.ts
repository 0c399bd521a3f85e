import {
  discoveryFor,
  fc,
  fillParams,
  resourceIdArbitrary,
  sends,
  type Filled,
  type ApiClient,
  type Exchange,
  type Operation,
} from '../fixtures/test';

/** What the generic suite knows of an operation before it sends it: its parameters and the reads that found them. */
export type Discovered = (Filled & { reads: Exchange[] }) | { skip: string; reads: Exchange[] };

/** The reads that fill `op`'s path parameters (discoveryFor), in order, each once. */
export function readsFilling(op: Operation): string[] {
  const d = discoveryFor(op);
  return 'gap' in d ? [] : [...new Set(d.steps.map((s) => s.producer.operation.id))];
}

/** Fills `op`'s path parameters from what the target lists, as the administrator (fillParams: producer → consumer). */
export async function discover(
  api: ApiClient,
  session: string,
  op: Operation,
  allowed?: (resourceType: string, id: string) => boolean,
): Promise<Discovered> {
  const { filled, skip, reads } = await fillParams(op, (id, params) => api.call(id, { params, session }), allowed);
  return filled ? { ...filled, reads } : { skip: skip!, reads };
}

/** Path parameters shaped like real ids of their resource types (for a request refused before any id is looked at). */
export function generatedParams(op: Operation, seed: number): Record<string, string> {
  return Object.fromEntries(op.pathParams.map((p) => [p.name, fc.sample(resourceIdArbitrary(p.resourceType), { numRuns: 1, seed })[0]!]));
}

/** The login, the producer reads and the operation as `cls` (reads are read-only whatever is asked). */
export function planFor(op: Operation, cls: 'read-only' | 'expected-rejected' | 'state-changing', more: string[] = []) {
  const reads = ['session.create', ...readsFilling(op), ...more];
  const as = op.class === 'state-changing' ? cls : 'read-only';
  return as === 'read-only'
    ? sends({ 'read-only': [...new Set([...reads, op.id])] })
    : sends({ 'read-only': [...new Set(reads)], [as]: [op.id] });
}
