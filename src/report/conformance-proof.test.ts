import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { loadInventory } from '../mock/inventory';
import { faultExpectations } from '../proof/fault-expectations';
import { mergeReports, runShard, runSuites } from '../proof/run-suites';
import type { ConformanceReport } from './conformance-types';

// Each case runs the suites in a child Playwright (seconds to a minute each).
test.describe.configure({ mode: 'parallel', timeout: 300_000 });

const CLEAN_FILES = ['suites/session', 'suites/upgrade-multiple.optional-fields'];
const FAULT = 'unauthorized-as-400';

/** conformance.json of a reports directory, after asserting it is valid against the published schema. */
function conformance(reports: string): ConformanceReport {
  const report = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as ConformanceReport;
  const validate = validatorFor('Vcconform.Conformance.Report');
  expect(validate(report) ? [] : validate.errors).toEqual([]);
  return report;
}

/** Every secret the mock's users have: passwords and Basic tokens. */
function secrets(): string[] {
  return loadInventory().users.flatMap((u) => [u.password, Buffer.from(`${u.username}:${u.password}`).toString('base64')]);
}

test.describe('conformance.json from real runs of the suites', () => {
  test('a clean run passes, with no failures, and its coverage shows what was and was not observed', async () => {
    const run = await runSuites({ faults: [], files: CLEAN_FILES });
    expect(run.exitCode, run.output.slice(-3000)).toBe(0);
    const report = conformance(run.reports);
    // The build is the one the embedded mock answers GET /api/appliance/system/version with: the inventory's appliance block.
    const { product, version, build, type, releasedate } = loadInventory().appliance;
    expect(report).toMatchObject({
      target: { kind: 'mock', url: 'embedded', build: { product, version, build, type, releasedate } },
      seed: 20261124,
      verdict: 'pass',
      failures: [],
      errors: [],
    });
    // …and junit.xml names it as a property of every test case.
    const junit = readFileSync(join(run.reports, 'junit.xml'), 'utf8');
    const named = [...junit.matchAll(/<property name="vcconform\.build" value="([^"]*)">/g)].map((m) => m[1]);
    expect(named.length, 'every test that ran names the build').toBeGreaterThanOrEqual(run.passed);
    expect(new Set(named)).toEqual(new Set([`${product} ${version} build ${build} (${type}; not patched)`]));
    expect(report.tests).toEqual({ total: run.passed + run.skipped, passed: run.passed, failed: 0, skipped: run.skipped, flaky: 0 });
    expect(report.seeds).toEqual([20261124]);
    expect(report.counts.failed).toBe(0);
    expect(report.results.find((r) => r.operation === 'session.create' && r.check === 'session-id-is-json-string')).toMatchObject({
      status: 'passed',
      severity: 'failure',
    });
    const session = report.coverage.find((c) => c.operation === 'session.create')!;
    expect(session.statuses.find((s) => s.status === 201)).toEqual({
      status: 201,
      errorType: null,
      documented: true,
      observed: expect.any(Number),
    });
    expect(session.statuses.find((s) => s.status === 201)!.observed).toBeGreaterThan(0);
    expect(session.statuses.find((s) => s.status === 503)).toEqual({
      status: 503,
      errorType: 'SERVICE_UNAVAILABLE',
      documented: true,
      observed: 0,
    });
    const [ignoreWarnings] = report.coverage.find((c) => c.operation === 'clusters.upgradeMultiple')!.optionalFields;
    expect(ignoreWarnings).toMatchObject({ field: 'ignore_precheck_warnings' });
    expect(ignoreWarnings!.unset, 'sent without the field').toBeGreaterThan(0);
    expect(ignoreWarnings!.explicit, 'sent with true or false').toBeGreaterThan(0);
  });

  test('a mock whose version read fails still runs clean: the build is null, said once per worker, and no test fails for it', async () => {
    const run = await runSuites({ faults: ['internal-error@appliance.version'], files: ['suites/session'] });
    expect(run.exitCode, run.output.slice(-3000)).toBe(0);
    const report = conformance(run.reports);
    expect(report).toMatchObject({ target: { kind: 'mock', url: 'embedded', build: null }, verdict: 'pass', errors: [] });
    expect(run.output.split('\n').filter((l) => l.includes('did not report its build'))).toEqual([
      '[vcconform] observation: the embedded mock did not report its build: GET /api/appliance/system/version ' +
        'answered 500 ERROR. The reports say "not reported by the target"; the run goes on.',
    ]);
    expect(readFileSync(join(run.reports, 'junit.xml'), 'utf8')).toContain(
      '<property name="vcconform.build" value="not reported by the target">',
    );
  });

  test(`a run with the fault ${FAULT} fails, naming the check, with redacted evidence, a curl line and the replay`, async () => {
    const { suites, checks: caughtBy } = faultExpectations.find((f) => f.fault === FAULT)!;
    const run = await runSuites({ faults: [FAULT], files: suites });
    expect(run.exitCode).toBe(1);
    const text = readFileSync(join(run.reports, 'conformance.json'), 'utf8');
    const report = conformance(run.reports);
    expect(report.verdict).toBe('fail');
    for (const check of caughtBy) {
      const failed = report.results.filter((r) => r.check === check && r.status === 'failed');
      expect(
        failed.map((r) => r.operation),
        check,
      ).toContain('clusters.upgradeMultiple');
    }
    const failure = report.failures.find(
      (f) => f.operation === 'clusters.upgradeMultiple' && f.check === 'unprivileged-is-403-unauthorized',
    )!;
    expect(failure).toBeDefined();
    expect(failure.rule).toMatch(/403 UNAUTHORIZED/);
    expect(failure.issues[0]).toMatchObject({ received: expect.stringContaining('400'), documented: expect.stringContaining('403') });
    expect(failure.exchange).toMatchObject({
      method: 'POST',
      status: 400,
      requestHeaders: { 'vmware-api-session-id': '<redacted:session-id>' },
    });
    expect(failure.curl).toMatch(
      new RegExp(
        /^curl -sS -X POST "\$VCENTER_URL"'\/api\/vcenter\/namespace-management\/software\/clusters\?action=upgradeMultiple' /.source +
          /.*-H "vmware-api-session-id: \$VMWARE_API_SESSION_ID"/.source,
      ),
    );
    // The replay command selects the same fault, so pasting it reproduces the failure.
    expect(failure.replay).toMatchObject({
      seed: 20261124,
      command: expect.stringMatching(new RegExp(`^vcconform run --fault ${FAULT} --seed 20261124 --path \\S+ --grep '.+'$`)),
    });
    expect(failure.task).toBeNull();
    expect(report.errors, 'every failed test failed by a check').toEqual([]);
    for (const secret of secrets()) expect(text.includes(secret), `${secret.slice(0, 3)}… in conformance.json`).toBe(false);
    expect(text.match(/\b[0-9a-f]{32}\b/g) ?? [], 'a session id in conformance.json').toEqual([]);
  });

  test('shards merged with merge-reports give the same conformance.json as one run (timing aside)', async () => {
    const [whole, first, second] = await Promise.all([
      runSuites({ faults: [], files: CLEAN_FILES }),
      runShard({ faults: [], files: CLEAN_FILES, shard: '1/2' }),
      runShard({ faults: [], files: CLEAN_FILES, shard: '2/2' }),
    ]);
    expect([first.exitCode, second.exitCode], first.output.slice(-2000) + second.output.slice(-2000)).toEqual([0, 0]);
    // Both shards ran tests, so the merge really has two halves to join.
    for (const shard of [first, second])
      expect(Number(/(\d+) passed/.exec(shard.output)?.[1] ?? 0), shard.output.slice(-1000)).toBeGreaterThan(0);
    const merged = await mergeReports([first.blob, second.blob]);
    expect(merged.exitCode, merged.output.slice(-3000)).toBe(0);
    const untimed = ({ startedAt: _s, durationMs: _d, ...rest }: ConformanceReport) => rest;
    const one = conformance(whole.reports);
    const both = conformance(merged.reports);
    expect(untimed(both)).toEqual(untimed(one));
  });
});
