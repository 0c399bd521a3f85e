import { vapiError } from '../errors';
import { TASK_STATUSES, taskInfo, type TaskInfo } from '../task-engine';
import type { Handler } from '../types';

interface ListSpec {
  filter_spec?: {
    tasks?: string[];
    services?: string[];
    operations?: string[];
    status?: string[];
    targets?: { type: string; id: string }[];
    users?: string[];
  };
  result_spec?: { exclude_result?: boolean };
}

/** The most tasks one list answer may hold (Cis.Tasks.list: "over 1000 tasks matching" → RESOURCE_INACCESSIBLE). */
export const LIST_LIMIT = 1000;

/** POST /api/cis/tasks?action=list → 200 map task id → Info; 400 without tasks or services; 500 over 1000 matches. */
export const listTasks: Handler = (request, { state }) => {
  const { filter_spec: f, result_spec: r } = (request.body ?? {}) as ListSpec;
  if (!f?.tasks?.length && !f?.services?.length)
    return vapiError('INVALID_ARGUMENT', 'filter_spec must name at least one task or one service.');
  const badStatus = f.status?.find((s) => !(TASK_STATUSES as readonly string[]).includes(s));
  if (badStatus !== undefined) return vapiError('INVALID_ARGUMENT', `${JSON.stringify(badStatus)} is not a Cis.Task.Status value.`);
  const now = state.now();
  const any = <T>(values: T[] | undefined, test: (v: T) => boolean) => !values?.length || values.some(test);
  const matches: [string, TaskInfo][] = [];
  for (const record of state.tasks.values()) {
    const info = taskInfo(record, now, { excludeResult: r?.exclude_result === true });
    if (
      any(f.tasks, (id) => id === record.id) &&
      any(f.services, (s) => s === info.service) &&
      any(f.operations, (o) => o === info.operation) &&
      any(f.status, (s) => s === info.status) &&
      any(f.users, (u) => u === info.user) &&
      any(f.targets, (t) => t.type === info.target?.type && t.id === info.target?.id)
    )
      matches.push([record.id, info]);
  }
  if (matches.length > LIST_LIMIT)
    return vapiError('RESOURCE_INACCESSIBLE', `${matches.length} tasks match the filter; at most ${LIST_LIMIT} can be listed.`);
  return { status: 200, body: Object.fromEntries(matches) };
};
