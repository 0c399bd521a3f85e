import { test, expect } from '@playwright/test';
import { bin, cleanEnv, readReport, reportsDir } from './child-run';
import { startCanaryLab } from './lab';
import { MockClient, checkEveryResponse } from '../mock/test-client';

/**
 * False failures a conforming server got, each kept as a regression (issue 11): the reference mock
 * started on its own is a conforming server the harness did not start, used as a live target.
 */
test.describe.configure({ timeout: 300_000 });
checkEveryResponse();

test(
  '"get of a cluster id that does not exist" never draws an id the ' + 'target has (domain-c13 was drawn, and exists as a non-WCP cluster)',
  async () => {
    const lab = await startCanaryLab();
    try {
      // --target: no profile, so no roles tell the harness which ids exist; 200 runs over fresh seeds.
      for (const seed of ['1', '2', '3']) {
        const reports = reportsDir();
        const env = cleanEnv({
          VCENTER_USER: 'administrator@vsphere.local',
          VCENTER_PASSWORD: lab.mock.users.find((u) => u.role === 'administrator')!.password,
        });
        const r = await bin(
          [
            '--target',
            lab.mock.url,
            '--grep',
            'get of a cluster id that does not exist',
            '--runs',
            '200',
            '--seed',
            seed,
            '--reports',
            reports,
          ],
          env,
        );
        expect(r.code, r.stdout.slice(-2000)).toBe(0);
        expect(readReport(reports).report.stats.expected).toBe(1);
      }
      const asked = lab.mock.journal
        .all()
        .filter((e) => e.operation === 'clusters.get')
        .map((e) => e.path.split('/').pop()!);
      expect(asked.length).toBeGreaterThan(100);
      expect(asked.filter((id) => lab.mock.state.clusters.has(id))).toEqual([]);
    } finally {
      await lab.mock.close();
    }
  },
);

// The stage task that outlived its test, the operator who may stage and duplicates bound to a set: conforming-variants.test.ts.

test.describe('a cluster busy with a task the run did not start', () => {
  /** Starts a stage of domain-c10 as the lab's administrator, outside the harness: someone else's task. */
  async function foreignStage(lab: Awaited<ReturnType<typeof startCanaryLab>>): Promise<string> {
    const api = new MockClient(lab.mock);
    const stage = await api.call('software.stage', 'POST', '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true', {
      session: await api.login(),
      body: {},
    });
    expect(stage.status).toBe(202);
    return stage.body as string;
  }
  const grep = 'staging a clean cluster answers 202';

  test('is waited for before a test that may change it, so its stage is not refused', async () => {
    // 3 hosts × 10 s of virtual time at 20×: the foreign stage runs about 1.5 s.
    const lab = await startCanaryLab({ timeScale: 20 });
    try {
      const task = await foreignStage(lab);
      const reports = reportsDir();
      const r = await bin(
        ['--profile', lab.profile(lab.mock.url), '--allow-mutations', '--workers', '1', '--grep', grep, '--reports', reports],
        cleanEnv(lab.env),
      );
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      expect(readReport(reports).report.stats.expected).toBe(1);
      // The harness asked what runs, and its own stage came after the foreign one ended: accepted, not refused as concurrent.
      const journal = lab.mock.journal.all();
      expect(journal.filter((e) => e.operation === 'tasks.list').length).toBeGreaterThan(0);
      expect(journal.filter((e) => e.operation === 'software.stage').map((e) => e.status)).toEqual([202, 202]);
      expect(task).toMatch(/:com\.vmware\.esx\.settings\.clusters\.software$/);
    } finally {
      await lab.mock.close();
    }
  });

  test('skips the test, saying what runs, when it outlasts the task budget', async () => {
    // At 1× the foreign stage runs 30 s, past a 1-second task budget.
    const lab = await startCanaryLab({ timeScale: 1 });
    try {
      const task = await foreignStage(lab);
      const reports = reportsDir();
      const r = await bin(
        ['--profile', lab.profile(lab.mock.url), '--allow-mutations', '--workers', '1', '--grep', grep, '--reports', reports],
        cleanEnv({ ...lab.env, VCCONFORM_TASK_BUDGET_MS: '1000' }),
      );
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      const { report, skips } = readReport(reports);
      expect(report.stats.skipped).toBe(1);
      expect(skips).toContainEqual(
        expect.stringContaining(
          'the target is busy where this test may change state, still after the ' +
            `task budget of 1000 ms: task ${task} (stage) is RUNNING on domain-c10`,
        ),
      );
      // Nothing was staged by the run: the only stage is the foreign one.
      expect(lab.mock.journal.all().filter((e) => e.operation === 'software.stage')).toHaveLength(1);
    } finally {
      await lab.mock.close();
    }
  });
});

test(
  'a partial target is validated in scope: tests needing an operation ' + 'outside it are skipped as not in scope and send nothing of it',
  async () => {
    const lab = await startCanaryLab();
    try {
      const reports = reportsDir();
      // The profile says the target serves the cluster reads and task reads only; the two tests below need clusters.get, and tasks.get with
      // software.stage.
      const profile = lab.profile(lab.mock.url, { operations: ['clusters.list', 'clusters.get', 'tasks.*'] });
      const grep = 'get answers 200 with a valid Info for each WCP-enabled cluster|a finished stage task read with exclude_result';
      const r = await bin(['--profile', profile, '--allow-mutations', '--grep', grep, '--reports', reports], cleanEnv(lab.env));
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      const { report, skips } = readReport(reports);
      expect(report.stats).toMatchObject({ expected: 1, skipped: 1, unexpected: 0 });
      expect(skips).toEqual([
        expect.stringMatching(
          new RegExp(
            /^not in scope: software\.stage \(the run covers clusters\.list, clusters\.get, /.source +
              /tasks\.\*: --operations or the profile's operations\)$/.source,
          ),
        ),
      ]);
      expect(lab.mock.journal.all().filter((e) => e.operation === 'software.stage')).toEqual([]);
      // --operations overrides the profile: now the stage test is in scope and the read test is not.
      const again = reportsDir();
      const r2 = await bin(
        ['--profile', profile, '--allow-mutations', '--operations', 'software.stage,tasks.get', '--grep', grep, '--reports', again],
        cleanEnv(lab.env),
      );
      expect(r2.code, r2.stdout.slice(-3000)).toBe(0);
      expect(readReport(again).skips).toEqual([expect.stringMatching(/^not in scope: clusters\.get /)]);
    } finally {
      await lab.mock.close();
    }
  },
);
