import { operation as operationById } from '../../specs/index';
import type { ApiClient } from '../client/api-client';
import type { Exchange } from '../client/exchange';
import { pollTask } from './poll-task';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

/** The ids of the tasks these exchanges started (a task operation answered 202 with an id) that none of them saw end. */
export function unsettledTasks(exchanges: readonly Exchange[]): string[] {
  const started = exchanges
    .filter(
      (e) => e.operation !== undefined && operationById(e.operation).task !== undefined && e.status === 202 && typeof e.body === 'string',
    )
    .map((e) => e.body as string);
  const ended = new Set(
    exchanges
      .filter((e) => e.operation === 'tasks.get' && TERMINAL.has((e.body as { status?: string } | undefined)?.status ?? ''))
      .map((e) => decodeURIComponent(e.request.url.split('?')[0]!.split('/').pop()!)),
  );
  return [...new Set(started)].filter((id) => !ended.has(id));
}

/**
 * Leaves a live target as the test found it: waits (polling with backoff, within the task budget) for
 * every task the test started and did not see end. Returns what is still not terminal, described —
 * a failure of this test, never a surprise for the next one (issue: a stage left RUNNING made the next
 * test's stage answer the documented 400 NOT_ALLOWED_IN_CURRENT_STATE). `session` is called only when a task is left.
 */
export async function settleTasks(
  api: ApiClient,
  exchanges: readonly Exchange[],
  session: () => Promise<string>,
  budgetMs: number,
): Promise<string[]> {
  const ids = unsettledTasks(exchanges);
  const sid = ids.length > 0 ? await session() : '';
  const left: string[] = [];
  for (const id of ids) {
    const history = await pollTask(api, id, sid, { budgetMs });
    const last = history.polls.at(-1);
    if (history.outcome !== 'terminal')
      left.push(
        `${id} (${last ? `last seen ${String((last.body as { status?: unknown } | undefined)?.status ?? last.status)}` : 'never read'})`,
      );
  }
  return left;
}
