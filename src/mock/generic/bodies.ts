import type { Operation } from '../../../specs/catalogue-types';
import type { HandlerContext } from '../types';
import { buildValue, type BuildContext } from './build-value';
import { scopeFor } from './scope';
import type { ObjectStore } from './store';

/** Built answers per store, valid while its version stays the same (a create or delete drops them all). */
const caches = new WeakMap<ObjectStore, { version: number; bodies: Map<string, unknown> }>();

/** What an answer of `op` may name: ids in the scope its path parameters give, and the clock's time. */
function buildContext(op: Operation, params: Readonly<Record<string, string>>, { state, clock }: HandlerContext): BuildContext {
  const names = op.pathParams.map((p) => p.name);
  return {
    ids: (type) => state.objects.ids(type, scopeFor(type, params, names)),
    now: new Date(clock.now()).toISOString(),
  };
}

/**
 * The value of `schemaId` that `op` answers with for these path parameters: built once (buildValue)
 * and handed out again until the store changes. Callers never edit it: the mock shows a copy (wallTimes).
 */
export function builtBody(op: Operation, schemaId: string, params: Readonly<Record<string, string>>, context: HandlerContext): unknown {
  const store = context.state.objects;
  let cache = caches.get(store);
  if (!cache || cache.version !== store.version) {
    cache = { version: store.version, bodies: new Map() };
    caches.set(store, cache);
  }
  const key = [op.id, schemaId, ...op.pathParams.map((p) => params[p.name])].join('\u0000');
  if (!cache.bodies.has(key)) cache.bodies.set(key, buildValue(schemaId, buildContext(op, params, context)));
  return cache.bodies.get(key);
}
