import type { ApiClient } from '../client/api-client';
import type { Exchange, TaskHistory } from '../client/exchange';
import { pollWithBackoff, type PollOptions } from './backoff';

export type { PollOptions } from './backoff';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

/** The status and progress a poll reported, or undefined for a non-Info answer. */
function snapshot(e: Exchange): { status?: string; completed?: number } {
  const body = e.body as { status?: unknown; progress?: { completed?: unknown } } | undefined;
  return {
    status: typeof body?.status === 'string' ? body.status : undefined,
    completed: typeof body?.progress?.completed === 'number' ? body.progress.completed : undefined,
  };
}

/**
 * Polls GET /api/cis/tasks/{task} with exponential backoff until SUCCEEDED or FAILED (BLOCKED is
 * not terminal, vcenter-contract.md §5.1), a non-200 answer, or the budget runs out — then the task
 * is `slow` if status or progress still moved in the second half of the history, else `stuck`.
 */
export async function pollTask(api: ApiClient, taskId: string, session: string, options: PollOptions): Promise<TaskHistory> {
  const { budgetMs } = options;
  const polls: Exchange[] = [];
  let ended: 'error' | 'terminal' | undefined;
  await pollWithBackoff(async () => {
    const e = await api.call('tasks.get', { params: { task: taskId }, session });
    polls.push(e);
    if (e.status !== 200) ended = 'error';
    else if (TERMINAL.has(snapshot(e).status ?? '')) ended = 'terminal';
    return ended !== undefined;
  }, options);
  return { taskId, polls, outcome: ended ?? (stillMoving(polls) ? 'slow' : 'stuck'), budgetMs };
}

function stillMoving(polls: Exchange[]): boolean {
  const recent = polls.slice(Math.floor(polls.length / 2)).map(snapshot);
  const first = recent[0];
  return recent.some((s) => s.status !== first?.status || s.completed !== first?.completed);
}
