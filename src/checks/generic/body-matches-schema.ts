import { validatorFor } from '../../../specs/index';
import type { Operation } from '../../../specs/index';
import type { Check } from '../types';
import { issue, show } from '../issue';
import { errorsAt, operationOf } from './operation-facts';
import { withoutNulls } from '../../util/without-nulls';

/** The schema `$id` the response at this status must match, or undefined when it has no body. */
export function schemaForStatus(op: Operation, status: number): string | undefined {
  if (status === op.success.status) return op.success.schema;
  return errorsAt(op, status)[0]?.schema ?? (status >= 400 ? 'Vapi.Std.Errors.Error' : undefined);
}

export const bodyMatchesSchema: Check<Operation> = {
  name: 'body-matches-schema',
  reason:
    'Every response body has the documented shape for its status (9.1 spec response schemas; ' +
    'errors are Vapi.Std.Errors.Error, §6); null on an optional property counts as unset (§1).',
  severity: 'failure',
  select: operationOf,
  run(op, e) {
    const id = schemaForStatus(op, e.exchange.status);
    const { body, text, status } = e.exchange;
    if (!id)
      return text === ''
        ? []
        : [
            issue(this, `a ${status} answer of ${e.exchange.operation} has no documented body, but one was sent`, {
              received: show(text),
              documented: 'no body',
            }),
          ];
    if (text === '') return [issue(this, `the ${status} answer has no body`, { received: '(empty body)', documented: id })];
    if (!e.exchange.bodyIsJson) return [issue(this, 'the body is not JSON', { received: show(text), documented: id })];
    const validate = validatorFor(id);
    if (validate(withoutNulls(body))) return [];
    return (validate.errors ?? []).slice(0, 10).map((err) =>
      issue(this, `the body does not match ${id}: ${err.message}`, {
        received: show(valueAt(body, err.instancePath)),
        documented: `${id} ${err.keyword} ${JSON.stringify(err.params)}`,
        pointer: err.instancePath,
      }),
    );
  },
};

function valueAt(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], value);
}
