import { validatorFor } from '../../../specs/index';
import type { Check, TaskHistory } from '../types';
import { issue, show } from '../issue';
import { operationOf } from '../generic/operation-facts';
import { at, taskOf, pollsOf } from './task-polls';

/** The evidence's exchange is the call that created the task; its catalogue entry names the result schema. */
export const taskResultMatchesSchema: Check<{ task: TaskHistory; id: string }> = {
  name: 'task-result-matches-schema',
  reason:
    "Once the task has SUCCEEDED, its result (if present) is the operation's " +
    'result type, e.g. StageResult for stage (vcenter-contract.md §4.1, §5.1).',
  severity: 'failure',
  select: (e) => {
    const task = taskOf(e);
    const id = operationOf(e)?.task?.resultSchema;
    return task && id ? { task, id } : undefined;
  },
  run({ task, id }) {
    const validate = validatorFor(id);
    return pollsOf(task)
      .filter((p) => p.status === 'SUCCEEDED' && p.info.result !== undefined)
      .flatMap((poll) => {
        if (validate(poll.info.result)) return [];
        return (validate.errors ?? []).slice(0, 5).map((err) =>
          issue(this, `the result of the SUCCEEDED task (poll ${poll.index}) does not match ${id}: ${err.message}`, {
            received: show(valueAt(poll.info.result, err.instancePath), 160),
            documented: `${id} ${err.keyword} ${JSON.stringify(err.params)}`,
            pointer: at(poll, 'result') + err.instancePath,
          }),
        );
      });
  },
};

function valueAt(value: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], value);
}
