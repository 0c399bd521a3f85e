import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isStage, mapKeys, requestedHosts, showSet, stageRuns, type StageRun } from './stage-runs';

/** The runs whose spec means "every host": hosts absent, null or [], or exactly the cluster's hosts. */
function meansAllHosts(run: StageRun, all: ReadonlySet<string>): boolean {
  const hosts = requestedHosts(run.spec);
  return hosts === undefined || (hosts.length === all.size && hosts.every((h) => all.has(h)));
}

/** The finished runs whose spec means every host and whose host_info is a map (the schema check judges other shapes). */
function judged(e: Evidence): StageRun[] {
  const all = new Set(e.facts!.allHosts as string[]);
  return stageRuns(e).filter((r) => meansAllHosts(r, all) && mapKeys(r.result?.host_info) !== undefined);
}

/**
 * facts.allHosts: the cluster's hosts. Judges this run and every related run
 * (`[stage exchange, ...polls]`) whose task finished: `{}` ≡ `{hosts: []}` ≡ all hosts.
 */
export const hostsUnsetEqualsAllHosts: Check = {
  name: 'hosts-unset-equals-all-hosts',
  reason: 'StageSpec.hosts "if missing or null or empty" stages all hosts within the cluster: {} ≡ {hosts: []} ≡ every host in the result\'s host_info (vcenter-contract.md §4; prior-art §4.6).',
  severity: 'failure',
  appliesTo: (e) => isStage(e) && Array.isArray(e.facts?.allHosts) && judged(e).length > 0,
  run(e) {
    const all = new Set(e.facts!.allHosts as string[]);
    return judged(e).flatMap((run) => {
      const got = new Set(mapKeys(run.result!.host_info));
      const missing = [...all].filter((h) => !got.has(h));
      const extra = [...got].filter((h) => !all.has(h));
      if (!missing.length && !extra.length) return [];
      const hosts = run.spec.hosts === undefined ? 'hosts unset' : `hosts ${JSON.stringify(run.spec.hosts)}`;
      const diff = [...(missing.length ? [`missing ${showSet(missing)}`] : []), ...(extra.length ? [`not of the cluster ${showSet(extra)}`] : [])].join('; ');
      return [issue(this, `${run.name} (${hosts}) did not stage exactly the cluster's hosts: ${diff}`, {
        received: `host_info keys ${showSet(got)}`, documented: `every host of the cluster ${showSet(all)}`, pointer: `${run.pointer}/host_info`,
      })];
    });
  },
};
