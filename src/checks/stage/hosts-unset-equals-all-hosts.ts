import type { Check, Evidence, Issue } from '../types';
import { issue, show } from '../issue';
import { refusedStageRuns, type RefusedStageRun } from './refused-stage-runs';
import { isStage, mapKeys, requestedHosts, showSet, stageRuns, type StageRun, type StageSpecView } from './stage-runs';

/** Whether a spec means "every host": hosts absent, null or [], or exactly the cluster's hosts. */
function meansAllHosts(spec: StageSpecView, all: ReadonlySet<string>): boolean {
  const hosts = requestedHosts(spec);
  return hosts === undefined || (hosts.length === all.size && hosts.every((h) => all.has(h)));
}

const allHostsOf = (e: Evidence): Set<string> => new Set(e.facts?.allHosts ?? []);

/** The finished runs whose spec means every host and whose host_info is a map (the schema check judges other shapes). */
function judged(e: Evidence): StageRun[] {
  const all = allHostsOf(e);
  return stageRuns(e).filter((r) => meansAllHosts(r.spec, all) && mapKeys(r.result?.host_info) !== undefined);
}

/** The related runs that name `hosts` (null, [] or every host) and were refused. */
function refused(e: Evidence): RefusedStageRun[] {
  const all = allHostsOf(e);
  return refusedStageRuns(e).filter((r) => Object.hasOwn(r.sent, 'hosts') && meansAllHosts(r.spec, all));
}

/**
 * facts.allHosts: the cluster's hosts. Judges this run and every related run
 * (`[stage exchange, ...polls]`) whose task finished: `{}` ≡ `{hosts: null}` ≡ `{hosts: []}` ≡ all
 * hosts; a related run of such a spec that was refused fails too.
 */
export const hostsUnsetEqualsAllHosts: Check<Evidence> = {
  name: 'hosts-unset-equals-all-hosts',
  reason:
    'StageSpec.hosts "if missing or null or empty" stages all hosts within the cluster: {} ≡ {hosts: null} ≡ {hosts: ' +
    "[]} ≡ every host in the result's host_info, none of them refused (vcenter-contract.md §1, §4; prior-art §4.6).",
  severity: 'failure',
  select: (e) => (isStage(e) && e.facts?.allHosts !== undefined && (judged(e).length > 0 || refused(e).length > 0) ? e : undefined),
  run(e) {
    const all = allHostsOf(e);
    const staged = judged(e).flatMap((run): Issue[] => {
      const got = new Set(mapKeys(run.result!.host_info));
      const missing = [...all].filter((h) => !got.has(h));
      const extra = [...got].filter((h) => !all.has(h));
      if (!missing.length && !extra.length) return [];
      const hosts = run.spec.hosts === undefined ? 'hosts unset' : `hosts ${JSON.stringify(run.spec.hosts)}`;
      const diff = [
        ...(missing.length ? [`missing ${showSet(missing)}`] : []),
        ...(extra.length ? [`not of the cluster ${showSet(extra)}`] : []),
      ].join('; ');
      return [
        issue(this, `${run.name} (${hosts}) did not stage exactly the cluster's hosts: ${diff}`, {
          received: `host_info keys ${showSet(got)}`,
          documented: `every host of the cluster ${showSet(all)}`,
          pointer: `${run.pointer}/host_info`,
        }),
      ];
    });
    const refusals = refused(e).map((run) => {
      const why =
        requestedHosts(run.spec) === undefined
          ? '"missing or null or empty" hosts means every host of the cluster'
          : "it names the cluster's own hosts";
      return issue(this, `${run.name} (${show(run.sent)}) was refused, but ${why}`, {
        received: run.answer,
        documented: `202 and a task that stages every host ${showSet(all)}`,
        pointer: run.pointer,
      });
    });
    return [...staged, ...refusals];
  },
};
