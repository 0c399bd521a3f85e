import { checks } from '../checks/index';
import type { CheckStatus, Issue } from '../checks/types';
import { declaredPlan } from '../safety/plan';
import { parseJson, type CollectedTest } from './collected-test';
import type { CheckOutcome, ResultStatus } from './conformance-types';

/** The annotation fixtures/verify.ts writes for every check evaluation. */
export const CHECK_ANNOTATION = 'vcconform.check';

/** One check evaluation as fixtures/verify.ts records it. */
export interface CheckAnnotation {
  check: string;
  operation: string;
  status: CheckStatus;
  scenario: string;
  issues: Issue[];
}

/** The test's check evaluations, in the order they ran. */
export function checkAnnotations(test: CollectedTest): CheckAnnotation[] {
  return test.annotations
    .filter((a) => a.type === CHECK_ANNOTATION)
    .map((a) => parseJson<CheckAnnotation>(a.description ?? '', `${CHECK_ANNOTATION} annotation`, test));
}

/** Why the test was skipped: its skip (or fixme) annotation. */
export function skipReason(test: CollectedTest): string {
  const skip = test.annotations.find((a) => (a.type === 'skip' || a.type === 'fixme') && a.description);
  return skip?.description ?? 'skipped (no reason given)';
}

// The outcome of several evaluations is the worst of them.
const WORST_FIRST: readonly ResultStatus[] = ['failed', 'warning', 'info', 'passed', 'skipped'];
const severityOf = new Map(checks.map((c) => [c.name, c.severity]));

/**
 * One outcome per (operation, check) evaluated by some test, and one per (planned operation, skip
 * reason) of the skipped tests; sorted by operation, check, reason.
 */
export function checkOutcomes(tests: readonly CollectedTest[]): CheckOutcome[] {
  const outcomes = new Map<string, CheckOutcome>();
  const entry = (operation: string, check: string, reason?: string): CheckOutcome => {
    const key = JSON.stringify([operation, check, reason ?? null]);
    let outcome = outcomes.get(key);
    if (!outcome) {
      const severity = check === '*' ? null : (severityOf.get(check) ?? null);
      outcome = {
        operation,
        check,
        severity,
        status: 'passed',
        counts: { passed: 0, failed: 0, warning: 0, info: 0, skipped: 0 },
        ...(reason !== undefined && { reason }),
        tests: [],
      };
      outcomes.set(key, outcome);
    }
    return outcome;
  };
  const count = (outcome: CheckOutcome, status: ResultStatus, testId: string) => {
    outcome.counts[status]++;
    if (!outcome.tests.includes(testId)) outcome.tests.push(testId);
  };
  for (const test of tests) {
    for (const a of checkAnnotations(test)) count(entry(a.operation, a.check), a.status, test.id);
    if (test.status !== 'skipped') continue;
    const reason = skipReason(test);
    const plan = declaredPlan(test.annotations) ?? {};
    const planned = [...new Set(Object.values(plan).flatMap((ops) => ops ?? []))];
    for (const operation of planned.length > 0 ? planned : ['-']) count(entry(operation, '*', reason), 'skipped', test.id);
  }
  for (const outcome of outcomes.values()) {
    outcome.status = WORST_FIRST.find((s) => outcome.counts[s] > 0) ?? 'passed';
    outcome.tests.sort();
  }
  return [...outcomes.values()].sort(
    (a, b) => cmp(a.operation, b.operation) || cmp(a.check, b.check) || cmp(a.reason ?? '', b.reason ?? ''),
  );
}

/** Code-unit order: the same on every machine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
