import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isUnprivilegedStage } from './refusal';

/**
 * A refusal answered on the call itself (non-2xx): its status is open (stage declares no 403), its
 * kind is not — the error is Vapi.Std.Errors.Unauthorized. A wrong status for that error type is
 * error-type-matches-status's; a refusal through a FAILED task is stage-task-refusal-is-authorization-error's.
 */
export const stageRefusalIsAuthorizationError: Check<Evidence> = {
  name: 'stage-refusal-is-authorization-error',
  reason:
    'stage "Returns an authorization error if you do not have all of the privileges" ' +
    '(VcIntegrity.lifecycleSoftwareRemediation.Write), and that error is Vapi.Std.Errors.Unauthorized ' +
    '("the user … does not have the required privileges"): a stage refused ' +
    'on the call for such a caller carries error_type UNAUTHORIZED, whatever the ' +
    'undeclared status (9.1 stage and Unauthorized texts; vcenter-contract.md §4, §6, §8).',
  severity: 'failure',
  select: (e) => (isUnprivilegedStage(e) && (e.exchange.status < 200 || e.exchange.status >= 300) ? e : undefined),
  run(e) {
    const { status, body } = e.exchange;
    const type = errorTypeOf(body);
    if (type === 'UNAUTHORIZED') return [];
    const received = `${status} ${type ?? '(no error_type)'}`;
    return [
      issue(this, `the stage by an unprivileged user was refused with ${received}, not with an authorization error`, {
        received,
        documented: 'error_type UNAUTHORIZED (Vapi.Std.Errors.Unauthorized), e.g. 403 UNAUTHORIZED',
      }),
    ];
  },
};
