import { isObject } from '../util/is-object';
import { operations } from '../../specs/index';
import type { ApiClient } from '../client/api-client';
import { pollWithBackoff, type PollOptions } from './backoff';

/** Task statuses that mean "still running" (vcenter-contract.md §5.1: BLOCKED is not terminal). */
const ACTIVE = ['PENDING', 'RUNNING', 'BLOCKED'];

/** The vAPI services whose operations the catalogue knows as tasks: the filter tasks.list requires (services or tasks). */
const TASK_SERVICES = [...new Set(operations.flatMap((op) => (op.task ? [op.task.service] : [])))].sort();

/** What runs on the clusters now: active tasks that target them, and Supervisor upgrades in progress, one line each. */
export async function busyOn(api: ApiClient, session: string, clusters: readonly string[]): Promise<string[]> {
  if (clusters.length === 0) return [];
  const busy: string[] = [];
  const tasks = await api.call('tasks.list', {
    body: {
      filter_spec: { services: TASK_SERVICES, status: ACTIVE, targets: clusters.map((id) => ({ type: 'ClusterComputeResource', id })) },
      result_spec: { exclude_result: true },
    },
    session,
  });
  // A target that cannot list tasks tells nothing: the test goes on, and its own checks judge what it meets.
  if (tasks.status === 200 && isObject(tasks.body)) {
    for (const [id, info] of Object.entries(tasks.body)) {
      const i = isObject(info) ? info : {};
      const target = isObject(i.target) ? String(i.target.id) : 'a cluster';
      busy.push(`task ${id} (${String(i.operation ?? 'operation')}) is ${String(i.status ?? 'active')} on ${target}`);
    }
  }
  const list = await api.call('clusters.list', { session });
  if (list.status === 200 && Array.isArray(list.body)) {
    for (const summary of list.body) {
      if (!isObject(summary) || !clusters.includes(String(summary.cluster))) continue;
      // "desired_version: if missing or null, the cluster upgrade is not in progress"; state PENDING: "Upgrade is in progress".
      if (summary.state === 'PENDING' || (summary.desired_version !== undefined && summary.desired_version !== null)) {
        busy.push(
          `${String(summary.cluster)} is upgrading${summary.desired_version ? ` to ${String(summary.desired_version)}` : ''} ` +
            `(state ${String(summary.state)})`,
        );
      }
    }
  }
  return busy;
}

/**
 * Waits (with backoff, within the budget) until nothing runs on the clusters; returns what still
 * runs when the budget is spent, or [] once they are quiet. A test that would change these
 * clusters while something else runs there would meet a documented refusal
 * (400 NOT_ALLOWED_IN_CURRENT_STATE) and fail for it.
 */
export async function waitUntilQuiet(
  api: ApiClient,
  session: string,
  clusters: readonly string[],
  options: PollOptions,
): Promise<string[]> {
  let busy: string[] = [];
  const quiet = async () => {
    busy = await busyOn(api, session, clusters);
    return busy.length === 0;
  };
  await pollWithBackoff(quiet, { initialDelayMs: 50, maxDelayMs: 2000, ...options });
  return busy;
}
