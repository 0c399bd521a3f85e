import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { at, hasTask, pollsOf } from '../task/task-polls';
import { hostsNamedIn, isStage, resultOf, showSet } from './stage-runs';

/** facts.allHosts: every HostSystem id of the staged cluster, from the target's inventory. */
export const stageResultHostsBelongToCluster: Check<Evidence> = {
  name: 'stage-result-hosts-belong-to-cluster',
  reason:
    'StageResult.host_info lists "the hosts in this cluster" the commit is staged to, and the host sets name hosts ' +
    'in this cluster: no host outside the cluster appears (vcenter-contract.md §4.1; StageResult descriptions).',
  severity: 'failure',
  select: (e) => (isStage(e) && hasTask(e) && e.facts?.allHosts !== undefined ? e : undefined),
  run(e) {
    const cluster = new Set(e.facts?.allHosts ?? []);
    const reported = new Set<string>();
    return pollsOf(e.task).flatMap((poll) => {
      const result = resultOf(poll);
      const foreign = result ? hostsNamedIn(result).filter((h) => !cluster.has(h) && !reported.has(h)) : [];
      for (const h of foreign) reported.add(h);
      return foreign.length
        ? [
            issue(this, `the result names hosts outside the cluster (poll ${poll.index})`, {
              received: showSet(foreign),
              documented: `hosts of the cluster: ${showSet(cluster)}`,
              pointer: at(poll, 'result', 'host_info'),
            }),
          ]
        : [];
    });
  },
};
