import { vapiError } from '../errors';
import { settledSupervisor } from '../supervisor';
import { isTerminal, taskStatus } from '../task-engine';
import type { Handler } from '../types';

/**
 * POST /api/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true → 202 + task id.
 * Errors in this order: 404 NOT_FOUND, 400 INVALID_ARGUMENT, 400 NOT_ALLOWED_IN_CURRENT_STATE.
 *
 * Mock choices, where the documentation is silent (vcenter-contract.md §4, §5.1, §8):
 * - Privilege: no 403 is declared, so a caller without
 *   VcIntegrity.lifecycleSoftwareRemediation.Write (globally or on the cluster) still gets 202;
 *   the task stays PENDING, then FAILS as it would start, with an UNAUTHORIZED error, no result,
 *   start_time = end_time, and nothing staged. The message does not name the privilege.
 * - "Another operation in progress" (§4): any stored task on the cluster that is not
 *   SUCCEEDED/FAILED (a refused caller's PENDING task too), and a Supervisor (namespace
 *   software) upgrade of the cluster still PENDING. The reverse is not refused: a Supervisor
 *   upgrade may start while a stage task runs (its own errors name only pre-checks and versions).
 * - `commit` unset, "" or any of the cluster's commits → the latest commit; `hosts` unset or []
 *   → every host of the cluster. Hosts are staged in inventory order, whatever the request order.
 * - Host plan: every host takes one `stagePerHostMs` slot; 'skipped' hosts end SKIPPED (with
 *   an INFO notification), 'fails' hosts end ERROR (with an ERROR notification) and the others
 *   carry on; the task is FAILED (error ERROR) if any host failed, with result.status ERROR.
 * - Result: none while PENDING. From RUNNING on, `host_info` lists every planned host;
 *   `host_status` and the three sets list only hosts already reached (a StageStatus needs
 *   start and end times). The current host is RUNNING with progress; its `end_time` is the
 *   time of the snapshot. `status` (OK/ERROR, notifications {}) only once the task is terminal.
 * - Progress counts 100 units per host; `completed` rises with the current host and equals
 *   `total` in every terminal status (no work left), including a cancel or a refusal.
 * - Cancel: any authenticated user may cancel (Cis.Tasks has no privilege annotation); a
 *   canceled PENDING task has no result and start_time = end_time = the cancel time; a host
 *   interrupted while RUNNING ends ERROR and is in failed_hosts; unreached hosts stay out.
 * - tasks.get honours `?exclude_result=true` (exactly `true`); `return_all` changes nothing
 *   (the Info has no operation-specific fields). Tasks stay retrievable until reset().
 * - tasks.list refuses with 400 a `status` filter value outside Cis.Task.Status; empty filter
 *   arrays match everything, as the FilterSpec says.
 * - BLOCKED never occurs.
 */
export const stage: Handler = (request, { state }) => {
  const clusterId = request.params.cluster!;
  const spec = (request.body ?? {}) as { commit?: string; hosts?: string[] };
  const cluster = state.clusters.get(clusterId);
  if (!cluster) return vapiError('NOT_FOUND', `There is no cluster ${clusterId}.`);
  const latest = cluster.commits.at(-1);
  if (latest === undefined) return vapiError('NOT_FOUND', `Cluster ${clusterId} has no desired software document.`);
  if (!cluster.singleImage)
    return vapiError('INVALID_ARGUMENT', `Cluster ${clusterId} is not managed with a single software specification.`);
  if (spec.commit && !cluster.commits.includes(spec.commit))
    return vapiError('INVALID_ARGUMENT', `Commit ${JSON.stringify(spec.commit)} is not a commit of cluster ${clusterId}.`);
  for (const hostId of spec.hosts ?? []) {
    if (!cluster.hosts.some((h) => h.id === hostId)) {
      const why = state.hosts.has(hostId) ? `is not part of cluster ${clusterId}` : 'is not a known host';
      return vapiError('INVALID_ARGUMENT', `Host ${JSON.stringify(hostId)} ${why}.`);
    }
  }
  const now = state.now();
  const busy = [...state.tasks.values()].find((t) => t.clusterId === clusterId && !isTerminal(taskStatus(t, now)));
  if (busy) return vapiError('NOT_ALLOWED_IN_CURRENT_STATE', `Another operation is in progress on cluster ${clusterId} (task ${busy.id}).`);
  const upgrading = settledSupervisor(cluster, now)?.upgrade;
  if (upgrading)
    return vapiError(
      'NOT_ALLOWED_IN_CURRENT_STATE',
      `Another operation is in progress on cluster ${clusterId} (Supervisor upgrade to ${upgrading.to}).`,
    );
  const wanted = spec.hosts?.length ? new Set(spec.hosts) : undefined;
  const privilege = request.operation.privileges.operation[0]!;
  const { service, operation } = request.operation.task!;
  const id = state.nextTaskId(service);
  state.tasks.set(id, {
    id,
    service,
    operation,
    clusterId,
    username: request.user!.username,
    createdAt: now,
    pendingMs: state.timings.taskPendingMs,
    perHostMs: state.timings.stagePerHostMs,
    commit: latest,
    hosts: cluster.hosts
      .filter((h) => !wanted || wanted.has(h.id))
      .map((h) => ({
        id: h.id,
        name: h.name,
        outcome: h.stage ?? 'ok',
        ...(h.isVsanWitness === undefined ? {} : { isVsanWitness: h.isVsanWitness }),
      })),
    ...(state.can(request.user!, privilege, clusterId) ? {} : { deniedPrivilege: privilege }),
  });
  return { status: 202, body: id };
};
