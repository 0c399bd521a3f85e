import type { Operation } from '../../../specs/catalogue-types';
import { schemaFor } from '../../../specs/index';
import { flattenOnce } from '../../generators/flatten';
import { unauthorized } from '../handlers/auth';
import type { Handler } from '../types';
import { builtBody } from './bodies';
import { documents, missingPrivilege, unknownParam } from './refusals';
import { paramPlaces, scopeFor } from './scope';
import { startTask } from './task-start';

/**
 * The handler of every catalogued operation without a hand-written one, driven by the catalogue
 * alone: path parameters must name objects of the store (else 404), then privileges (403 where
 * documented); then a task starts, a GET answers a built body, a DELETE of an object removes it, a
 * create adds one, and any other write answers its documented success.
 */
export const genericHandler: Handler = (request, context) => {
  const { operation: op, params } = request;
  const { state } = context;
  const unknown = unknownParam(op, params, state);
  if (unknown) return unknown;
  const lacking = request.user && missingPrivilege(op, request.user, params.cluster, state);
  if (lacking !== undefined && documents(op, 403)) return unauthorized();
  if (op.task && op.query['vmw-task'] === 'true') return startTask(request, context, lacking);
  if (op.method === 'DELETE' && namesObject(op)) {
    const place = paramPlaces(op).at(-1)!;
    state.objects.remove(place.type, scopeFor(place.type, params, place.scopeNames), params[place.name]!);
    return { status: op.success.status };
  }
  const created = createdType(op);
  if (created !== undefined) {
    const names = op.pathParams.map((p) => p.name);
    return { status: op.success.status, body: state.objects.add(created, scopeFor(created, params, names)) };
  }
  const schema = op.success.schema;
  return schema ? { status: op.success.status, body: builtBody(op, schema, params, context) } : { status: op.success.status };
};

/** Whether the path ends in a parameter: `…/drafts/{draft}` names the object a DELETE removes, `…/add-on` does not. */
const namesObject = (op: Operation): boolean => /\/\{\w+\}$/.test(op.path);

const creates = new Map<Operation, string | undefined>();

/** The resource type a POST creates: its success body is an id at the root (drafts.create, datacenter.create). */
function createdType(op: Operation): string | undefined {
  if (op.method !== 'POST' || !op.success.schema) return undefined;
  if (!creates.has(op)) {
    const flat = flattenOnce(schemaFor(op.success.schema), `${op.success.schema}#`, schemaFor);
    creates.set(op, flat.type === 'string' ? flat.resourceType : undefined);
  }
  return creates.get(op);
}
