import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { hasTask, pollsOf } from './task-polls';

export const taskIsNotSlow: Check<Evidence> = {
  name: 'task-is-not-slow',
  reason:
    'A task that still makes progress when the poll budget runs out is slow, not stuck: ' +
    'a warning, since neither the 9.1 spec nor the contract gives a task any duration (only ' +
    'that SUCCEEDED and FAILED are terminal, vcenter-contract.md §5.1, §8; prior-art §4.1).',
  severity: 'warning',
  select: (e) => (hasTask(e) && e.task!.outcome === 'slow' ? e : undefined),
  run(e) {
    const last = pollsOf(e.task).at(-1);
    const p = last?.info.progress;
    return [
      issue(this, `the task was still moving but not finished after ${e.task!.budgetMs} ms (${e.task!.polls.length} polls)`, {
        received: `${last?.status ?? '(no status)'}${p ? `, progress ${String(p.completed)}/${String(p.total)}` : ''}`,
        documented: `SUCCEEDED or FAILED within the ${e.task!.budgetMs} ms budget`,
        pointer: last ? `/polls/${last.index}/status` : undefined,
      }),
    ];
  },
};
