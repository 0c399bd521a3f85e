import { test, expect } from '@playwright/test';
import { faults } from '../mock/faults/index';
import { checks } from '../checks/index';
import { faultExpectations, faultsBreakingNoRule } from './fault-expectations';
import { runSuites } from './run-suites';

// Each case runs a child Playwright over the suites: minutes, not seconds, in total.
test.describe.configure({ mode: 'parallel', timeout: 300_000 });

test.describe('proof that the checks bite', () => {
  test('the clean mock passes every suite with no failed check', async () => {
    const run = await runSuites({ faults: [] });
    expect([...run.failedChecks], run.output.slice(-4000)).toEqual([]);
    expect([...run.warnedChecks]).toEqual([]);
    expect(run.failed, run.failedTests.join('\n')).toBe(0);
    expect(run.passed).toBeGreaterThan(0);
    expect(run.exitCode).toBe(0);
  });

  for (const { fault, caughtBy, suites } of faultExpectations) {
    test(`fault ${fault} is caught by ${caughtBy.join(', ')}`, async () => {
      const run = await runSuites({ faults: [fault], files: suites });
      // A fault is caught by its check failing, or warning where the rule is advisory.
      const failuresExpected = caughtBy.some((name) => checks.find((c) => c.name === name)?.severity === 'failure');
      expect(run.exitCode, run.output.slice(-3000)).toBe(failuresExpected ? 1 : 0);
      expect([...run.failedChecks, ...run.warnedChecks]).toEqual(expect.arrayContaining(caughtBy));
    });
  }

  test('every fault switch is either proven caught or breaks no documented rule', () => {
    const covered = new Set([...faultExpectations.map((f) => f.fault), ...Object.keys(faultsBreakingNoRule)]);
    expect(faults.map((f) => f.name).filter((name) => !covered.has(name))).toEqual([]);
    const names = new Set(checks.map((c) => c.name));
    expect(faultExpectations.flatMap((f) => f.caughtBy).filter((c) => !names.has(c))).toEqual([]);
  });
});
