import { STATUS_OF } from '../../../specs/error-status';
import type { ErrorType, Operation } from '../../../specs/catalogue-types';
import type { Check } from '../types';
import { issue } from '../issue';
import { errorTypeOf, errorsAt, operationOf } from './operation-facts';

/**
 * For a documented error status, error_type must be one the operation lists at that status. For
 * an undeclared status, error_type must at least sit at the status the /api table gives it (an
 * undeclared error_type is its own finding: §7 "report an undeclared error_type").
 */
export const errorTypeMatchesStatus: Check<Operation> = {
  name: 'error-type-matches-status',
  reason:
    'Each (status, error_type) pair is fixed per operation by the 9.1 spec, ' +
    'and error_type ↔ HTTP status follows the /api table (vcenter-contract.md §7).',
  severity: 'failure',
  select: (e) => (e.exchange.status >= 400 && e.exchange.bodyIsJson ? operationOf(e) : undefined),
  run(op, e) {
    const { status, body } = e.exchange;
    const type = errorTypeOf(body);
    const documented = errorsAt(op, status).flatMap((x) => x.errorTypes);
    if (documented.length) {
      if (type && documented.includes(type as ErrorType)) return [];
      return [
        issue(this, `${op.id} documents other error types at ${status}`, {
          received: String(type),
          documented: documented.join(' | '),
          pointer: '/error_type',
        }),
      ];
    }
    const tableStatus = type ? STATUS_OF[type as ErrorType] : undefined;
    if (tableStatus === status) return [];
    return [
      issue(this, `error_type ${type} does not belong to HTTP ${status}`, {
        received: `${status} ${type}`,
        documented: tableStatus ? `${type} → ${tableStatus}` : 'a Vapi.Std.Errors.Error.Type mapped to this status',
        pointer: '/error_type',
      }),
    ];
  },
};
