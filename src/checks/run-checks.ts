import type { Check, CheckResult, CheckStatus, Evidence, Issue } from './types';

/** The issues `check` finds in the evidence, or undefined when it has nothing to judge there. */
export function judge(check: Check, evidence: Evidence): Issue[] | undefined {
  const subject = check.select(evidence);
  return subject === undefined ? undefined : check.run(subject, evidence);
}

const STATUS_FOR: Record<Check['severity'], CheckStatus> = { failure: 'failed', warning: 'warning', observation: 'info' };

/** Runs every applicable check on one piece of evidence, in registry order. */
export function runChecks(evidence: Evidence, checks: readonly Check[]): CheckResult[] {
  const operation = evidence.exchange.operation ?? '-';
  return checks.flatMap((check) => {
    const issues = judge(check, evidence);
    if (issues === undefined) return [];
    const status: CheckStatus = issues.length === 0 ? 'passed' : STATUS_FOR[check.severity];
    return [{ check: { name: check.name, reason: check.reason, severity: check.severity }, operation, status, issues }];
  });
}

/** Only the results that fail the run (failure-severity issues). */
export function failuresOf(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'failed');
}
