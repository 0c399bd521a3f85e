import type { HandlerContext, MockResponse, RoutedRequest } from '../types';
import { builtBody } from './bodies';

/**
 * Starts a task of a `$Task` operation: 202 and the task id, the record left to the task engine
 * (PENDING for timings.taskPendingMs, RUNNING for timings.stagePerHostMs, then SUCCEEDED with the
 * result built from the catalogue's resultSchema, if any). The target is the `{cluster}` parameter.
 * `deniedPrivilege`: the user lacks it and the operation documents no 403, so the task fails
 * UNAUTHORIZED as it would start (as stage does, vcenter-contract.md §4).
 */
export function startTask(request: RoutedRequest, context: HandlerContext, deniedPrivilege?: string): MockResponse {
  const { state } = context;
  const op = request.operation;
  const { service, operation, resultSchema } = op.task!;
  const result = resultSchema && deniedPrivilege === undefined ? builtBody(op, resultSchema, request.params, context) : undefined;
  const id = state.nextTaskId(service);
  state.tasks.set(id, {
    id,
    service,
    operation,
    clusterId: request.params.cluster ?? '',
    username: request.user!.username,
    createdAt: state.now(),
    pendingMs: state.timings.taskPendingMs,
    perHostMs: 0,
    commit: '',
    hosts: [],
    generic: {
      runMs: state.timings.stagePerHostMs,
      description: { id: `${service}.${operation}`, default_message: op.summary || `${service}.${operation}`, args: [] },
      ...(result !== undefined && { result }),
    },
    ...(deniedPrivilege !== undefined && { deniedPrivilege }),
  });
  return { status: 202, body: id };
}
