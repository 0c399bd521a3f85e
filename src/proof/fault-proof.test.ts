import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { faults } from '../mock/faults/index';
import { checks } from '../checks/index';
import { faultExpectations, faultsBreakingNoRule, faultSpecs, observationExpectations, type Observed } from './fault-expectations';
import { runBatch, runSuites, type Observation, type SuiteRun } from './run-suites';
import type { BatchCase } from './batch.config';
import { filesUnder } from './child-run';
import { findSecrets } from './secret-scan';

/**
 * Every case — the clean mock, each fault with the suites that can observe it, each harmless fault, each
 * observation — is a project of one child Playwright run (src/proof/batch.config.ts): the runner and the
 * TypeScript transform start once, not once per case. The first test to ask runs the batch (minutes); its
 * outcome is kept in a file of this run, so a worker that replaces a failed one reads it instead of running it again.
 */
const CASES: BatchCase[] = [
  { name: 'clean', faults: [], files: ['suites/'] },
  ...faultExpectations.map(({ fault, suites, grep, operations, timeScale }) => ({
    name: `fault ${fault}`,
    faults: faultSpecs({ fault, operations }),
    files: suites,
    ...(grep && { grep }),
    ...(timeScale && { timeScale }),
  })),
  ...faultsBreakingNoRule.map(({ fault, suites, grep }) => ({
    name: `harmless ${fault}`,
    faults: [fault],
    files: suites,
    ...(grep && { grep }),
  })),
  ...observationExpectations.map(({ observed, faults: on, suites, grep }, i) => ({
    name: `observation ${i} ${observed.check}`,
    faults: on,
    files: suites,
    ...(grep && { grep }),
  })),
];

/**
 * The batch's outcome, by case name: run once per outer run (kept in the project's output directory, which Playwright empties when a run
 * starts).
 */
async function caseRun(name: string): Promise<SuiteRun> {
  const file = join(test.info().project.outputDir, 'proof-batch.json');
  if (!existsSync(file)) {
    const { runs } = await runBatch(CASES);
    const plain = [...runs].map(([key, r]) => [key, { ...r, failedChecks: [...r.failedChecks], warnedChecks: [...r.warnedChecks] }]);
    mkdirSync(test.info().project.outputDir, { recursive: true });
    writeFileSync(file, JSON.stringify(plain));
  }
  const plain = new Map(
    JSON.parse(readFileSync(file, 'utf8')) as [string, SuiteRun & { failedChecks: string[]; warnedChecks: string[] }][],
  );
  const run = plain.get(name);
  if (!run) throw new Error(`[vcconform] The proof batch has no case ${JSON.stringify(name)}.`);
  // The batch's whole output is long: each case shows its own failed tests first.
  return {
    ...run,
    failedChecks: new Set(run.failedChecks),
    warnedChecks: new Set(run.warnedChecks),
    output: `${run.failedTests.join('\n')}\n${run.output}`,
  };
}

// One worker runs the cases in order (the first pays for the batch); sized for a busy 2-core machine.
test.describe.configure({ mode: 'default', timeout: 1_200_000 });

test.describe('proof that the checks bite', () => {
  test('the clean mock passes every suite with no failed check', async () => {
    const run = await caseRun('clean');
    expect([...run.failedChecks], run.output.slice(-4000)).toEqual([]);
    expect([...run.warnedChecks]).toEqual([]);
    expect(run.failed, run.failedTests.join('\n')).toBe(0);
    expect(run.passed).toBeGreaterThan(0);
    expect(run.exitCode).toBe(0);
    // What the faults make them observe, the clean mock does not give them.
    const shownByFaults = [
      ...faultsBreakingNoRule.flatMap((f) => (f.observed ? [f.observed.check] : [])),
      ...observationExpectations.filter((o) => o.faults.length > 0).map((o) => o.observed.check),
    ];
    expect(run.observations.filter((o) => shownByFaults.includes(o.check))).toEqual([]);
  });

  for (const { fault, checks: caughtBy } of faultExpectations) {
    test(`fault ${fault} is caught by ${caughtBy.join(', ')}`, async () => {
      const run = await caseRun(`fault ${fault}`);
      // A fault is caught by its check failing, or warning where the rule is advisory.
      const failuresExpected = caughtBy.some((name) => checks.find((c) => c.name === name)?.severity === 'failure');
      expect(run.exitCode, run.output.slice(-3000)).toBe(failuresExpected ? 1 : 0);
      expect([...run.failedChecks, ...run.warnedChecks]).toEqual(expect.arrayContaining([...caughtBy]));
    });
  }

  for (const { fault, suites, observed } of faultsBreakingNoRule) {
    test(
      `fault ${fault} breaks no documented rule: ${suites.join(', ')} pass with no ` +
        `failed or warned check${observed ? `, and ${observed.check} reports it` : ''}`,
      async () => {
        const run = await caseRun(`harmless ${fault}`);
        expect([...run.failedChecks], run.output.slice(-3000)).toEqual([]);
        expect([...run.warnedChecks]).toEqual([]);
        expect(run.failed, run.failedTests.join('\n')).toBe(0);
        expect(run.passed).toBeGreaterThan(0);
        expect(run.exitCode).toBe(0);
        if (observed)
          expect(run.observations, JSON.stringify(run.observations, null, 1).slice(0, 3000)).toEqual(
            expect.arrayContaining([matching(observed)]),
          );
      },
    );
  }

  observationExpectations.forEach(({ observed, faults: on }, i) => {
    test(`observation ${observed.check} reports what it saw${on.length ? ` with ${on.join(', ')}` : ' on the clean mock'}`, async () => {
      const run = await caseRun(`observation ${i} ${observed.check}`);
      expect(run.passed, run.output.slice(-3000)).toBeGreaterThan(0);
      const mine = run.observations.filter((o) => o.check === observed.check);
      expect(mine, JSON.stringify(run.observations, null, 1).slice(0, 3000)).toEqual(expect.arrayContaining([matching(observed)]));
      // An observation never fails a run.
      expect(run.exitCode, run.output.slice(-3000)).toBe(0);
    });
  });

  test('failing runs keep secrets out of every artifact: no password, Basic token or session id', async () => {
    const run = await runSuites({ faults: ['session-accessed-before-created'], files: ['suites/session', 'suites/auth.unauthenticated'] });
    expect(run.exitCode).toBe(1);
    const inventory = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'inventory', 'default.json'), 'utf8')) as {
      users: { username: string; password: string }[];
    };
    const secrets = inventory.users.flatMap((u) => [u.password, Buffer.from(`${u.username}:${u.password}`).toString('base64')]);
    const files = filesUnder(run.reports).filter((f) => !f.includes(`${sep}html${sep}`)); // html/ bundles the same results and attachments
    expect(files.some((f) => f.endsWith('results.json'))).toBe(true);
    expect(files.some((f) => /exchanges\.json$|evidence/.test(f) || readFileSync(f, 'utf8').includes('exchanges.json'))).toBe(true);
    // Passwords and Basic tokens: in every file, the HTML report's embedded zip included.
    expect(findSecrets(secrets, { dirs: [run.reports] }).map((l) => `${l.secret.slice(0, 3)}… in ${l.where}`)).toEqual([]);
    for (const file of files) expect(readFileSync(file, 'utf8').match(/\b[0-9a-f]{32}\b/g) ?? [], `a session id in ${file}`).toEqual([]);
  });

  test('every fault switch is either proven caught or breaks no documented rule', () => {
    const covered = new Set([...faultExpectations.map((f) => f.fault), ...faultsBreakingNoRule.map((f) => f.fault)]);
    expect(faults.map((f) => f.name).filter((name) => !covered.has(name))).toEqual([]);
    const names = new Set(checks.map((c) => c.name));
    expect(faultExpectations.flatMap((f) => f.checks).filter((c) => !names.has(c))).toEqual([]);
  });

  test('every observation check is shown reporting what it observed, and only observation checks are listed as observed', () => {
    const observedBy = [
      ...observationExpectations.map((o) => o.observed.check),
      ...faultsBreakingNoRule.flatMap((f) => (f.observed ? [f.observed.check] : [])),
    ];
    expect(
      checks
        .filter((c) => c.severity === 'observation')
        .map((c) => c.name)
        .filter((name) => !observedBy.includes(name)),
    ).toEqual([]);
    expect(observedBy.filter((name) => checks.find((c) => c.name === name)?.severity !== 'observation')).toEqual([]);
    const faultNames = new Set(faults.map((f) => f.name));
    expect(observationExpectations.flatMap((o) => o.faults).filter((f) => !faultNames.has(f))).toEqual([]);
  });
});

/** An observation with every field `observed` names: equal to a string, matching a pattern. */
function matching(observed: Observed): Observation {
  const field = (value: string | RegExp) => (typeof value === 'string' ? value : expect.stringMatching(value));
  return expect.objectContaining({
    check: observed.check,
    ...(observed.message && { message: field(observed.message) }),
    ...(observed.received !== undefined && { received: field(observed.received) }),
    ...(observed.pointer !== undefined && { pointer: observed.pointer }),
  }) as Observation;
}
