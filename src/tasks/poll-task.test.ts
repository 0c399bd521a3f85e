import { test, expect } from '@playwright/test';
import { ApiClient } from '../client/api-client';
import { fakePollClock } from './fake-poll-clock';
import { pollTask } from './poll-task';

/** A client whose task endpoint answers the given statuses in turn, on a fake clock. */
function scripted(answers: { status?: string; completed?: number; http?: number }[]) {
  let i = 0;
  const { waits, options } = fakePollClock();
  const api = new ApiClient('http://t', async () => {
    const a = answers[Math.min(i++, answers.length - 1)]!;
    const body = { status: a.status, ...(a.completed !== undefined && { progress: { total: 10, completed: a.completed, message: {} } }) };
    return { status: a.http ?? 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) };
  });
  return { api, waits, options };
}

test.describe('task poller', () => {
  test('polls with growing delays until a terminal status and keeps the whole history', async () => {
    const { api, waits, options } = scripted([
      { status: 'PENDING' },
      { status: 'RUNNING', completed: 1 },
      { status: 'BLOCKED', completed: 2 },
      { status: 'RUNNING', completed: 5 },
      { status: 'SUCCEEDED', completed: 10 },
    ]);
    const history = await pollTask(api, 't1', 's', options);
    expect(history.outcome).toBe('terminal');
    expect(history.polls.map((p) => (p.body as { status: string }).status)).toEqual([
      'PENDING',
      'RUNNING',
      'BLOCKED',
      'RUNNING',
      'SUCCEEDED',
    ]);
    expect(waits).toHaveLength(4);
    for (let k = 1; k < waits.length; k += 1) expect(waits[k]!).toBeGreaterThan(waits[k - 1]!);
  });

  test('a task that stops moving within the budget is stuck, not waited on forever', async () => {
    const { api, options } = scripted([{ status: 'RUNNING', completed: 3 }]);
    const history = await pollTask(api, 't1', 's', options);
    expect(history.outcome).toBe('stuck');
    expect(history.polls.length).toBeGreaterThan(3);
  });

  test('a task still progressing when the budget ends is slow', async () => {
    const answers = Array.from({ length: 200 }, (_, k) => ({ status: 'RUNNING', completed: k }));
    const { api, options } = scripted(answers);
    expect((await pollTask(api, 't1', 's', options)).outcome).toBe('slow');
  });

  test('a non-200 answer ends polling with outcome error', async () => {
    const { api, options } = scripted([{ status: 'RUNNING' }, { http: 404 }]);
    const history = await pollTask(api, 't1', 's', options);
    expect(history.outcome).toBe('error');
    expect(history.polls.at(-1)!.status).toBe(404);
  });
});
