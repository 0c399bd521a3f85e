import { vapiError } from '../errors';
import type { MockResponse, RoutedRequest } from '../types';
import { errorTypeOf, isObject, perMock, type Fault, type Json } from './fault';

/** The operations that report Cis.Task.Info: one (get) or a map of them (list). */
const TASK_READS = ['tasks.get', 'tasks.list'] as const;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

interface Progress { total: number; completed: number }

/** Applies `edit` to a copy of every Cis.Task.Info in a 200 tasks.get or tasks.list answer. */
function editInfos(request: RoutedRequest, response: MockResponse, edit: (taskId: string, info: Json) => Json): MockResponse {
  if (response.status !== 200 || !isObject(response.body)) return response;
  const body = structuredClone(response.body);
  if (request.operation.id === 'tasks.get') return { ...response, body: edit(request.params.task ?? '', body) };
  return { ...response, body: Object.fromEntries(Object.entries(body).map(([id, info]) => [id, isObject(info) ? edit(id, info) : info])) };
}

function progressOf(info: Json): Progress | undefined {
  const p = info.progress;
  return isObject(p) && typeof p.total === 'number' && typeof p.completed === 'number' ? (p as unknown as Progress) : undefined;
}

const seenTerminal = perMock(() => new Set<string>());

export const taskStatusGoesBackwards: Fault = {
  name: 'task-status-goes-backwards',
  breaks: 'a task already reported SUCCEEDED or FAILED is reported RUNNING on later polls (§5.1: SUCCEEDED and FAILED are terminal)',
  operations: TASK_READS,
  after(request, response, context) {
    const seen = seenTerminal.of(context);
    return editInfos(request, response, (id, info) => {
      if (typeof info.status !== 'string' || !TERMINAL.has(info.status)) return info;
      if (!seen.has(id)) {
        seen.add(id);
        return info;
      }
      // Only the status goes back: the fields RUNNING forbids go too (§5.1 table), so one rule breaks.
      const { end_time: _end, error: _error, ...running } = info;
      return { ...running, status: 'RUNNING' };
    });
  },
  reset: (context) => seenTerminal.forget(context),
};

export const progressAboveTotal: Fault = {
  name: 'progress-above-total',
  breaks: 'task progress.completed is reported as total + 1 (Cis.Task.Progress: completed is the part of total that is done)',
  operations: TASK_READS,
  after: (request, response) => editInfos(request, response, (_id, info) => {
    const p = progressOf(info);
    return p ? { ...info, progress: { ...info.progress as Json, completed: p.total + 1 } } : info;
  }),
};

const lastCompleted = perMock(() => new Map<string, number>());

export const progressDecreases: Fault = {
  name: 'progress-decreases',
  breaks: 'task progress.completed drops by one on every poll after the first that saw it above 0 (§5.1: completed can only be incremented)',
  operations: TASK_READS,
  after(request, response, context) {
    const last = lastCompleted.of(context);
    return editInfos(request, response, (id, info) => {
      const p = progressOf(info);
      if (!p) return info;
      const before = last.get(id);
      const completed = before !== undefined && before > 0 ? before - 1 : p.completed;
      last.set(id, completed);
      return { ...info, progress: { ...info.progress as Json, completed } };
    });
  },
  reset: (context) => lastCompleted.forget(context),
};

export const unknownTask500: Fault = {
  name: 'unknown-task-500',
  breaks: 'an unknown task id gets 500 ERROR instead of 404 NOT_FOUND on tasks get and cancel (§5, §7)',
  operations: ['tasks.get', 'tasks.cancel'],
  after: (request, response) => (response.status === 404 && errorTypeOf(response) === 'NOT_FOUND'
    ? vapiError('ERROR', `Could not look up task ${JSON.stringify(request.params.task)}.`)
    : response),
};

export const taskMissingStartTime: Fault = {
  name: 'task-missing-start-time',
  breaks: 'RUNNING, BLOCKED, SUCCEEDED and FAILED task Info lacks start_time (§5.1: required in those statuses)',
  operations: TASK_READS,
  after: (request, response) => editInfos(request, response, (_id, info) => {
    if (info.status === 'PENDING') return info;
    const { start_time: _start, ...rest } = info;
    return rest;
  }),
};

export const taskFaults: readonly Fault[] = [taskStatusGoesBackwards, progressAboveTotal, progressDecreases, unknownTask500, taskMissingStartTime];
