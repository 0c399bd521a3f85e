import { test, expect } from '@playwright/test';
import { bin, cleanEnv, readReport, reportsDir } from './child-run';
import { startCanaryLab, type LabOptions } from './lab';

/**
 * Conforming variants: servers that behave differently from the reference mock where the docs
 * allow it, each started on its own and run as a lab through its profile (issue 11). None may get a
 * failure; where a test cannot judge the variant it is skipped saying why, and where the docs leave
 * the behaviour open it is observed.
 */
interface Variant {
  /** What this server does differently. */
  name: string;
  /** Why the documentation allows it. */
  why: string;
  lab: LabOptions;
  /** The tests that exercise the difference. */
  grep: string;
  allowMutations?: boolean;
  /** Skip reasons the run must give, and observations it must record: shows the variant was met, not missed. */
  skips?: RegExp[];
  observed?: { check: string; message: RegExp };
}

const STAGE_PRIVILEGE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';

const variants: Variant[] = [
  {
    name: 'the operator may stage',
    why: "which privileges a lab grants its users is the lab's choice; a refusal is expected only where the profile declares the lack",
    lab: {
      inventory: (inv) => {
        inv.users.find((u) => u.role === 'operator')!.privileges.push(STAGE_PRIVILEGE);
      },
    },
    grep: 'a stage by the|staging a clean cluster answers 202',
    allowMutations: true,
    skips: [new RegExp(`the profile does not declare that the operator user lacks ${STAGE_PRIVILEGE.replace(/\./g, '\\.')} on domain-c10`)],
  },
  {
    name: 'duplicate items in a set are accepted',
    why: 'the vAPI runtime binds uniqueItems arrays to sets; the docs promise no refusal of a duplicate',
    lab: { bindSets: true },
    grep: 'tasks.list refuses a body that breaks',
    // The duplicate was sent and judged an observation whatever the answer (200 when the rest of the body is served, or a 400 for another
    // reason).
    observed: { check: 'lenient-input-answer-is-observed', message: /^duplicate-item at \/filter_spec\/\w+\/\d+ was answered \d{3}$/ },
  },
  {
    name: 'a stage task outlives the test that started it',
    why: 'how long a task runs is unspecified; the harness waits for what it started before the next test',
    lab: { timeScale: 20 },
    grep: 'a second stage while the first one runs|staging a clean cluster answers 202',
    allowMutations: true,
  },
  {
    name: 'non-WCP clusters next to the range the harness draws unknown ids from',
    why: 'a vCenter\'s managed object ids are its own; ids drawn as "does not exist" must not be ones the target has',
    lab: {
      inventory: (inv) => {
        for (const id of ['domain-c899999999', 'domain-c1000000000', 'domain-c99999999'])
          inv.clusters.push({ id, name: `non-wcp-${id}`, singleImage: false, commits: [] });
      },
    },
    grep: 'get of a cluster id that does not exist|a cluster that does not exist',
  },
];

test.describe.configure({ mode: 'parallel', timeout: 300_000 });

for (const v of variants) {
  test(`a conforming variant gets no failure: ${v.name} (${v.why})`, async () => {
    const lab = await startCanaryLab(v.lab);
    try {
      const reports = reportsDir();
      const args = [
        '--profile',
        lab.profile(lab.mock.url),
        '--workers',
        '1',
        '--grep',
        v.grep,
        '--reports',
        reports,
        ...(v.allowMutations ? ['--allow-mutations'] : []),
      ];
      const r = await bin(args, cleanEnv(lab.env));
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      const { report, checks, skips } = readReport(reports);
      expect(report.stats.unexpected).toBe(0);
      expect(report.stats.expected).toBeGreaterThan(0);
      expect(checks.filter((c) => c.status === 'failed' || c.status === 'warning')).toEqual([]);
      for (const skip of v.skips ?? []) expect(skips, `a skip matching ${skip}`).toContainEqual(expect.stringMatching(skip));
      if (v.observed) {
        const messages = checks
          .filter((c) => c.check === v.observed!.check && c.status === 'info')
          .flatMap((c) => c.issues.map((i) => i.message));
        expect(messages).toContainEqual(expect.stringMatching(v.observed.message));
      }
    } finally {
      await lab.mock.close();
    }
  });
}
