import { documentedQueryName } from '../../../specs/query-params';
import { vapiError } from '../errors';
import { taskInfo } from '../task-engine';
import type { Handler } from '../types';

/** GetSpec.exclude_result as sent form-exploded; the catalogue's `spec` query parameter documents it. */
const EXCLUDE_RESULT = documentedQueryName('tasks.get', 'exclude_result');

/** GET /api/cis/tasks/{task}[?exclude_result=true] → 200 Cis.Task.Info at the current virtual time; 404 for unknown ids. */
export const getTask: Handler = (request, { state }) => {
  const record = state.tasks.get(request.params.task!);
  if (!record) return vapiError('NOT_FOUND', `There is no task ${JSON.stringify(request.params.task)}.`);
  return { status: 200, body: taskInfo(record, state.now(), { excludeResult: request.query[EXCLUDE_RESULT] === 'true' }) };
};
