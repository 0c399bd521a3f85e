import { vapiErrorBody } from './errors';
import {
  completedUnits,
  iso,
  msg,
  stageResult,
  UNITS_PER_HOST,
  type LocalizableMessage,
  type Progress,
  type StageResult,
} from './stage-result';
import type { TaskRecord } from './state';
import { genericProgress, genericResult, type GenericTaskRecord } from './generic/task-view';

/**
 * The task engine: a pure function of a TaskRecord and the virtual time. No timers; a task
 * moves only because time moves (vcenter-contract.md §5.1, style guide §3.5).
 *
 * PENDING for `pendingMs`, then RUNNING with the hosts staged one after another, `perHostMs`
 * each, then SUCCEEDED, or FAILED when a host failed. A task refused for a missing privilege
 * fails as it leaves PENDING; a canceled one fails at the cancel time. A generic task (record.generic)
 * runs as one piece of work for its `runMs` and ends SUCCEEDED with its built result.
 */

export const TASK_STATUSES = ['PENDING', 'RUNNING', 'BLOCKED', 'SUCCEEDED', 'FAILED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const isTerminal = (status: TaskStatus): boolean => status === 'SUCCEEDED' || status === 'FAILED';

/** Why a FAILED task failed. */
export type Failure = 'hosts' | 'denied' | 'canceled';

/** A task's state at one instant. */
export interface Timeline {
  status: TaskStatus;
  /** When it left PENDING (absent while PENDING). */
  startAt?: number;
  /** When it ended (terminal only). */
  endAt?: number;
  /** The instant the state describes: now, or the end for a terminal task. */
  at: number;
  failure?: Failure;
}

/** `Cis.Task.Info` as the mock writes it (unset optionals are omitted). */
export interface TaskInfo {
  description: LocalizableMessage;
  service: string;
  operation: string;
  status: TaskStatus;
  cancelable: boolean;
  user: string;
  /** Absent for a generic task whose operation names no cluster. */
  target?: { type: 'ClusterComputeResource'; id: string };
  progress?: Progress;
  start_time?: string;
  end_time?: string;
  /** A stage task's StageResult; a generic task's is a value of its operation's resultSchema (typed as the stage's: deep code reads it). */
  result?: StageResult;
  error?: ReturnType<typeof vapiErrorBody>;
}

/** The task's state at `now`. A cancel counts only if it came before the task would have ended. */
export function timeline(record: TaskRecord, now: number): Timeline {
  const startAt = record.createdAt + record.pendingMs;
  const workMs = record.generic ? record.generic.runMs : record.hosts.length * record.perHostMs;
  const naturalEnd = record.deniedPrivilege !== undefined ? startAt : startAt + workMs;
  const canceledAt = record.canceledAt;
  if (canceledAt !== undefined && canceledAt <= now && canceledAt < naturalEnd) {
    return { status: 'FAILED', startAt: Math.min(startAt, canceledAt), endAt: canceledAt, at: canceledAt, failure: 'canceled' };
  }
  if (now < startAt) return { status: 'PENDING', at: now };
  if (now < naturalEnd) return { status: 'RUNNING', startAt, at: now };
  if (record.deniedPrivilege !== undefined) return { status: 'FAILED', startAt, endAt: startAt, at: startAt, failure: 'denied' };
  if (record.hosts.some((h) => h.outcome === 'fails'))
    return { status: 'FAILED', startAt, endAt: naturalEnd, at: naturalEnd, failure: 'hosts' };
  return { status: 'SUCCEEDED', startAt, endAt: naturalEnd, at: naturalEnd };
}

export const taskStatus = (record: TaskRecord, now: number): TaskStatus => timeline(record, now).status;

function progressMessage(record: TaskRecord, t: Timeline): LocalizableMessage {
  const n = record.hosts.length;
  const done = Math.floor(completedUnits(record, t) / UNITS_PER_HOST);
  if (t.failure === 'denied') return msg('stage.progress.denied', 'Staging was not started: permission denied.');
  if (t.failure === 'canceled') return msg('stage.progress.canceled', 'Staging was canceled.');
  if (t.status === 'RUNNING') {
    const current = record.hosts[Math.min(done, n - 1)];
    return msg('stage.progress.running', `Staging host ${current?.name ?? ''} (${done + 1} of ${n}).`, [String(done + 1), String(n)]);
  }
  return msg('stage.progress.done', `Processed ${n} of ${n} hosts.`, [String(n)]);
}

function taskError(record: TaskRecord, t: Timeline): TaskInfo['error'] {
  if (t.failure === 'denied') return vapiErrorBody('UNAUTHORIZED', 'Permission to perform this operation was denied.');
  if (t.failure === 'canceled') return vapiErrorBody('CANCELED', 'The task was canceled.');
  if (t.failure === 'hosts') {
    const failed = record.hosts.filter((h) => h.outcome === 'fails').map((h) => h.id);
    return vapiErrorBody('ERROR', `Staging failed on ${failed.length} of ${record.hosts.length} hosts: ${failed.join(', ')}.`);
  }
  return undefined;
}

/**
 * The `Cis.Task.Info` of a task at `now`, with exactly the fields of the SDK per-status table
 * (§5.1): PENDING has no progress, times, result or error; RUNNING adds progress, start_time and
 * a partial result; SUCCEEDED and FAILED add end_time; only FAILED has `error`.
 */
export function taskInfo(record: TaskRecord, now: number, options: { excludeResult?: boolean } = {}): TaskInfo {
  const t = timeline(record, now);
  if (!isTerminal(t.status)) return infoAt(record, t, options.excludeResult ?? false);
  // A terminal task's Info is the same at every later instant: built once per record (a record is replaced, never
  // edited, once it has run), as a poller reads it again and again. What is handed out is never edited: the mock
  // shows an answer through a copy (wallTimes), and faults edit that copy.
  const key = options.excludeResult ? 'withoutResult' : 'withResult';
  let known = terminalInfos.get(record);
  if (!known) {
    known = {};
    terminalInfos.set(record, known);
  }
  known[key] ??= infoAt(record, t, options.excludeResult ?? false);
  return known[key];
}

const terminalInfos = new WeakMap<TaskRecord, { withResult?: TaskInfo; withoutResult?: TaskInfo }>();

const isGeneric = (record: TaskRecord): record is GenericTaskRecord => record.generic !== undefined;

function infoAt(record: TaskRecord, t: Timeline, excludeResult: boolean): TaskInfo {
  const info: TaskInfo = {
    description: isGeneric(record)
      ? record.generic.description
      : msg('stage', `Stage the desired software document of cluster ${record.clusterId} to its hosts.`, [record.clusterId]),
    service: record.service,
    operation: record.operation,
    status: t.status,
    cancelable: !isTerminal(t.status),
    user: record.username,
    ...(record.clusterId !== '' && { target: { type: 'ClusterComputeResource' as const, id: record.clusterId } }),
  };
  if (t.status === 'PENDING') return info;
  info.progress = isGeneric(record)
    ? genericProgress(record, t)
    : { total: record.hosts.length * UNITS_PER_HOST, completed: completedUnits(record, t), message: progressMessage(record, t) };
  if (t.startAt !== undefined) info.start_time = iso(t.startAt);
  if (t.endAt !== undefined) info.end_time = iso(t.endAt);
  const result = excludeResult ? undefined : isGeneric(record) ? (genericResult(record, t) as StageResult) : stageResult(record, t);
  if (result !== undefined) info.result = result;
  const error = taskError(record, t);
  if (error) info.error = error;
  return info;
}
