import type { Operation } from '../../../specs/index';
import type { Check } from '../types';
import { issue } from '../issue';
import { declares403, documentedStatuses, operationOf } from './operation-facts';

/**
 * Applies to requests whose outcome the documentation fixes: valid calls, documented error
 * conditions, unauthenticated calls where a 401 is declared, and unprivileged calls where a 403 is declared. Invalid
 * input and probes have their own checks; stage's undeclared refusal is judged elsewhere.
 */
export const statusIsDocumented: Check<Operation> = {
  name: 'status-is-documented',
  reason: 'Each operation fixes its own response codes (vcenter-contract.md §7); a status it does not declare is a contract failure.',
  severity: 'failure',
  select(e) {
    const op = operationOf(e);
    if (!op) return undefined;
    // A call without a session is refused with 401 by every session operation (§2, §6: unauthenticated-is-401), also where an
    // operation's own entry leaves 401 out (drafts.importSoftwareSpec, recommendations.get): there 401 is no undocumented status.
    const fixed =
      e.intent.kind === 'valid' ||
      e.intent.kind === 'documented-error' ||
      (e.intent.kind === 'unauthenticated' && documentedStatuses(op).includes(401)) ||
      (e.intent.kind === 'unprivileged' && declares403(op));
    return fixed ? op : undefined;
  },
  run(op, e) {
    const documented = documentedStatuses(op);
    if (documented.includes(e.exchange.status)) return [];
    return [
      issue(this, `${op.id} answered a status it does not document`, {
        received: String(e.exchange.status),
        documented: documented.join(', '),
      }),
    ];
  },
};
