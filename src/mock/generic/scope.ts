import type { Operation } from '../../../specs/catalogue-types';
import { discoveryFor, producersOf } from '../../catalogue/discovery';
import type { Scope } from './store';

/** The inventory's types: clusters are global, hosts are per cluster where a cluster is named (else all hosts). */
const CLUSTER = 'ClusterComputeResource';
const HOST = 'HostSystem';

const global = new Map<string, boolean>();

/** Whether a type's objects are the same wherever they are named: some read with no path parameters lists them. */
function isGlobal(type: string): boolean {
  let known = global.get(type);
  if (known === undefined) {
    known = type === CLUSTER || producersOf(type).some((p) => p.operation.pathParams.length === 0);
    global.set(type, known);
  }
  return known;
}

/**
 * The scope objects of `type` live in, seen from a request whose path parameters are `params`, of
 * which `names` place the object (the parameters of the read that lists it): `{}` for a global type.
 */
export function scopeFor(type: string, params: Readonly<Record<string, string>>, names: readonly string[]): Scope {
  if (type === HOST) return params.cluster === undefined ? {} : { cluster: params.cluster };
  if (isGlobal(type)) return {};
  const scope: Record<string, string> = {};
  for (const name of names) if (params[name] !== undefined) scope[name] = params[name];
  return scope;
}

/** One path parameter of an operation: its resource type and the parameters that place its object. */
export interface ParamPlace {
  name: string;
  type: string;
  /** The path parameters of the read that lists it (discoveryFor); the earlier parameters when no read does. */
  scopeNames: readonly string[];
}

const places = new Map<Operation, ParamPlace[]>();

/** Where each path parameter of `op` names an object, in path order (computed once per operation). */
export function paramPlaces(op: Operation): ParamPlace[] {
  let known = places.get(op);
  if (!known) {
    const discovery = discoveryFor(op);
    known = op.pathParams.map((p, i) => {
      const step = 'steps' in discovery ? discovery.steps.find((s) => s.param === p.name) : undefined;
      const scopeNames = step ? step.producer.operation.pathParams.map((q) => q.name) : op.pathParams.slice(0, i).map((q) => q.name);
      return { name: p.name, type: p.resourceType, scopeNames };
    });
    places.set(op, known);
  }
  return known;
}
