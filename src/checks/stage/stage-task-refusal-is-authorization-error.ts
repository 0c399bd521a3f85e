import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isUnprivilegedStage, refusalOf } from './refusal';

/**
 * Advisory: a stage accepted (2xx) for a caller without the privilege and refused through its task.
 * The task's error is free-form in 9.1 and optional even when FAILED, so what it says is not documented.
 */
export const stageTaskRefusalIsAuthorizationError: Check<Evidence> = {
  name: 'stage-task-refusal-is-authorization-error',
  reason:
    'A stage refused through its task (accepted, then FAILED) should carry the promised authorization error (UNAUTHORIZED) ' +
    "as the task's error; but 9.1 types Cis.Task.Info.error as a free-form object, optional even " +
    'when FAILED ("If missing or null the description of why the operation failed will be included in the result"), ' +
    'and what it contains is unspecified, so another error is a warning (vcenter-contract.md §4, §5.1, §8).',
  severity: 'warning',
  select: (e) =>
    isUnprivilegedStage(e) && e.exchange.status >= 200 && e.exchange.status < 300 && refusalOf(e).kind === 'other' ? e : undefined,
  run(e) {
    return [
      issue(this, 'the stage task of an unprivileged user FAILED, but not with an UNAUTHORIZED error', {
        received: refusalOf(e).text,
        documented: 'a task that ends FAILED with an UNAUTHORIZED error',
      }),
    ];
  },
};
