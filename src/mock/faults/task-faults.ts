import { vapiError, vapiErrorBody } from '../errors';
import { LIFECYCLE, WHILE_RUNNING } from './proof-suites';
import type { MockResponse, RoutedRequest } from '../types';
import { errorTypeOf } from '../../util/error-type';
import { isObject, perMock, type Fault, type Json } from './fault';

/** The operations that report Cis.Task.Info: one (get) or a map of them (list). */
export const TASK_READS = ['tasks.get', 'tasks.list'] as const;
const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

interface Progress {
  total: number;
  completed: number;
}

/** Applies `edit` to a copy of every Cis.Task.Info in a 200 tasks.get or tasks.list answer. */
export function editInfos(request: RoutedRequest, response: MockResponse, edit: (taskId: string, info: Json) => Json): MockResponse {
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
      // Only the status goes back: the fields RUNNING forbids go too (§5.1 table), and so does the
      // result's aggregated status (absent while in progress, §4.1), so one rule breaks.
      const { end_time: _end, error: _error, ...running } = info;
      if (isObject(running.result)) {
        const { status: _aggregate, ...partial } = running.result;
        running.result = partial;
      }
      return { ...running, status: 'RUNNING' };
    });
  },
  reset: (context) => seenTerminal.forget(context),
  caughtBy: { checks: ['task-transitions-are-legal'], suites: LIFECYCLE },
};

export const progressAboveTotal: Fault = {
  name: 'progress-above-total',
  breaks: 'task progress.completed is reported as total + 1 (Cis.Task.Progress: completed is the part of total that is done)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => {
      const p = progressOf(info);
      return p ? { ...info, progress: { ...(info.progress as Json), completed: p.total + 1 } } : info;
    }),
  caughtBy: { checks: ['progress-within-total'], suites: LIFECYCLE },
};

const lastCompleted = perMock(() => new Map<string, number>());

export const progressDecreases: Fault = {
  name: 'progress-decreases',
  breaks:
    'task progress.completed drops by one on every poll after the first that saw it above 0 (§5.1: completed can only be incremented)',
  operations: TASK_READS,
  after(request, response, context) {
    const last = lastCompleted.of(context);
    return editInfos(request, response, (id, info) => {
      const p = progressOf(info);
      if (!p) return info;
      const before = last.get(id);
      const completed = before !== undefined && before > 0 ? before - 1 : p.completed;
      last.set(id, completed);
      return { ...info, progress: { ...(info.progress as Json), completed } };
    });
  },
  reset: (context) => lastCompleted.forget(context),
  caughtBy: { checks: ['progress-never-decreases'], suites: LIFECYCLE },
};

export const unknownTask500: Fault = {
  name: 'unknown-task-500',
  breaks: 'an unknown task id gets 500 ERROR instead of 404 NOT_FOUND on tasks get and cancel (§5, §7)',
  operations: ['tasks.get', 'tasks.cancel'],
  after: (request, response) =>
    response.status === 404 && errorTypeOf(response.body) === 'NOT_FOUND'
      ? vapiError('ERROR', `Could not look up task ${JSON.stringify(request.params.task)}.`)
      : response,
  caughtBy: { checks: ['documented-error-is-returned'], suites: ['suites/tasks.get'] },
};

export const taskMissingStartTime: Fault = {
  name: 'task-missing-start-time',
  breaks: 'RUNNING, BLOCKED, SUCCEEDED and FAILED task Info lacks start_time (§5.1: required in those statuses)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => {
      if (info.status === 'PENDING') return info;
      const { start_time: _start, ...rest } = info;
      return rest;
    }),
  caughtBy: { checks: ['task-fields-match-status'], suites: LIFECYCLE },
};

/** The Info of a task that has not finished: RUNNING, no end_time, error or result (a partial result is optional). */
function unfinished(info: Json, completed: number): Json {
  const { end_time: _end, error: _error, result: _result, ...rest } = info;
  return { ...rest, status: 'RUNNING', cancelable: true, progress: { ...(info.progress as Json), completed } };
}

export const runningWithoutProgress: Fault = {
  name: 'running-without-progress',
  breaks: 'RUNNING task Info lacks progress (§5.1: progress is required while RUNNING or BLOCKED)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => {
      if (info.status !== 'RUNNING') return info;
      const { progress: _progress, ...rest } = info;
      return rest;
    }),
  caughtBy: { checks: ['task-fields-match-status'], suites: LIFECYCLE, timeScale: WHILE_RUNNING },
};

export const stuckTask: Fault = {
  name: 'stuck-task',
  breaks:
    'a task never leaves RUNNING and its progress never moves (§5.1: ' +
    'a task ends SUCCEEDED or FAILED; a stuck task must be reported, not waited on)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => (info.status === 'PENDING' || !progressOf(info) ? info : unfinished(info, 0))),
  caughtBy: { checks: ['task-finishes-within-budget'], suites: LIFECYCLE },
};

const pollsSeen = perMock(() => new Map<string, number>());

export const slowTask: Fault = {
  name: 'slow-task',
  breaks:
    'a task stays RUNNING with progress.completed rising by one per poll, ' +
    'so it does not finish within the poll budget (advisory: the docs give no duration)',
  operations: TASK_READS,
  after(request, response, context) {
    const seen = pollsSeen.of(context);
    return editInfos(request, response, (id, info) => {
      const p = progressOf(info);
      if (info.status === 'PENDING' || !p) return info;
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return unfinished(info, Math.max(0, Math.min(p.total - 1, n)));
    });
  },
  reset: (context) => pollsSeen.forget(context),
  caughtBy: { checks: ['task-is-not-slow'], suites: LIFECYCLE },
};

export const errorOnSucceeded: Fault = {
  name: 'error-on-succeeded',
  breaks: 'a SUCCEEDED task carries an error (§5.1: error only when the status is FAILED)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) =>
      info.status === 'SUCCEEDED' ? { ...info, error: vapiErrorBody('ERROR', 'Staging reported a problem.') } : info,
    ),
  caughtBy: { checks: ['task-error-only-when-failed'], suites: LIFECYCLE },
};

export const runningWithEndTime: Fault = {
  name: 'running-with-end-time',
  breaks: 'a RUNNING task carries end_time, set to its start_time (§5.1 table: end_time is not expected while RUNNING)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) =>
      info.status === 'RUNNING' && typeof info.start_time === 'string' ? { ...info, end_time: info.start_time } : info,
    ),
  caughtBy: { checks: ['task-fields-absent-outside-status'], suites: LIFECYCLE, timeScale: WHILE_RUNNING },
};

export const taskEndsBeforeItStarts: Fault = {
  name: 'task-ends-before-it-starts',
  breaks: 'a finished task reports end_time one second before start_time (§5.1: start_time is when it started, end_time when it completed)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => {
      const start = typeof info.start_time === 'string' ? Date.parse(info.start_time) : NaN;
      return info.end_time === undefined || Number.isNaN(start) ? info : { ...info, end_time: new Date(start - 1000).toISOString() };
    }),
  caughtBy: { checks: ['task-times-are-ordered'], suites: LIFECYCLE },
};

export const taskErrorFreeForm: Fault = {
  name: 'task-error-free-form',
  breaks:
    'a FAILED task\'s error is a free-form {"reason": …} object, not a std error (advisory: ' +
    'the SDK 8.0U2 types error as Vapi.Std.Errors.Error, 9.1 as an object)',
  operations: TASK_READS,
  after: (request, response) =>
    editInfos(request, response, (_id, info) => (isObject(info.error) ? { ...info, error: { reason: 'Staging failed.' } } : info)),
  caughtBy: { checks: ['task-error-is-vapi-shaped'], suites: LIFECYCLE },
};

export const excludeResultIgnored: Fault = {
  name: 'exclude-result-ignored',
  breaks:
    'tasks get ignores ?exclude_result=true and returns the result (§5: exclude_result ' +
    'set → no result; the /api spelling is undocumented, so this is observed only)',
  operations: ['tasks.get'],
  before: (request) => {
    const { exclude_result: _excluded, ...query } = request.query;
    return { ...request, query };
  },
};

export const unsetFieldsSentAsNull: Fault = {
  name: 'unset-fields-sent-as-null',
  breaks:
    'no documented rule: task Info sends its unset optional parent as null instead of omitting it (§1: ' +
    'the vAPI runtime omits unset fields, the 9.1 prose allows "missing or null"; observed only)',
  operations: TASK_READS,
  after: (request, response) => editInfos(request, response, (_id, info) => (info.parent === undefined ? { ...info, parent: null } : info)),
};

export const taskFaults: readonly Fault[] = [
  taskStatusGoesBackwards,
  progressAboveTotal,
  progressDecreases,
  unknownTask500,
  taskMissingStartTime,
  runningWithoutProgress,
  stuckTask,
  slowTask,
  errorOnSucceeded,
  runningWithEndTime,
  taskEndsBeforeItStarts,
  taskErrorFreeForm,
  excludeResultIgnored,
  unsetFieldsSentAsNull,
];
