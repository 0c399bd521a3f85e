import type { Evidence, TaskHistory } from '../types';
import { withoutNulls } from '../../util/without-nulls';

/** The Cis.Task.Info fields the task checks read (null reads as unset, vcenter-contract.md §1). */
export interface TaskInfo {
  status?: unknown;
  progress?: { total?: unknown; completed?: unknown };
  start_time?: unknown;
  end_time?: unknown;
  result?: unknown;
  error?: unknown;
  [field: string]: unknown;
}

/** One poll that answered 200 with a JSON object, with its index in the history (for `/polls/N/…` pointers). */
export interface Poll {
  index: number;
  info: TaskInfo;
  status: string | undefined;
}

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED']);

/** The polls of the history that returned a task Info, in order; other answers are judged by the generic checks. */
export function pollsOf(task: TaskHistory | undefined): Poll[] {
  if (!task) return [];
  return task.polls.flatMap((e, index) => {
    if (e.status !== 200 || typeof e.body !== 'object' || e.body === null || Array.isArray(e.body)) return [];
    const info = withoutNulls(e.body) as TaskInfo;
    return [{ index, info, status: typeof info.status === 'string' ? info.status : undefined }];
  });
}

/** Whether the evidence carries a task history to judge. */
export const hasTask = (e: Evidence): boolean => e.task !== undefined && e.task.polls.length > 0;

/** The evidence's task history, when it has polls to judge. */
export const taskOf = (e: Evidence): TaskHistory | undefined => (hasTask(e) ? e.task : undefined);

/** JSON pointer into a poll of the history. */
export const at = (poll: Poll, ...path: string[]): string => `/polls/${poll.index}${path.map((p) => `/${p}`).join('')}`;

/** `progress.completed` and `progress.total` when both are numbers. */
export function progressOf(info: TaskInfo): { total: number; completed: number } | undefined {
  const p = info.progress;
  return p && typeof p.total === 'number' && typeof p.completed === 'number' ? { total: p.total, completed: p.completed } : undefined;
}

/** Milliseconds of a date-time field, or undefined when absent or unparseable (the schema check reports the format). */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The last poll, when it reported a terminal status. */
export function terminalPoll(task: TaskHistory | undefined): Poll | undefined {
  const last = pollsOf(task).at(-1);
  return last && TERMINAL_STATUSES.has(last.status ?? '') ? last : undefined;
}
