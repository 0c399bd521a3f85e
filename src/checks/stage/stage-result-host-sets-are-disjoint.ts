import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf } from '../task/task-polls';
import { HOST_SETS, isStage, resultOf, showSet, stringsOf } from './stage-runs';

export const stageResultHostSetsAreDisjoint: Check<Evidence> = {
  name: 'stage-result-host-sets-are-disjoint',
  reason:
    'A host is staged successfully, failed or was skipped, never two of these: ' +
    'successful_hosts, failed_hosts and skipped_hosts are disjoint (vcenter-contract.md §4.1).',
  severity: 'failure',
  select: (e) => (isStage(e) && hasTask(e) ? e : undefined),
  run(e) {
    return pollsOf(e.task).flatMap((poll) => {
      const result = resultOf(poll);
      if (!result) return [];
      return HOST_SETS.flatMap((a, i) =>
        HOST_SETS.slice(i + 1).flatMap((b) => {
          const inB = new Set(stringsOf(result[b]));
          const both = stringsOf(result[a]).filter((h) => inB.has(h));
          return both.length
            ? [
                issue(this, `hosts are in both ${a} and ${b} (poll ${poll.index})`, {
                  received: showSet(both),
                  documented: 'disjoint host sets',
                  pointer: at(poll, 'result', b),
                }),
              ]
            : [];
        }),
      );
    });
  },
};
