import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { at, hasTask, pollsOf, TERMINAL_STATUSES } from '../task/task-polls';
import { isStage, resultOf } from './stage-runs';

export const stageResultStatusAbsentWhileRunning: Check<Evidence> = {
  name: 'stage-result-status-absent-while-running',
  reason:
    'StageResult.status, the aggregated status, is "missing or null if the stage operation is ' +
    'in progress": a partial result of an unfinished task has none (vcenter-contract.md §4.1).',
  severity: 'failure',
  select: (e) => (isStage(e) && hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task)
      .filter((p) => !TERMINAL_STATUSES.has(p.status ?? '') && resultOf(p)?.status !== undefined)
      .map((poll) =>
        issue(this, `the partial result of a ${poll.status} task has an aggregated status (poll ${poll.index})`, {
          received: show(resultOf(poll)!.status, 120),
          documented: 'result.status absent while the stage is in progress',
          pointer: at(poll, 'result', 'status'),
        }),
      );
  },
};
