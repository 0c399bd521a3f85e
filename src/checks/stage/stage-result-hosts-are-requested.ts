import type { Check, TaskHistory } from '../types';
import { issue } from '../issue';
import { at, taskOf, pollsOf } from '../task/task-polls';
import { hostsNamedIn, isStage, requestedHosts, resultOf, showSet, type StageSpecView } from './stage-runs';

export const stageResultHostsAreRequested: Check<{ task: TaskHistory; hosts: readonly string[] }> = {
  name: 'stage-result-hosts-are-requested',
  reason:
    'StageSpec.hosts names "the specific hosts within the cluster to be considered": ' +
    'when it is not empty, the result names no other host (vcenter-contract.md §4; StageSpec.hosts).',
  severity: 'failure',
  select: (e) => {
    const task = isStage(e) ? taskOf(e) : undefined;
    const hosts = requestedHosts((e.exchange.request.body as StageSpecView) ?? {});
    return task && hosts ? { task, hosts } : undefined;
  },
  run({ task, hosts }) {
    const requested = new Set(hosts);
    const reported = new Set<string>();
    return pollsOf(task).flatMap((poll) => {
      const result = resultOf(poll);
      const extra = result ? hostsNamedIn(result).filter((h) => !requested.has(h) && !reported.has(h)) : [];
      for (const h of extra) reported.add(h);
      return extra.length
        ? [
            issue(this, `the result names hosts that were not requested (poll ${poll.index})`, {
              received: showSet(extra),
              documented: `only the requested hosts ${showSet(requested)}`,
              pointer: at(poll, 'result', 'host_info'),
            }),
          ]
        : [];
    });
  },
};
