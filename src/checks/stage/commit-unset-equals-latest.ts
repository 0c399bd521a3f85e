import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { refusedStageRuns, type RefusedStageRun } from './refused-stage-runs';
import { isStage, stageRuns, type StageRun, type StageSpecView } from './stage-runs';

/** Whether the spec asks for the latest commit or any older one (facts.commits, oldest first); null reads as unset. */
function resolvesToLatest(spec: StageSpecView, latest: string, commits: readonly string[]): boolean {
  const commit = spec.commit;
  return commit === undefined || commit === '' || commit === latest || (typeof commit === 'string' && commits.includes(commit));
}

const commitsOf = (e: Evidence): readonly string[] => e.facts?.commits ?? [];

/** The finished runs with a result whose spec asks for the latest commit or an older one. */
function judged(e: Evidence): StageRun[] {
  return stageRuns(e).filter((r) => r.result !== undefined && resolvesToLatest(r.spec, e.facts?.latestCommit ?? '', commitsOf(e)));
}

/** The related runs that name `commit` (null, "" or a commit of the cluster) and were refused. */
function refused(e: Evidence): RefusedStageRun[] {
  return refusedStageRuns(e).filter(
    (r) => Object.hasOwn(r.sent, 'commit') && resolvesToLatest(r.spec, e.facts?.latestCommit ?? '', commitsOf(e)),
  );
}

/**
 * facts.latestCommit (and facts.commits, the cluster's commits): judges this run and every related
 * run whose task finished with a result, and fails a related run of such a commit that was refused.
 */
export const commitUnsetEqualsLatest: Check<Evidence> = {
  name: 'commit-unset-equals-latest',
  reason:
    'StageSpec.commit is the minimum commit: "if missing or null or empty" the latest is used ' +
    '({} ≡ {commit: null} ≡ {commit: ""}, none of them refused), and a newer commit is used ' +
    'when one exists, so result.commit is the latest commit (vcenter-contract.md §1, §4, §4.1).',
  severity: 'failure',
  select: (e) => (isStage(e) && e.facts?.latestCommit !== undefined && (judged(e).length > 0 || refused(e).length > 0) ? e : undefined),
  run(e) {
    const latest = e.facts?.latestCommit ?? '';
    const staged = judged(e).flatMap((run) => {
      if (run.result!.commit === latest) return [];
      const asked = run.spec.commit === undefined ? 'commit unset' : `commit ${JSON.stringify(run.spec.commit)}`;
      return [
        issue(this, `${run.name} (${asked}) did not stage the latest commit`, {
          received: `result.commit ${JSON.stringify(run.result!.commit)}`,
          documented: `the latest commit ${JSON.stringify(latest)}`,
          pointer: `${run.pointer}/commit`,
        }),
      ];
    });
    const refusals = refused(e).map((run) => {
      const why =
        run.spec.commit === undefined || run.spec.commit === ''
          ? '"missing or null or empty" means the latest commit'
          : 'an older commit is only the minimum: the latest is used';
      return issue(this, `${run.name} (${show(run.sent)}) was refused, but ${why}`, {
        received: run.answer,
        documented: `202 and a task that stages the latest commit ${JSON.stringify(latest)}`,
        pointer: run.pointer,
      });
    });
    return [...staged, ...refusals];
  },
};
