/**
 * Which check must catch each mock fault switch, and which suites exercise it. The proof
 * self-test runs those suites against the mock with the fault on and asserts the named checks
 * fail (or warn, where the rule is advisory). The catching check is the one that names the rule
 * the fault's `breaks` line cites.
 */
export interface FaultExpectation {
  fault: string;
  /** Every one of these checks must fail (or warn, for warning-severity checks) with the fault on. */
  caughtBy: string[];
  /** Suite file filters (Playwright path regexes) that exercise the rule. */
  suites: string[];
  /** Only the tests whose title matches (Playwright `--grep`): the test that sets up the broken rule. */
  grep?: string;
  /** Narrows the fault to these operations (`NAME@OPERATION_ID`), so the calls the suites need first (a login) still work. */
  operations?: string[];
  /** The mock's time scale, where the rule can only be seen while a task runs (see WHILE_RUNNING). */
  timeScale?: number;
}

/** What an observation check must have reported: a value or pattern for each field of one of its issues. */
export interface Observed {
  check: string;
  message?: RegExp;
  received?: string | RegExp;
  pointer?: string;
}

/** A run of narrow suites in which an observation-severity check must report what it observed (it never fails, by design). */
export interface ObservationExpectation {
  observed: Observed;
  /** The fault switches on: none where the clean mock always gives the check something to report. */
  faults: string[];
  suites: string[];
  grep?: string;
}

/** A fault that breaks no documented rule: with it on, these suites pass with no failed and no warned check. */
export interface HarmlessFault {
  fault: string;
  why: string;
  suites: string[];
  grep?: string;
  /** What an observation check must report with the fault on (and does not on the clean mock). */
  observed?: Observed;
}

/** The fault names a run switches on: the fault itself, or one narrowed copy per operation. */
export function faultSpecs({ fault, operations }: Pick<FaultExpectation, 'fault' | 'operations'>): string[] {
  return operations ? operations.map((op) => `${fault}@${op}`) : [fault];
}

const SESSION = ['suites/session'];
const AUTH = ['suites/auth.unauthenticated'];
const UM = ['suites/upgrade-multiple'];
const LIFECYCLE = ['suites/stage-task.lifecycle'];
const OPTIONAL = ['suites/stage-task.optional-fields'];
const STAGE_ERRORS = ['suites/stage-task.errors'];
/**
 * A time scale at which a stage of three hosts (31 virtual seconds) lasts about 150 ms, so the
 * poller (1 ms, ×1.2) sees it RUNNING more than once; at the default 2000 it is over in 15 ms and
 * a loaded machine may poll only PENDING and SUCCEEDED.
 */
const WHILE_RUNNING = 200;
const CLUSTER_OPERATIONS = ['clusters.list', 'clusters.get', 'clusters.upgrade', 'clusters.upgradeMultiple'];

export const faultExpectations: readonly FaultExpectation[] = [
  // sessions and authentication
  { fault: 'unauthenticated-without-body', caughtBy: ['unauthenticated-is-401', 'body-matches-schema'], suites: SESSION },
  {
    fault: 'unauthorized-as-400',
    caughtBy: ['unprivileged-is-403-unauthorized', 'error-type-matches-status'],
    suites: ['suites/auth.privileges'],
  },
  { fault: 'session-create-200', caughtBy: ['status-is-documented'], suites: SESSION },
  { fault: 'deleted-session-accepted', caughtBy: ['unauthenticated-is-401'], suites: SESSION },
  { fault: 'session-id-wrapped', caughtBy: ['session-id-is-json-string', 'body-matches-schema'], suites: SESSION },
  { fault: 'session-accessed-before-created', caughtBy: ['session-times-are-ordered'], suites: SESSION },
  {
    fault: 'session-access-time-goes-back',
    caughtBy: ['session-times-are-ordered'],
    suites: SESSION,
    grep: 'last_accessed_time never goes back',
  },
  {
    fault: 'unauthenticated-without-challenge',
    caughtBy: ['unauthenticated-carries-challenge'],
    suites: AUTH,
    grep: 'session.get refuses',
  },
  { fault: 'live-session-refused', caughtBy: ['authenticated-is-not-401'], suites: AUTH },
  { fault: 'auth-errors-with-data', caughtBy: ['auth-errors-carry-no-data'], suites: ['suites/auth'] },
  // upgradeMultiple
  {
    fault: 'ignore-warnings-by-default',
    caughtBy: ['ignore-warnings-true-starts-warning-cluster', 'unset-ignore-warnings-equals-false'],
    suites: UM,
  },
  { fault: 'started-with-exception', caughtBy: ['started-has-no-exception'], suites: UM },
  { fault: 'missing-result-key', caughtBy: ['result-keys-match-request'], suites: UM },
  { fault: 'extra-result-key', caughtBy: ['result-keys-match-request'], suites: UM },
  // namespace software clusters: list
  { fault: 'list-omits-cluster', caughtBy: ['list-includes-wcp-clusters'], suites: ['suites/clusters.read'] },
  {
    fault: 'precheck-failure-as-400',
    caughtBy: ['precheck-failure-is-per-cluster', 'status-is-documented'],
    suites: [...UM, 'suites/clusters'],
  },
  { fault: 'ignore-warnings-skips-errors', caughtBy: ['precheck-errors-are-rejected'], suites: UM },
  { fault: 'ignore-warnings-flag-ignored', caughtBy: ['ignore-warnings-true-starts-warning-cluster'], suites: UM },
  { fault: 'unauthorized-after-starting', caughtBy: ['unprivileged-batch-starts-nothing'], suites: UM },
  // The started clusters are polled to the end of the (proof's short) task budget before the check fails.
  { fault: 'started-but-not-upgrading', caughtBy: ['started-cluster-shows-upgrade'], suites: UM, grep: 'get agrees|get shows it' },
  {
    fault: 'single-upgrade-not-started',
    caughtBy: ['started-cluster-shows-upgrade'],
    suites: ['suites/clusters.read'],
    grep: 'get then shows the upgrade',
  },
  { fault: 'rejected-but-upgrading', caughtBy: ['rejected-cluster-does-not-upgrade'], suites: UM },
  { fault: 'clean-cluster-rejected', caughtBy: ['clean-precheck-cluster-is-started'], suites: UM },
  { fault: 'exception-as-string', caughtBy: ['rejected-exception-is-an-object', 'body-matches-schema'], suites: UM },
  // The single call's own documented 400 UNSUPPORTED is missed too: both checks name the shared pre-check.
  {
    fault: 'single-upgrade-ignores-warnings-by-default',
    caughtBy: ['single-and-batch-agree', 'documented-error-is-returned'],
    suites: UM,
    grep: 'the single upgrade agree',
  },
  // the stage task
  { fault: 'stage-returns-200', caughtBy: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
  { fault: 'task-id-wrapped', caughtBy: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
  {
    fault: 'result-status-while-running',
    caughtBy: ['stage-result-status-absent-while-running'],
    suites: LIFECYCLE,
    timeScale: WHILE_RUNNING,
  },
  { fault: 'hosts-empty-stages-none', caughtBy: ['hosts-unset-equals-all-hosts'], suites: OPTIONAL },
  { fault: 'older-commit-used', caughtBy: ['commit-unset-equals-latest'], suites: OPTIONAL },
  {
    fault: 'null-optional-refused',
    caughtBy: ['commit-unset-equals-latest', 'hosts-unset-equals-all-hosts', 'unset-ignore-warnings-equals-false'],
    suites: [...OPTIONAL, 'suites/upgrade-multiple.optional-fields'],
  },
  { fault: 'unprivileged-stage-succeeds', caughtBy: ['unprivileged-stage-is-refused'], suites: ['suites/stage-task.privileges'] },
  { fault: 'stage-hosts-ignored', caughtBy: ['stage-result-hosts-are-requested'], suites: LIFECYCLE },
  { fault: 'stage-host-in-two-sets', caughtBy: ['stage-result-host-sets-are-disjoint'], suites: LIFECYCLE },
  { fault: 'stage-result-foreign-host', caughtBy: ['stage-result-hosts-belong-to-cluster'], suites: LIFECYCLE },
  { fault: 'stage-result-legacy-maps', caughtBy: ['task-result-matches-schema'], suites: LIFECYCLE },
  { fault: 'concurrent-stage-accepted', caughtBy: ['documented-error-is-returned'], suites: STAGE_ERRORS },
  { fault: 'stage-unknown-commit-accepted', caughtBy: ['documented-error-is-returned'], suites: STAGE_ERRORS, grep: 'an unknown commit' },
  {
    fault: 'stage-foreign-host-accepted',
    caughtBy: ['documented-error-is-returned'],
    suites: STAGE_ERRORS,
    grep: 'a host outside the cluster',
  },
  {
    fault: 'stage-unknown-cluster-400',
    caughtBy: ['documented-error-is-returned'],
    suites: STAGE_ERRORS,
    grep: 'a cluster that does not exist',
  },
  { fault: 'stage-refusal-as-not-found', caughtBy: ['stage-refusal-is-authorization-error'], suites: ['suites/stage-task.privileges'] },
  { fault: 'stage-refusal-as-error', caughtBy: ['stage-task-refusal-is-authorization-error'], suites: ['suites/stage-task.privileges'] },
  // the task lifecycle
  { fault: 'task-status-goes-backwards', caughtBy: ['task-transitions-are-legal'], suites: LIFECYCLE },
  { fault: 'progress-above-total', caughtBy: ['progress-within-total'], suites: LIFECYCLE },
  { fault: 'progress-decreases', caughtBy: ['progress-never-decreases'], suites: LIFECYCLE },
  { fault: 'unknown-task-500', caughtBy: ['documented-error-is-returned'], suites: ['suites/tasks.get'] },
  { fault: 'task-missing-start-time', caughtBy: ['task-fields-match-status'], suites: LIFECYCLE },
  { fault: 'running-without-progress', caughtBy: ['task-fields-match-status'], suites: LIFECYCLE, timeScale: WHILE_RUNNING },
  { fault: 'stuck-task', caughtBy: ['task-finishes-within-budget'], suites: LIFECYCLE },
  { fault: 'slow-task', caughtBy: ['task-is-not-slow'], suites: LIFECYCLE },
  { fault: 'error-on-succeeded', caughtBy: ['task-error-only-when-failed'], suites: LIFECYCLE },
  { fault: 'running-with-end-time', caughtBy: ['task-fields-absent-outside-status'], suites: LIFECYCLE, timeScale: WHILE_RUNNING },
  { fault: 'task-ends-before-it-starts', caughtBy: ['task-times-are-ordered'], suites: LIFECYCLE },
  { fault: 'task-error-free-form', caughtBy: ['task-error-is-vapi-shaped'], suites: LIFECYCLE },
  // every operation
  { fault: 'error-type-mismatch', caughtBy: ['error-type-matches-status', 'documented-error-is-returned'], suites: AUTH },
  { fault: 'error-body-not-json', caughtBy: ['content-type-is-json'], suites: AUTH },
  { fault: 'internal-error', caughtBy: ['status-is-documented'], suites: SESSION },
  // Narrowed to the cluster operations (which declare no 503): login and the session service stay up.
  { fault: 'service-unavailable', caughtBy: ['status-is-documented'], suites: ['suites/clusters'], operations: CLUSTER_OPERATIONS },
  { fault: 'malformed-json-500', caughtBy: ['invalid-input-is-rejected-with-4xx'], suites: ['suites/invalid-input'] },
  { fault: 'stage-without-body-accepted', caughtBy: ['probe-is-refused'], suites: ['suites/routing.probes'] },
];

/** Faults that break no documented rule: the proof runs them, and no check may fail or warn because of them. */
export const faultsBreakingNoRule: readonly HarmlessFault[] = [
  { fault: 'latency', why: 'slows every answer by 200 ms; exercises budgets and pollers, breaks no documented rule', suites: LIFECYCLE },
  {
    fault: 'exclude-result-ignored',
    why:
      'the on-the-wire spelling of Cis.Tasks.GetSpec on /api is undocumented ' +
      '(vcenter-contract.md §8): only observed, by task-result-omitted-when-excluded',
    suites: ['suites/tasks.get'],
    grep: 'exclude_result',
    observed: {
      check: 'task-result-omitted-when-excluded',
      message: /^the result came back although \?exclude_result=true was sent/,
      received: /^\{"status":\{"status":"OK"/,
      pointer: '/result',
    },
  },
  {
    fault: 'unset-fields-sent-as-null',
    why:
      'the 9.1 prose allows an unset optional field to be "missing or null" ' +
      '(vcenter-contract.md §1): only observed, by unset-fields-are-omitted-not-null',
    suites: ['suites/tasks.get'],
    grep: 'exclude_result',
    observed: {
      check: 'unset-fields-are-omitted-not-null',
      message: /^an unset field is sent as null instead of being omitted$/,
      received: 'null',
      pointer: '/parent',
    },
  },
];

/**
 * Each observation-severity check shown reporting what it observed, in one narrow run (a fault
 * switch where the clean mock gives it nothing to report). task-result-omitted-when-excluded is
 * shown by the exclude-result-ignored entry of faultsBreakingNoRule.
 */
export const observationExpectations: readonly ObservationExpectation[] = [
  {
    observed: {
      check: 'probe-answer-is-observed',
      message: /action=stage without vmw-task: answered 404 NOT_FOUND$/,
      received: '404 NOT_FOUND',
    },
    faults: [],
    suites: ['suites/routing.probes'],
    grep: 'a non-task \\?action=stage',
  },
  {
    observed: {
      check: 'stage-refusal-status-is-observed',
      message: /^the stage by an unprivileged user came out as: 202, task FAILED with UNAUTHORIZED$/,
      received: '202, task FAILED with UNAUTHORIZED',
    },
    faults: [],
    suites: ['suites/stage-task.privileges'],
    grep: 'by the operator user',
  },
  {
    observed: {
      check: 'unknown-cluster-outcome-is-observed',
      message: /^non-WCP cluster domain-c\d+ is reported inside the 200 body$/,
      received: 'res REJECTED (exception UNSUPPORTED)',
    },
    faults: [],
    suites: ['suites/upgrade-multiple.probes'],
    grep: 'not WCP-enabled',
  },
  {
    observed: { check: 'empty-batch-outcome-is-observed', message: /^an empty batch \{\} was answered$/, received: '200 {}' },
    faults: [],
    suites: ['suites/upgrade-multiple.probes'],
    grep: 'empty batch',
  },
  {
    // The mock refuses a duplicate in a uniqueItems array; a server that binds it to a set and accepts it is as right.
    observed: {
      check: 'lenient-input-answer-is-observed',
      message: /^duplicate-item at \/filter_spec\/\w+\/\d+ was answered 400$/,
      received: '400 INVALID_ARGUMENT',
    },
    faults: [],
    suites: ['suites/invalid-input'],
    grep: 'tasks.list refuses a body that breaks',
  },
];
