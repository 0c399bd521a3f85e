import { validatorFor } from '../../../specs/index';
import type { Check } from '../types';
import { issue, show } from '../issue';
import { isObject, pointerTo, resOf, batchOf, type Batch } from './batch';

/**
 * Advisory. The rule (`type: object`) is judged by body-matches-schema; this check adds the SDK
 * 8.0U2 typing: the exception of a REJECTED Result is a Vapi.Std.Errors.Error. `{}`, as the 7.0
 * reference and the seed page show, is an object but not a std error: a warning, never a failure.
 */
export const rejectedExceptionIsAnObject: Check<Batch> = {
  name: 'rejected-exception-is-an-object',
  reason:
    "A REJECTED Result's exception is an object (9.1: `type: object`), and the SDK 8.0U2 " +
    'bindings type it as a Vapi.Std.Errors.Error; its std-error shape is advice only, ' +
    'since 9.1 leaves the object free-form, the 7.0 reference shows `{}` and the contract leaves ' +
    'what it contains beyond "an object" unspecified (vcenter-contract.md §3.2 note, §6, §8).',
  severity: 'warning',
  select: batchOf,
  run({ results }) {
    const validate = validatorFor('Vapi.Std.Errors.Error');
    return Object.entries(results).flatMap(([id, result]) => {
      if (resOf(result) !== 'REJECTED' || !isObject(result) || result.exception === undefined || result.exception === null) return [];
      const exception = result.exception;
      if (isObject(exception) && validate(exception)) return [];
      const why = isObject(exception)
        ? `is not a std error (${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message ?? ''})`
        : 'is not an object';
      return [
        issue(this, `the exception of REJECTED cluster ${id} ${why}`, {
          received: show(exception, 160),
          documented: 'an object shaped as Vapi.Std.Errors.Error {error_type, messages[, data]}',
          pointer: pointerTo(id, 'exception'),
        }),
      ];
    });
  },
};
