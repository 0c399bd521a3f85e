import type { ApiClient } from '../client/api-client';
import type { Exchange, TaskHistory } from '../checks/types';

export interface PollOptions {
  /** Total time to wait for a terminal status, in ms. */
  budgetMs: number;
  /** First delay between polls; it grows by `factor` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** Waits between polls; injectable so self-tests run without real time. */
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

const defaultWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  const { budgetMs, initialDelayMs = 10, maxDelayMs = 1000, factor = 1.6, wait = defaultWait, now = Date.now } = options;
  const polls: Exchange[] = [];
  const start = now();
  let delay = initialDelayMs;
  for (;;) {
    const e = await api.call('tasks.get', { params: { task: taskId }, session });
    polls.push(e);
    if (e.status !== 200) return { taskId, polls, outcome: 'error', budgetMs };
    if (TERMINAL.has(snapshot(e).status ?? '')) return { taskId, polls, outcome: 'terminal', budgetMs };
    if (now() - start + delay > budgetMs) return { taskId, polls, outcome: stillMoving(polls) ? 'slow' : 'stuck', budgetMs };
    await wait(delay);
    delay = Math.min(maxDelayMs, delay * factor);
  }
}

function stillMoving(polls: Exchange[]): boolean {
  const recent = polls.slice(Math.floor(polls.length / 2)).map(snapshot);
  const first = recent[0];
  return recent.some((s) => s.status !== first?.status || s.completed !== first?.completed);
}
