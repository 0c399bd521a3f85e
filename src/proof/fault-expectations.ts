/**
 * Which check must catch each mock fault switch, and which suites exercise it. The proof
 * self-test runs those suites against the mock with the fault on and asserts the named checks
 * fail (or warn, where the rule is advisory).
 */
export interface FaultExpectation {
  fault: string;
  /** Every one of these checks must fail (or warn, for warning-severity checks) with the fault on. */
  caughtBy: string[];
  /** Suite file filters (Playwright path regexes) that exercise the rule. */
  suites: string[];
}

const SESSION = ['suites/session'];
const AUTH = ['suites/auth.unauthenticated'];
const UM = ['suites/upgrade-multiple'];
const LIFECYCLE = ['suites/stage-task.lifecycle'];
const OPTIONAL = ['suites/stage-task.optional-fields'];

export const faultExpectations: readonly FaultExpectation[] = [
  // sessions and authentication
  { fault: 'unauthenticated-without-body', caughtBy: ['unauthenticated-is-401', 'body-matches-schema'], suites: SESSION },
  { fault: 'unauthorized-as-400', caughtBy: ['unprivileged-is-403-unauthorized', 'error-type-matches-status'], suites: ['suites/auth.privileges'] },
  { fault: 'session-create-200', caughtBy: ['status-is-documented'], suites: SESSION },
  { fault: 'deleted-session-accepted', caughtBy: ['unauthenticated-is-401'], suites: SESSION },
  { fault: 'session-id-wrapped', caughtBy: ['session-id-is-json-string', 'body-matches-schema'], suites: SESSION },
  { fault: 'session-accessed-before-created', caughtBy: ['session-times-are-ordered'], suites: SESSION },
  { fault: 'live-session-refused', caughtBy: ['authenticated-is-not-401'], suites: AUTH },
  { fault: 'auth-errors-with-data', caughtBy: ['auth-errors-carry-no-data'], suites: ['suites/auth'] },
  // upgradeMultiple
  { fault: 'ignore-warnings-by-default', caughtBy: ['ignore-warnings-true-starts-warning-cluster', 'unset-ignore-warnings-equals-false'], suites: UM },
  { fault: 'started-with-exception', caughtBy: ['started-has-no-exception'], suites: UM },
  { fault: 'missing-result-key', caughtBy: ['result-keys-match-request'], suites: UM },
  { fault: 'extra-result-key', caughtBy: ['result-keys-match-request'], suites: UM },
  { fault: 'precheck-failure-as-400', caughtBy: ['precheck-failure-is-per-cluster', 'status-is-documented'], suites: [...UM, 'suites/clusters'] },
  { fault: 'ignore-warnings-skips-errors', caughtBy: ['precheck-errors-are-rejected'], suites: UM },
  { fault: 'ignore-warnings-flag-ignored', caughtBy: ['ignore-warnings-true-starts-warning-cluster'], suites: UM },
  { fault: 'unauthorized-after-starting', caughtBy: ['unprivileged-batch-starts-nothing'], suites: UM },
  { fault: 'started-but-not-upgrading', caughtBy: ['started-cluster-shows-upgrade'], suites: UM },
  { fault: 'rejected-but-upgrading', caughtBy: ['rejected-cluster-does-not-upgrade'], suites: UM },
  { fault: 'clean-cluster-rejected', caughtBy: ['clean-precheck-cluster-is-started'], suites: UM },
  { fault: 'exception-as-string', caughtBy: ['rejected-exception-is-an-object', 'body-matches-schema'], suites: UM },
  // the stage task
  { fault: 'stage-returns-200', caughtBy: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
  { fault: 'task-id-wrapped', caughtBy: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
  { fault: 'result-status-while-running', caughtBy: ['stage-result-status-absent-while-running'], suites: LIFECYCLE },
  { fault: 'hosts-empty-stages-none', caughtBy: ['hosts-unset-equals-all-hosts'], suites: OPTIONAL },
  { fault: 'older-commit-used', caughtBy: ['commit-unset-equals-latest'], suites: OPTIONAL },
  { fault: 'unprivileged-stage-succeeds', caughtBy: ['unprivileged-stage-is-refused'], suites: ['suites/stage-task.privileges'] },
  { fault: 'stage-hosts-ignored', caughtBy: ['stage-result-hosts-are-requested'], suites: LIFECYCLE },
  { fault: 'stage-host-in-two-sets', caughtBy: ['stage-result-host-sets-are-disjoint'], suites: LIFECYCLE },
  { fault: 'stage-result-foreign-host', caughtBy: ['stage-result-hosts-belong-to-cluster'], suites: LIFECYCLE },
  { fault: 'stage-result-legacy-maps', caughtBy: ['task-result-matches-schema'], suites: LIFECYCLE },
  { fault: 'concurrent-stage-accepted', caughtBy: ['documented-error-is-returned'], suites: ['suites/stage-task.errors'] },
  // the task lifecycle
  { fault: 'task-status-goes-backwards', caughtBy: ['task-transitions-are-legal'], suites: LIFECYCLE },
  { fault: 'progress-above-total', caughtBy: ['progress-within-total'], suites: LIFECYCLE },
  { fault: 'progress-decreases', caughtBy: ['progress-never-decreases'], suites: LIFECYCLE },
  { fault: 'unknown-task-500', caughtBy: ['documented-error-is-returned'], suites: ['suites/tasks.get'] },
  { fault: 'task-missing-start-time', caughtBy: ['task-fields-match-status'], suites: LIFECYCLE },
  { fault: 'stuck-task', caughtBy: ['task-finishes-within-budget'], suites: LIFECYCLE },
  { fault: 'slow-task', caughtBy: ['task-is-not-slow'], suites: LIFECYCLE },
  { fault: 'error-on-succeeded', caughtBy: ['task-error-only-when-failed'], suites: LIFECYCLE },
  { fault: 'running-with-end-time', caughtBy: ['task-fields-absent-outside-status'], suites: LIFECYCLE },
  { fault: 'task-ends-before-it-starts', caughtBy: ['task-times-are-ordered'], suites: LIFECYCLE },
  { fault: 'task-error-free-form', caughtBy: ['task-error-is-vapi-shaped', 'stage-refusal-is-authorization-error'], suites: [...LIFECYCLE, 'suites/stage-task.privileges'] },
  // every operation
  { fault: 'error-type-mismatch', caughtBy: ['error-type-matches-status', 'documented-error-is-returned'], suites: AUTH },
  { fault: 'error-body-not-json', caughtBy: ['content-type-is-json'], suites: AUTH },
  { fault: 'internal-error', caughtBy: ['status-is-documented'], suites: SESSION },
  { fault: 'service-unavailable', caughtBy: ['unauthenticated-is-401'], suites: SESSION },
  { fault: 'malformed-json-500', caughtBy: ['invalid-input-is-rejected-with-4xx'], suites: ['suites/invalid-input'] },
  { fault: 'stage-without-body-accepted', caughtBy: ['probe-is-refused'], suites: ['suites/routing.probes'] },
];

/** Faults that break no documented rule, so no check may fail because of them. */
export const faultsBreakingNoRule: Readonly<Record<string, string>> = {
  latency: 'slows every answer by 200 ms; exercises budgets and pollers, breaks no documented rule',
  'exclude-result-ignored': 'the on-the-wire spelling of Cis.Tasks.GetSpec on /api is undocumented (vcenter-contract.md §8): only observed, by task-result-omitted-when-excluded',
};
