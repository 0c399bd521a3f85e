import type { Check, TaskHistory } from '../types';
import { issue } from '../issue';
import { pollsOf, taskOf } from './task-polls';

export const taskFinishesWithinBudget: Check<TaskHistory> = {
  name: 'task-finishes-within-budget',
  reason:
    'A task reaches SUCCEEDED or FAILED or keeps making progress; one whose status and progress stop moving before the poll ' +
    'budget runs out is stuck, and is reported rather than waited on forever (vcenter-contract.md §5.1; prior-art §4.1).',
  severity: 'failure',
  select: (e) => {
    const task = taskOf(e);
    return task?.outcome === 'stuck' ? task : undefined;
  },
  run(task) {
    const last = pollsOf(task).at(-1);
    const p = last?.info.progress;
    return [
      issue(this, `the task stopped moving and did not finish within ${task.budgetMs} ms (${task.polls.length} polls)`, {
        received:
          `${last?.status ?? '(no status)'}${p ? `, progress ${String(p.completed)}/${String(p.total)}` : ''}, ` +
          'unchanged over the second half of the polls',
        documented: 'SUCCEEDED or FAILED, or status/progress still moving',
        pointer: last ? `/polls/${last.index}/status` : undefined,
      }),
    ];
  },
};
