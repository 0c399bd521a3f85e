import { vapiError } from '../errors';
import { isTerminal, taskStatus } from '../task-engine';
import type { Handler } from '../types';

/** POST /api/cis/tasks/{task}?action=cancel → 204, the task is FAILED (CANCELED) from now on; 404 unknown; 400 when already terminal. */
export const cancelTask: Handler = (request, { state }) => {
  const record = state.tasks.get(request.params.task!);
  if (!record) return vapiError('NOT_FOUND', `There is no task ${JSON.stringify(request.params.task)}.`);
  const now = state.now();
  const status = taskStatus(record, now);
  if (isTerminal(status))
    return vapiError(
      'NOT_ALLOWED_IN_CURRENT_STATE',
      `Task ${record.id} is already ${status === 'FAILED' && record.canceledAt !== undefined ? 'canceled' : 'completed'}.`,
    );
  state.tasks.set(record.id, { ...record, canceledAt: now });
  return { status: 204 };
};
