import type { Check, TaskHistory } from '../types';
import { issue } from '../issue';
import { pollsOf, taskOf } from './task-polls';

export const taskIsNotSlow: Check<TaskHistory> = {
  name: 'task-is-not-slow',
  reason:
    'A task that still makes progress when the poll budget runs out is slow, not stuck: ' +
    'a warning, since neither the 9.1 spec nor the contract gives a task any duration (only ' +
    'that SUCCEEDED and FAILED are terminal, vcenter-contract.md §5.1, §8; prior-art §4.1).',
  severity: 'warning',
  select: (e) => {
    const task = taskOf(e);
    return task?.outcome === 'slow' ? task : undefined;
  },
  run(task) {
    const last = pollsOf(task).at(-1);
    const p = last?.info.progress;
    return [
      issue(this, `the task was still moving but not finished after ${task.budgetMs} ms (${task.polls.length} polls)`, {
        received: `${last?.status ?? '(no status)'}${p ? `, progress ${String(p.completed)}/${String(p.total)}` : ''}`,
        documented: `SUCCEEDED or FAILED within the ${task.budgetMs} ms budget`,
        pointer: last ? `/polls/${last.index}/status` : undefined,
      }),
    ];
  },
};
