import { authErrorsCarryNoData } from './auth/auth-errors-carry-no-data';
import { authenticatedIsNot401 } from './auth/authenticated-is-not-401';
import { unauthenticatedCarriesChallenge } from './auth/unauthenticated-carries-challenge';
import { unauthenticatedIs401 } from './auth/unauthenticated-is-401';
import { unprivilegedIs403 } from './auth/unprivileged-is-403';
import { bodyMatchesSchema } from './generic/body-matches-schema';
import { contentTypeIsJson } from './generic/content-type-is-json';
import { documentedErrorIsReturned } from './generic/documented-error-is-returned';
import { listedMemberIsFound } from './generic/listed-member-is-found';
import { errorTypeMatchesStatus } from './generic/error-type-matches-status';
import { invalidInputIsRejected, lenientInputAnswerIsObserved } from './generic/invalid-input-is-rejected';
import { optionalFieldsAreOmitted } from './generic/optional-fields-are-omitted';
import { statusIsDocumented } from './generic/status-is-documented';
import { probeAnswerIsObserved } from './routing/probe-answer-is-observed';
import { probeIsRefused } from './routing/probe-is-refused';
import { sessionIdIsJsonString } from './session/session-id-is-json-string';
import { sessionTimesAreOrdered } from './session/session-times-are-ordered';
import { listIncludesWcpClusters } from './clusters/list-includes-wcp-clusters';
import { commitUnsetEqualsLatest } from './stage/commit-unset-equals-latest';
import { hostsUnsetEqualsAllHosts } from './stage/hosts-unset-equals-all-hosts';
import { stageAnswers202WithTaskId } from './stage/stage-answers-202-with-task-id';
import { stageRefusalIsAuthorizationError } from './stage/stage-refusal-is-authorization-error';
import { stageRefusalStatusIsObserved } from './stage/stage-refusal-status-is-observed';
import { stageTaskRefusalIsAuthorizationError } from './stage/stage-task-refusal-is-authorization-error';
import { stageResultHostSetsAreDisjoint } from './stage/stage-result-host-sets-are-disjoint';
import { stageResultHostsAreRequested } from './stage/stage-result-hosts-are-requested';
import { stageResultHostsBelongToCluster } from './stage/stage-result-hosts-belong-to-cluster';
import { stageResultStatusAbsentWhileRunning } from './stage/stage-result-status-absent-while-running';
import { unprivilegedStageIsRefused } from './stage/unprivileged-stage-is-refused';
import { progressNeverDecreases } from './task/progress-never-decreases';
import { progressWithinTotal } from './task/progress-within-total';
import { taskErrorIsVapiShaped } from './task/task-error-is-vapi-shaped';
import { taskErrorOnlyWhenFailed } from './task/task-error-only-when-failed';
import { taskFieldsAbsentOutsideStatus } from './task/task-fields-absent-outside-status';
import { taskFieldsMatchStatus } from './task/task-fields-match-status';
import { taskFinishesWithinBudget } from './task/task-finishes-within-budget';
import { taskIsNotSlow } from './task/task-is-not-slow';
import { taskResultMatchesSchema } from './task/task-result-matches-schema';
import { taskResultOmittedWhenExcluded } from './task/task-result-omitted-when-excluded';
import { taskTimesAreOrdered } from './task/task-times-are-ordered';
import { taskTransitionsAreLegal } from './task/task-transitions-are-legal';
import { cleanPrecheckClusterIsStarted } from './upgrade-multiple/clean-precheck-cluster-is-started';
import { emptyBatchOutcomeIsObserved } from './upgrade-multiple/empty-batch-outcome-is-observed';
import { ignoreWarningsTrueStartsWarningCluster } from './upgrade-multiple/ignore-warnings-true-starts-warning-cluster';
import { precheckErrorsAreRejected } from './upgrade-multiple/precheck-errors-are-rejected';
import { precheckFailureIsPerCluster } from './upgrade-multiple/precheck-failure-is-per-cluster';
import { rejectedClusterDoesNotUpgrade } from './upgrade-multiple/rejected-cluster-does-not-upgrade';
import { rejectedExceptionIsAnObject } from './upgrade-multiple/rejected-exception-is-an-object';
import { resultKeysMatchRequest } from './upgrade-multiple/result-keys-match-request';
import { singleAndBatchAgree } from './upgrade-multiple/single-and-batch-agree';
import { startedClusterShowsUpgrade } from './upgrade-multiple/started-cluster-shows-upgrade';
import { startedHasNoException } from './upgrade-multiple/started-has-no-exception';
import { unknownClusterOutcomeIsObserved } from './upgrade-multiple/unknown-cluster-outcome-is-observed';
import { unprivilegedBatchStartsNothing } from './upgrade-multiple/unprivileged-batch-starts-nothing';
import { unsetIgnoreWarningsEqualsFalse } from './upgrade-multiple/unset-ignore-warnings-equals-false';
import type { Check } from './types';

/** The task lifecycle checks (evidence.task: the poll history). */
export const taskChecks: readonly Check[] = [
  taskTransitionsAreLegal,
  taskFieldsMatchStatus,
  taskFieldsAbsentOutsideStatus,
  progressNeverDecreases,
  progressWithinTotal,
  taskTimesAreOrdered,
  taskResultMatchesSchema,
  taskErrorIsVapiShaped,
  taskErrorOnlyWhenFailed,
  taskFinishesWithinBudget,
  taskIsNotSlow,
  taskResultOmittedWhenExcluded,
];

/** The stage checks. */
export const stageChecks: readonly Check[] = [
  stageAnswers202WithTaskId,
  stageResultHostSetsAreDisjoint,
  stageResultStatusAbsentWhileRunning,
  stageResultHostsBelongToCluster,
  stageResultHostsAreRequested,
  hostsUnsetEqualsAllHosts,
  commitUnsetEqualsLatest,
  unprivilegedStageIsRefused,
  stageRefusalIsAuthorizationError,
  stageTaskRefusalIsAuthorizationError,
  stageRefusalStatusIsObserved,
];

/** The upgradeMultiple checks (related: before/readBack/twin/single; facts: clusters by pre-check outcome). */
export const upgradeMultipleChecks: readonly Check[] = [
  resultKeysMatchRequest,
  startedHasNoException,
  rejectedExceptionIsAnObject,
  precheckFailureIsPerCluster,
  precheckErrorsAreRejected,
  cleanPrecheckClusterIsStarted,
  ignoreWarningsTrueStartsWarningCluster,
  unsetIgnoreWarningsEqualsFalse,
  rejectedClusterDoesNotUpgrade,
  unprivilegedBatchStartsNothing,
  startedClusterShowsUpgrade,
  singleAndBatchAgree,
  unknownClusterOutcomeIsObserved,
  emptyBatchOutcomeIsObserved,
];

/** The check registry, in the order checks run and reports list them. */
export const checks: readonly Check[] = [
  // generic: every catalogued operation
  statusIsDocumented,
  bodyMatchesSchema,
  errorTypeMatchesStatus,
  contentTypeIsJson,
  invalidInputIsRejected,
  lenientInputAnswerIsObserved,
  documentedErrorIsReturned,
  listedMemberIsFound,
  optionalFieldsAreOmitted,
  // authentication and privileges
  unauthenticatedIs401,
  unauthenticatedCarriesChallenge,
  authenticatedIsNot401,
  unprivilegedIs403,
  authErrorsCarryNoData,
  // sessions
  sessionIdIsJsonString,
  sessionTimesAreOrdered,
  // routing probes (intent: probe; the answers are unspecified, vcenter-contract.md §8)
  probeIsRefused,
  probeAnswerIsObserved,
  ...taskChecks,
  // namespace software clusters: list and get
  listIncludesWcpClusters,
  ...stageChecks,
  ...upgradeMultipleChecks,
];

/** The check with this name; throws naming the known ones. */
export function checkNamed(name: string): Check {
  const check = checks.find((c) => c.name === name);
  if (!check) throw new Error(`[vcconform] Failed to find check "${name}": known checks are ${checks.map((c) => c.name).join(', ')}.`);
  return check;
}
