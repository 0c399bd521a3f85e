import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { faults } from '../../mock/faults/index';
import { faultExpectations } from '../../proof/fault-expectations';
import { runSuites, type SuiteRun } from '../../proof/run-suites';
import { checkConformanceReport } from './check-report';
import { compare, type Finding } from './compare';

// Two child Playwright runs of the session suite: seconds each, far below this.
test.describe.configure({ timeout: 300_000 });

/** A fault of one operation whose proof names every check it breaks (src/proof/fault-expectations.ts). */
const FAULT = faultExpectations.find((f) => f.fault === 'session-id-wrapped')!;
const OPERATIONS = faults.find((f) => f.name === FAULT.fault)!.operations!;
const TODAY = '2026-07-15';

const conformanceOf = (run: SuiteRun) => join(run.reports, 'conformance.json');
const read = (run: SuiteRun) => checkConformanceReport(JSON.parse(readFileSync(conformanceOf(run), 'utf8')));
const keys = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.operation} ${f.check}`).sort();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

test('a clean run, then one with a fault: compare reports exactly that fault as new, and the reverse as fixed', async () => {
  const options = { files: FAULT.suites, numRuns: 3 };
  const [clean, faulty] = await Promise.all([runSuites({ ...options, faults: [] }), runSuites({ ...options, faults: [FAULT.fault] })]);
  expect(clean.exitCode, clean.output.slice(-3000)).toBe(0);
  expect(faulty.exitCode, faulty.output.slice(-3000)).toBe(1);
  const expected = (kind: string) => OPERATIONS.flatMap((op) => FAULT.checks.map((check) => `${kind} ${op} ${check}`)).sort();

  const forward = compare(read(clean), read(faulty), { today: TODAY });
  expect(keys(forward.findings)).toEqual(expected('new-failure'));
  expect(forward.regressed).toBe(true);
  const reverse = compare(read(faulty), read(clean), { today: TODAY });
  expect(keys(reverse.findings)).toEqual(expected('fixed'));
  expect(reverse.regressed).toBe(false);
  // The fault breaks failure-severity rules only: no warning comes or goes. Observed statuses change
  // (the tests stop at the wrapped id), and read the same both ways, swapped.
  expect(forward.warnings).toEqual({ appeared: [], gone: [] });
  expect(reverse.statusChanges).toEqual(
    forward.statusChanges.map((c) => ({ operation: c.operation, appeared: c.disappeared, disappeared: c.appeared })),
  );

  // The same through the command: exit 1 for the regression, 0 for the fix.
  const out = mkdtempSync(join(tmpdir(), 'vcconform-compare-proof-'));
  const regression = await cli('compare', conformanceOf(clean), conformanceOf(faulty), '--out', out, '--today', TODAY);
  expect(regression.code, regression.out).toBe(1);
  expect(regression.out.split('\n')[0]).toBe(`${FAULT.checks.length} new failures, 0 fixed, 0 still failing`);
  const fix = await cli('compare', conformanceOf(faulty), conformanceOf(clean), '--out', out, '--today', TODAY);
  expect(fix.code, fix.out).toBe(0);
  expect(fix.out.split('\n')[0]).toBe(`0 new failures, ${FAULT.checks.length} fixed, 0 still failing`);
});
