import type { Check } from '../types';
import { issue } from '../issue';
import { hasTask, pollsOf } from './task-polls';

export const taskIsNotSlow: Check = {
  name: 'task-is-not-slow',
  reason: 'A task that still makes progress when the poll budget runs out is slow, not stuck: reported as a warning, since the docs give no duration (vcenter-contract.md §8; prior-art §4.1).',
  severity: 'warning',
  appliesTo: (e) => hasTask(e) && e.task!.outcome === 'slow',
  run(e) {
    const last = pollsOf(e.task).at(-1);
    const p = last?.info.progress;
    return [issue(this, `the task was still moving but not finished after ${e.task!.budgetMs} ms (${e.task!.polls.length} polls)`, {
      received: `${last?.status ?? '(no status)'}${p ? `, progress ${String(p.completed)}/${String(p.total)}` : ''}`,
      documented: `SUCCEEDED or FAILED within the ${e.task!.budgetMs} ms budget`, pointer: last ? `/polls/${last.index}/status` : undefined,
    })];
  },
};
