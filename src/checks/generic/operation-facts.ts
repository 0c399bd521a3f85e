import { operation as operationById } from '../../../specs/index';
import type { DocumentedError, Operation } from '../../../specs/catalogue-types';
import type { Evidence } from '../types';

/** The catalogued operation the evidence is about, if it names one. */
export function operationOf(e: Evidence): Operation | undefined {
  return e.exchange.operation ? operationById(e.exchange.operation) : undefined;
}

/** Every status the operation documents (success first). */
export function documentedStatuses(op: Operation): number[] {
  return [...new Set([op.success.status, ...op.errors.map((x) => x.status)])];
}

/** The documented errors at one status. */
export function errorsAt(op: Operation, status: number): DocumentedError[] {
  return op.errors.filter((x) => x.status === status);
}

export { errorTypeOf } from '../../util/error-type';

/** Whether the operation declares a 403 at all (stage does not, vcenter-contract.md §4). */
export function declares403(op: Operation): boolean {
  return op.errors.some((x) => x.status === 403);
}
