import { validatorFor } from '../../../specs/index';
import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { at, hasTask, pollsOf } from './task-polls';

/** Advisory: 9.1 types Info.error as a free-form object, the SDK 8.0U2 bindings as a std error. */
export const taskErrorIsVapiShaped: Check<Evidence> = {
  name: 'task-error-is-vapi-shaped',
  reason:
    'The SDK 8.0U2 bindings type Cis.Task.Info.error as a Vapi.Std.Errors.Error; advisory, ' +
    'since 9.1 makes it a free-form `type: object` and the contract leaves what ' +
    'Info.error contains beyond "an object" unspecified (vcenter-contract.md §5.1, §6, §8).',
  severity: 'warning',
  select: (e) => (hasTask(e) ? e : undefined),
  run(e) {
    const validate = validatorFor('Vapi.Std.Errors.Error');
    return pollsOf(e.task)
      .filter((p) => p.info.error !== undefined && !validate(p.info.error))
      .map((poll) =>
        issue(this, `the task error (poll ${poll.index}) is not a std error: ${validate.errors?.[0]?.message ?? ''}`, {
          received: show(poll.info.error, 160),
          documented: 'Vapi.Std.Errors.Error {error_type, messages[, data]}',
          pointer: at(poll, 'error') + (validate.errors?.[0]?.instancePath ?? ''),
        }),
      );
  },
};
