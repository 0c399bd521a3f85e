import type { ErrorType, Operation } from '../../../specs/catalogue-types';
import { documentsError } from '../../../specs/index';
import { requiredPrivileges } from '../../target/privileges';
import { vapiError } from '../errors';
import type { MockState, User } from '../state';
import type { MockResponse } from '../types';
import { paramPlaces, scopeFor } from './scope';

/** Whether the operation documents an answer with this status. */
export const documents = (op: Operation, status: number): boolean => op.errors.some((e) => e.status === status);

/** The error type for an id that names nothing: the documented 404 NOT_FOUND, else the first documented 400, else NOT_FOUND. */
function notFoundType(op: Operation): ErrorType {
  if (documentsError(op, 404, 'NOT_FOUND')) return 'NOT_FOUND';
  return op.errors.find((e) => e.status === 400)?.errorTypes[0] ?? 'NOT_FOUND';
}

/** The refusal of the first path parameter that names no object in its scope (under the earlier ones); undefined when all do. */
export function unknownParam(op: Operation, params: Readonly<Record<string, string>>, state: MockState): MockResponse | undefined {
  for (const place of paramPlaces(op)) {
    const id = params[place.name] ?? '';
    if (!state.objects.has(place.type, scopeFor(place.type, params, place.scopeNames), id))
      return vapiError(notFoundType(op), `There is no ${place.type} ${JSON.stringify(id)} for {${place.name}} of ${op.path}.`);
  }
  return undefined;
}

const required = new Map<Operation, string[]>();

/** The first privilege the operation requires (on the named cluster, if any) that the user lacks. */
export function missingPrivilege(op: Operation, user: User, cluster: string | undefined, state: MockState): string | undefined {
  let privileges = required.get(op);
  if (!privileges) {
    const { operation, perCluster } = requiredPrivileges(op);
    privileges = [...new Set([...operation, ...perCluster])];
    required.set(op, privileges);
  }
  return privileges.find((p) => !state.can(user, p, cluster));
}
