import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
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

  test('failing runs keep secrets out of every artifact: no password, Basic token or session id', async () => {
    const run = await runSuites({ faults: ['session-accessed-before-created'], files: ['suites/session', 'suites/auth.unauthenticated'] });
    expect(run.exitCode).toBe(1);
    const inventory = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'inventory', 'default.json'), 'utf8')) as { users: { username: string; password: string }[] };
    const secrets = inventory.users.flatMap((u) => [u.password, Buffer.from(`${u.username}:${u.password}`).toString('base64')]);
    const files = listFiles(run.reports).filter((f) => !f.includes(`${sep}html${sep}`)); // html/ bundles the same results and attachments
    expect(files.some((f) => f.endsWith('results.json'))).toBe(true);
    expect(files.some((f) => /exchanges\.json$|evidence/.test(f) || readFileSync(f, 'utf8').includes('exchanges.json'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 3)}… in ${file}`).toBe(false);
      expect(text.match(/\b[0-9a-f]{32}\b/g) ?? [], `a session id in ${file}`).toEqual([]);
    }
  });

  test('every fault switch is either proven caught or breaks no documented rule', () => {
    const covered = new Set([...faultExpectations.map((f) => f.fault), ...Object.keys(faultsBreakingNoRule)]);
    expect(faults.map((f) => f.name).filter((name) => !covered.has(name))).toEqual([]);
    const names = new Set(checks.map((c) => c.name));
    expect(faultExpectations.flatMap((f) => f.caughtBy).filter((c) => !names.has(c))).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
