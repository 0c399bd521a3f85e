import { test, fc, sends, arbitraryFor, type Exchange } from '../fixtures/test';
import { pollsOf, stageToTheEnd, type Task } from './stage-support';

type Spec = { commit?: string | null; hosts?: readonly string[] | null };

/**
 * StageSpec's optional fields behave as documented (vcenter-contract.md §1, §4; prior-art §4.6):
 * `commit` is the minimum commit (unset, null or "" = latest, an older one still stages the latest)
 * and `hosts` unset, null or [] means every host of the cluster, a list means only those hosts
 * ("if missing or null or empty"). Each run starts from a reset target and stages to the end; the
 * result is judged against the inventory.
 */
/** An administrator's stages of the target's stage cluster from a reset target, and the polls of their tasks. */
const STAGE_AND_POLL = sends({ 'read-only': ['session.create', 'tasks.get'], 'state-changing': ['software.stage'] }).assuming({
  roles: ['stageCluster'],
  reset: true,
});

/**
 * StageSpecs whose keys come from the schema generator (each optional key present or not) and whose
 * values come from the inventory, null included: "missing or null" is the unset case.
 */
function specsOver(commits: readonly string[], hosts: readonly string[]): fc.Arbitrary<Spec> {
  const shape = arbitraryFor('Esx.Settings.Clusters.Software.StageSpec') as fc.Arbitrary<Spec>;
  const commit = fc.constantFrom<string | null>(null, '', ...commits);
  const hostList: fc.Arbitrary<readonly string[] | null> = fc.oneof(
    fc.constant(null),
    fc.constant<string[]>([]),
    fc.constant([...hosts]),
    fc.shuffledSubarray([...hosts], { minLength: 1 }),
  );
  return shape.chain((s) =>
    fc.record({ commit, hosts: hostList }).map(
      (v): Spec => ({
        ...('commit' in s && { commit: v.commit }),
        ...('hosts' in s && { hosts: v.hosts }),
      }),
    ),
  );
}

test.describe('stage optional fields', () => {
  test(
    "every StageSpec variant over the cluster's commits and hosts stages the latest commit to the documented hosts",
    STAGE_AND_POLL,
    async ({ api, poll, sessions, target, need, property }) => {
      need.reset();
      const { stageCluster } = need.roles('stageCluster');
      const facts = { allHosts: stageCluster.hosts, latestCommit: stageCluster.commits.at(-1), commits: stageCluster.commits };
      await property(specsOver(stageCluster.commits, stageCluster.hosts), async (spec) => {
        await target.reset();
        const { exchange, task } = await stageToTheEnd({ api, poll }, await sessions.get('administrator'), stageCluster.id, spec);
        return [
          {
            scenario: `stage ${stageCluster.id} with ${JSON.stringify(spec)}`,
            intent: { kind: 'valid' },
            exchange,
            ...(task && { task }),
            facts,
          },
          ...pollsOf(task),
        ];
      });
    },
  );

  test(
    '{} ≡ {hosts: null} ≡ {hosts: []} ≡ {hosts: every host}: four runs from the same state stage every host',
    STAGE_AND_POLL,
    async ({ api, poll, sessions, target, need, verify, vcconform }) => {
      need.reset();
      test.setTimeout(30_000 + 4 * vcconform.taskBudgetMs);
      const { stageCluster } = need.roles('stageCluster');
      const runs: Record<string, Exchange[]> = {};
      let own: { exchange: Exchange; task?: Task } | undefined;
      for (const [name, spec] of [
        ['hosts-unset', {}],
        ['hosts-null', { hosts: null }],
        ['hosts-empty', { hosts: [] }],
        ['hosts-all', { hosts: stageCluster.hosts }],
      ] as const) {
        await target.reset();
        const run = await stageToTheEnd({ api, poll }, await sessions.get('administrator'), stageCluster.id, spec);
        if (name === 'hosts-unset') own = run;
        else runs[name] = [run.exchange, ...(run.task?.polls ?? [])];
      }
      await verify({
        scenario: `stage ${stageCluster.id} with {}, {hosts: null}, {hosts: []} and every host, each from a reset state`,
        intent: { kind: 'valid' },
        exchange: own!.exchange,
        ...(own!.task && { task: own!.task }),
        related: runs,
        facts: { allHosts: stageCluster.hosts },
      });
    },
  );

  test(
    '{} ≡ {commit: null} ≡ {commit: ""} ≡ {commit: the oldest}: four runs from the same state stage the latest commit',
    STAGE_AND_POLL,
    async ({ api, poll, sessions, target, need, verify, vcconform }) => {
      need.reset();
      test.setTimeout(30_000 + 4 * vcconform.taskBudgetMs);
      const { stageCluster } = need.roles('stageCluster');
      const runs: Record<string, Exchange[]> = {};
      let own: { exchange: Exchange; task?: Task } | undefined;
      for (const [name, spec] of [
        ['commit-unset', {}],
        ['commit-null', { commit: null }],
        ['commit-empty', { commit: '' }],
        ['commit-oldest', { commit: stageCluster.commits[0]! }],
      ] as const) {
        await target.reset();
        const run = await stageToTheEnd({ api, poll }, await sessions.get('administrator'), stageCluster.id, spec);
        if (name === 'commit-unset') own = run;
        else runs[name] = [run.exchange, ...(run.task?.polls ?? [])];
      }
      await verify({
        scenario: `stage ${stageCluster.id} with {}, {commit: null}, {commit: ""} and the oldest commit, each from a reset state`,
        intent: { kind: 'valid' },
        exchange: own!.exchange,
        ...(own!.task && { task: own!.task }),
        related: runs,
        facts: { latestCommit: stageCluster.commits.at(-1), commits: stageCluster.commits },
      });
    },
  );
});
