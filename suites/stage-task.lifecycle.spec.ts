import { test, expect, sends } from '../fixtures/test';
import { pollsOf, stageToTheEnd, type Task } from './stage-support';

/**
 * The stage task from submission to its end (vcenter-contract.md §4, §4.1, §5.1; prior-art §4.1):
 * stage answers 202 with a task id, the task is polled with backoff until it ends, and the whole
 * poll history is judged (per-status fields, transitions, progress, times, result, error). One more
 * read after the terminal poll shows that a finished task stays finished.
 */
/** An administrator's stage of one of the target's clusters, and the polls of its task. */
const STAGE_AND_POLL = sends({ 'read-only': ['session.create', 'tasks.get'], 'state-changing': ['software.stage'] });

const finalStatus = (task: Task | undefined) => (task?.polls.at(-1)?.body as { status?: string } | undefined)?.status;

test.describe('stage task lifecycle', () => {
  // A task may use its whole poll budget (stuck or slow) before the checks judge it.
  test.beforeEach(({ vcconform }) => {
    test.setTimeout(30_000 + vcconform.taskBudgetMs);
  });

  test(
    'staging a clean cluster answers 202 with a task id, and the task runs to SUCCEEDED with a StageResult for every host',
    STAGE_AND_POLL.assuming({ roles: ['stageCluster'] }),
    async ({ api, poll, sessions, need, verify }) => {
      const { stageCluster } = need.roles('stageCluster');
      const session = await sessions.get('administrator');
      const { exchange, task } = await stageToTheEnd({ api, poll }, session, stageCluster.id, {}, { readAgain: true });
      await verify([
        {
          scenario: `stage ${stageCluster.id} with {} and poll the task to its end`,
          intent: { kind: 'valid' },
          exchange,
          ...(task && { task }),
          facts: { allHosts: stageCluster.hosts, latestCommit: stageCluster.commits.at(-1), commits: stageCluster.commits },
        },
        ...pollsOf(task),
      ]);
      // Only a task that ended is compared with the role's outcome: a stuck or slow one is judged by the checks above.
      if (task?.outcome === 'terminal')
        expect
          .soft(finalStatus(task), `the stage of ${stageCluster.id} (the inventory's clean stage cluster) should succeed`)
          .toBe('SUCCEEDED');
    },
  );

  test(
    'staging a cluster where a host fails ends FAILED, and the finished task stays FAILED',
    STAGE_AND_POLL.assuming({ roles: ['failingStageCluster'] }),
    async ({ api, poll, sessions, need, verify }) => {
      const { failingStageCluster } = need.roles('failingStageCluster');
      const session = await sessions.get('administrator');
      const { exchange, task } = await stageToTheEnd({ api, poll }, session, failingStageCluster, {}, { readAgain: true });
      await verify([
        {
          scenario: `stage ${failingStageCluster} (a host fails) and poll the task to its end`,
          intent: { kind: 'valid' },
          exchange,
          ...(task && { task }),
        },
        ...pollsOf(task),
      ]);
      if (task?.outcome === 'terminal')
        expect
          .soft(finalStatus(task), `the stage of ${failingStageCluster} (the inventory's failing stage cluster) should fail`)
          .toBe('FAILED');
    },
  );

  test(
    'a stage of a subset of hosts runs to its end and stages only those hosts',
    STAGE_AND_POLL.assuming({ roles: ['stageCluster'] }),
    async ({ api, poll, sessions, need, verify }) => {
      const { stageCluster } = need.roles('stageCluster');
      const session = await sessions.get('administrator');
      const hosts = stageCluster.hosts.slice(0, 1);
      const { exchange, task } = await stageToTheEnd({ api, poll }, session, stageCluster.id, { hosts }, { readAgain: true });
      await verify([
        {
          scenario: `stage ${stageCluster.id} with hosts ${JSON.stringify(hosts)}`,
          intent: { kind: 'valid' },
          exchange,
          ...(task && { task }),
          facts: { allHosts: stageCluster.hosts },
        },
        ...pollsOf(task),
      ]);
    },
  );
});
