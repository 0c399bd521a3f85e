import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { hasTask, pollsOf } from './task-polls';

export const taskFinishesWithinBudget: Check<Evidence> = {
  name: 'task-finishes-within-budget',
  reason:
    'A task reaches SUCCEEDED or FAILED or keeps making progress; one whose status and progress stop moving before the poll ' +
    'budget runs out is stuck, and is reported rather than waited on forever (vcenter-contract.md §5.1; prior-art §4.1).',
  severity: 'failure',
  select: (e) => (hasTask(e) && e.task!.outcome === 'stuck' ? e : undefined),
  run(e) {
    const last = pollsOf(e.task).at(-1);
    const p = last?.info.progress;
    return [
      issue(this, `the task stopped moving and did not finish within ${e.task!.budgetMs} ms (${e.task!.polls.length} polls)`, {
        received:
          `${last?.status ?? '(no status)'}${p ? `, progress ${String(p.completed)}/${String(p.total)}` : ''}, ` +
          'unchanged over the second half of the polls',
        documented: 'SUCCEEDED or FAILED, or status/progress still moving',
        pointer: last ? `/polls/${last.index}/status` : undefined,
      }),
    ];
  },
};
