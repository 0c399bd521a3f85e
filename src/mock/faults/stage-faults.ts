import { vapiError } from '../errors';
import { LIFECYCLE, OPTIONAL, STAGE_ERRORS, WHILE_RUNNING } from './proof-suites';
import { isTerminal, taskStatus } from '../task-engine';
import type { HandlerContext, MockResponse, RoutedRequest } from '../types';
import { isObject, type Fault, type Json } from './fault';
import { editInfos, TASK_READS } from './task-faults';

const STAGE = ['software.stage'] as const;

export const stageReturns200: Fault = {
  name: 'stage-returns-200',
  breaks: 'the stage task call answers 200 instead of 202 (§1, §4: every vmw-task=true call answers 202)',
  operations: STAGE,
  after: (_request, response) => (response.status === 202 ? { ...response, status: 200 } : response),
  caughtBy: { checks: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
};

export const taskIdWrapped: Fault = {
  name: 'task-id-wrapped',
  breaks: 'the stage task id comes wrapped as {"value": id}, as legacy /rest does (§1: the task id is a bare JSON string)',
  operations: STAGE,
  after: (_request, response) => (response.status === 202 ? { ...response, body: { value: response.body } } : response),
  caughtBy: { checks: ['stage-answers-202-with-task-id'], suites: LIFECYCLE },
};

/** The stored record of the task a 202 stage answer created. */
function createdTask(response: MockResponse, context: HandlerContext) {
  return response.status === 202 && typeof response.body === 'string' ? context.state.tasks.get(response.body) : undefined;
}

/** Applies `edit` to a copy of every stage result (an object) in a tasks get/list answer. */
function editResults(
  edit: (result: Json, info: Json, request: RoutedRequest, context: HandlerContext) => Json,
): NonNullable<Fault['after']> {
  return (request, response, context) =>
    editInfos(request, response, (_id, info) =>
      isObject(info.result) ? { ...info, result: edit(info.result, info, request, context) } : info,
    );
}

const specOf = (request: RoutedRequest): { commit?: unknown; hosts?: unknown } => (isObject(request.body) ? request.body : {});

export const resultStatusWhileRunning: Fault = {
  name: 'result-status-while-running',
  breaks:
    'the partial StageResult of a RUNNING stage task carries an aggregated status (§4.1: status is absent while the stage is in progress)',
  operations: TASK_READS,
  after: editResults((result, info) =>
    info.status === 'RUNNING' && result.status === undefined
      ? { status: { status: 'RUNNING', start_time: info.start_time, end_time: info.start_time, notifications: {} }, ...result }
      : result,
  ),
  caughtBy: { checks: ['stage-result-status-absent-while-running'], suites: LIFECYCLE, timeScale: WHILE_RUNNING },
};

export const hostsEmptyStagesNone: Fault = {
  name: 'hosts-empty-stages-none',
  breaks: 'stage with hosts: [] stages no host at all (§4: hosts absent or empty = all hosts in the cluster)',
  operations: STAGE,
  after(request, response, context) {
    const task = createdTask(response, context);
    const hosts = specOf(request).hosts;
    if (task && Array.isArray(hosts) && hosts.length === 0) task.hosts = [];
    return response;
  },
  caughtBy: { checks: ['hosts-unset-equals-all-hosts'], suites: OPTIONAL },
};

export const olderCommitUsed: Fault = {
  name: 'older-commit-used',
  breaks:
    'stage with an older commit stages that commit, not the latest (§4: commit is the minimum commit; a newer one is used if it exists)',
  operations: STAGE,
  after(request, response, context) {
    const task = createdTask(response, context);
    const commit = specOf(request).commit;
    if (task && typeof commit === 'string' && context.state.clusters.get(task.clusterId)?.commits.includes(commit)) task.commit = commit;
    return response;
  },
  caughtBy: { checks: ['commit-unset-equals-latest'], suites: OPTIONAL },
};

export const unprivilegedStageSucceeds: Fault = {
  name: 'unprivileged-stage-succeeds',
  breaks:
    'a caller without VcIntegrity.lifecycleSoftwareRemediation.Write gets a stage ' +
    'task that SUCCEEDS (§4, §8: the call must be refused with an authorization error)',
  operations: STAGE,
  before: (request) => (request.user ? { ...request, user: { ...request.user, privileges: new Set(['*']) } } : request),
  caughtBy: { checks: ['unprivileged-stage-is-refused'], suites: ['suites/stage-task.privileges'] },
};

export const stageHostsIgnored: Fault = {
  name: 'stage-hosts-ignored',
  breaks: 'stage ignores StageSpec.hosts and stages every host of the cluster (§4: hosts names the specific hosts to be considered)',
  operations: STAGE,
  before(request) {
    if (!isObject(request.body) || !('hosts' in request.body)) return request;
    const { hosts: _hosts, ...spec } = request.body;
    return { ...request, body: spec };
  },
  caughtBy: { checks: ['stage-result-hosts-are-requested'], suites: LIFECYCLE },
};

export const stageHostInTwoSets: Fault = {
  name: 'stage-host-in-two-sets',
  breaks: 'the first successfully staged host is also listed in failed_hosts (§4.1: successful, failed and skipped hosts are disjoint)',
  operations: TASK_READS,
  after: editResults((result) => {
    const [first] = Array.isArray(result.successful_hosts) ? result.successful_hosts : [];
    const failed = Array.isArray(result.failed_hosts) ? result.failed_hosts : [];
    return first === undefined || failed.includes(first) ? result : { ...result, failed_hosts: [...failed, first] };
  }),
  caughtBy: { checks: ['stage-result-host-sets-are-disjoint'], suites: LIFECYCLE },
};

export const stageResultForeignHost: Fault = {
  name: 'stage-result-foreign-host',
  breaks: 'StageResult.host_info also lists a host of another cluster (§4.1: host_info lists hosts in this cluster)',
  operations: TASK_READS,
  after: editResults((result, info, _request, context) => {
    const cluster = isObject(info.target) ? info.target.id : undefined;
    const foreign = [...context.state.hosts.values()].find((h) => h.cluster !== cluster);
    return foreign && isObject(result.host_info)
      ? { ...result, host_info: { ...result.host_info, [foreign.id]: { name: foreign.name } } }
      : result;
  }),
  caughtBy: { checks: ['stage-result-hosts-belong-to-cluster'], suites: LIFECYCLE },
};

export const stageResultLegacyMaps: Fault = {
  name: 'stage-result-legacy-maps',
  breaks:
    'StageResult host_info and host_status come as legacy [{"key", "value"}] lists (§1: maps are JSON objects keyed by the map key; §4.1)',
  operations: TASK_READS,
  after: editResults((result) => {
    const list = (map: unknown) => (isObject(map) ? Object.entries(map).map(([key, value]) => ({ key, value })) : map);
    return { ...result, host_info: list(result.host_info), host_status: list(result.host_status) };
  }),
  caughtBy: { checks: ['task-result-matches-schema'], suites: LIFECYCLE },
};

export const concurrentStageAccepted: Fault = {
  name: 'concurrent-stage-accepted',
  breaks:
    'a stage while another stage of the cluster runs is accepted as a second task (§4: ' +
    '400 NOT_ALLOWED_IN_CURRENT_STATE if another operation is in progress)',
  operations: STAGE,
  after(request, response, context) {
    const { state } = context;
    if (response.status !== 400 || !isObject(response.body) || response.body.error_type !== 'NOT_ALLOWED_IN_CURRENT_STATE') return response;
    const now = state.now();
    const busy = [...state.tasks.values()].find((t) => t.clusterId === request.params.cluster && !isTerminal(taskStatus(t, now)));
    if (!busy || !request.user) return response;
    const id = state.nextTaskId(busy.service);
    const { canceledAt: _canceled, ...plan } = busy;
    state.tasks.set(id, { ...plan, id, username: request.user.username, createdAt: now, hosts: busy.hosts.map((h) => ({ ...h })) });
    return { status: 202, body: id };
  },
  caughtBy: { checks: ['documented-error-is-returned'], suites: STAGE_ERRORS },
};

export const stageUnknownCommitAccepted: Fault = {
  name: 'stage-unknown-commit-accepted',
  breaks:
    'stage with a commit the cluster does not have is accepted with 202 and stages the latest commit (§4: ' +
    '400 INVALID_ARGUMENT if the commit property of spec specifies an invalid commit)',
  operations: STAGE,
  before(request, { state }) {
    const { commit, ...spec } = specOf(request);
    const cluster = state.clusters.get(request.params.cluster ?? '');
    return cluster && typeof commit === 'string' && commit !== '' && !cluster.commits.includes(commit)
      ? { ...request, body: spec }
      : request;
  },
  caughtBy: { checks: ['documented-error-is-returned'], suites: STAGE_ERRORS, grep: 'an unknown commit' },
};

export const stageForeignHostAccepted: Fault = {
  name: 'stage-foreign-host-accepted',
  breaks:
    'stage with a host outside the cluster is accepted with 202, the outsider left out (§4: ' +
    '400 INVALID_ARGUMENT if the hosts property of spec specifies an invalid host or a host not part of the cluster)',
  operations: STAGE,
  before(request, { state }) {
    const { hosts, ...spec } = specOf(request);
    const cluster = state.clusters.get(request.params.cluster ?? '');
    if (!cluster || !Array.isArray(hosts)) return request;
    const inside = hosts.filter((h) => cluster.hosts.some((c) => c.id === h));
    // Only outsiders: stage none of them, i.e. the whole cluster (hosts unset).
    return { ...request, body: inside.length ? { ...spec, hosts: inside } : spec };
  },
  caughtBy: { checks: ['documented-error-is-returned'], suites: STAGE_ERRORS, grep: 'a host outside the cluster' },
};

export const stageUnknownCluster400: Fault = {
  name: 'stage-unknown-cluster-400',
  breaks:
    'stage of a cluster that does not exist answers 400 INVALID_ARGUMENT instead of 404 NOT_FOUND (§4: ' +
    '404 NOT_FOUND if there is no cluster associated with cluster in the system)',
  operations: STAGE,
  after: (request, response, { state }) =>
    response.status === 404 && !state.clusters.has(request.params.cluster ?? '')
      ? vapiError('INVALID_ARGUMENT', `Cluster ${JSON.stringify(request.params.cluster)} is not valid.`)
      : response,
  caughtBy: { checks: ['documented-error-is-returned'], suites: STAGE_ERRORS, grep: 'a cluster that does not exist' },
};

export const stageRefusalAsNotFound: Fault = {
  name: 'stage-refusal-as-not-found',
  breaks:
    'a stage by a caller without VcIntegrity.lifecycleSoftwareRemediation.Write is refused on ' +
    'the call with 404 NOT_FOUND, as if the cluster did not exist (§4: stage "Returns an ' +
    'authorization error if you do not have all of the privileges"; §6: that error is UNAUTHORIZED)',
  operations: STAGE,
  before(request, { state }) {
    const privilege = request.operation.privileges.operation[0];
    const clusterId = request.params.cluster ?? '';
    if (!request.user || privilege === undefined || !state.clusters.has(clusterId) || state.can(request.user, privilege, clusterId))
      return request;
    return vapiError('NOT_FOUND', `There is no cluster ${clusterId}.`);
  },
  caughtBy: { checks: ['stage-refusal-is-authorization-error'], suites: ['suites/stage-task.privileges'] },
};

export const stageRefusalAsError: Fault = {
  name: 'stage-refusal-as-error',
  breaks:
    'the task of a stage by a caller without VcIntegrity.lifecycleSoftwareRemediation.Write ' +
    'FAILS with error_type ERROR, not UNAUTHORIZED (§4: the call returns an authorization error; ' +
    'advisory: 9.1 types the task error as a free-form object, §5.1, §8)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) =>
      isObject(info.error) && info.error.error_type === 'UNAUTHORIZED' ? { ...info, error: { ...info.error, error_type: 'ERROR' } } : info,
    ),
  caughtBy: { checks: ['stage-task-refusal-is-authorization-error'], suites: ['suites/stage-task.privileges'] },
};

export const stageFaults: readonly Fault[] = [
  stageReturns200,
  taskIdWrapped,
  resultStatusWhileRunning,
  hostsEmptyStagesNone,
  olderCommitUsed,
  unprivilegedStageSucceeds,
  stageHostsIgnored,
  stageHostInTwoSets,
  stageResultForeignHost,
  stageResultLegacyMaps,
  concurrentStageAccepted,
  stageUnknownCommitAccepted,
  stageForeignHostAccepted,
  stageUnknownCluster400,
  stageRefusalAsNotFound,
  stageRefusalAsError,
];
