import type { Evidence, Exchange } from '../fixtures/test';

/** What the stage suites share: staging a cluster to the end of its task, and the task's polls as evidence. */
export type Task = NonNullable<Evidence['task']>;

/** The test's client and poller (the `api` and `poll` fixtures). */
export interface Harness {
  api: { call(operationId: string, options: { params?: Record<string, string>; body?: unknown; session?: string }): Promise<Exchange> };
  poll(taskId: string, session: string): Promise<Task>;
}

/**
 * Stages `cluster` with `spec` and polls the task to its end; with `readAgain`, a task that ended is read once more
 * (a finished task stays finished). No task when the stage was refused.
 */
export async function stageToTheEnd(
  { api, poll }: Harness,
  session: string,
  cluster: string,
  spec: object = {},
  options: { readAgain?: boolean } = {},
): Promise<{ exchange: Exchange; task?: Task }> {
  const exchange = await api.call('software.stage', { params: { cluster }, body: spec, session });
  if (exchange.status >= 300 || typeof exchange.body !== 'string') return { exchange };
  const task = await poll(exchange.body, session);
  if (!options.readAgain || task.outcome !== 'terminal') return { exchange, task };
  const again = await api.call('tasks.get', { params: { task: task.taskId }, session });
  return { exchange, task: { ...task, polls: [...task.polls, again] } };
}

/** Each poll of the task as evidence of a valid call. */
export const pollsOf = (task: Task | undefined): Evidence[] =>
  (task?.polls ?? []).map((exchange, i) => ({ scenario: `poll ${i + 1} of the stage task`, intent: { kind: 'valid' }, exchange }));
