import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isStage, stageRuns, type StageRun } from './stage-runs';

/** Whether the run's spec asks for the latest commit or any older one (facts.commits, oldest first). */
function resolvesToLatest(run: StageRun, latest: string, commits: readonly string[]): boolean {
  const commit = run.spec.commit;
  return commit === undefined || commit === '' || commit === latest || (typeof commit === 'string' && commits.includes(commit));
}

/** The finished runs with a result whose spec asks for the latest commit or an older one. */
function judged(e: Evidence): StageRun[] {
  const commits = Array.isArray(e.facts?.commits) ? (e.facts.commits as string[]) : [];
  return stageRuns(e).filter((r) => r.result !== undefined && resolvesToLatest(r, e.facts!.latestCommit as string, commits));
}

/**
 * facts.latestCommit (and facts.commits, the cluster's commits): judges this run and every related
 * run whose task finished with a result.
 */
export const commitUnsetEqualsLatest: Check = {
  name: 'commit-unset-equals-latest',
  reason: 'StageSpec.commit is the minimum commit: "if missing or null or empty" the latest is used, and a newer commit is used when one exists, so result.commit is the latest commit (vcenter-contract.md §4, §4.1).',
  severity: 'failure',
  appliesTo: (e) => isStage(e) && typeof e.facts?.latestCommit === 'string' && judged(e).length > 0,
  run(e) {
    const latest = e.facts!.latestCommit as string;
    return judged(e).flatMap((run) => {
      if (run.result!.commit === latest) return [];
      const asked = run.spec.commit === undefined ? 'commit unset' : `commit ${JSON.stringify(run.spec.commit)}`;
      return [issue(this, `${run.name} (${asked}) did not stage the latest commit`, { received: `result.commit ${JSON.stringify(run.result!.commit)}`, documented: `the latest commit ${JSON.stringify(latest)}`, pointer: `${run.pointer}/commit` })];
    });
  },
};
