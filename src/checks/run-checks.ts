import type { Check, CheckResult, CheckStatus, Evidence } from './types';

const STATUS_FOR: Record<Check['severity'], CheckStatus> = { failure: 'failed', warning: 'warning', observation: 'info' };

/** Runs every applicable check on one piece of evidence, in registry order. */
export function runChecks(evidence: Evidence, checks: readonly Check[]): CheckResult[] {
  const operation = evidence.exchange.operation ?? '-';
  return checks
    .filter((c) => c.appliesTo(evidence))
    .map((check) => {
      const issues = check.run(evidence);
      const status: CheckStatus = issues.length === 0 ? 'passed' : STATUS_FOR[check.severity];
      return { check: { name: check.name, reason: check.reason, severity: check.severity }, operation, status, issues };
    });
}

/** Only the results that fail the run (failure-severity issues). */
export function failuresOf(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.status === 'failed');
}
