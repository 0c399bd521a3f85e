import { test, expect } from '@playwright/test';
import type { Exchange } from '../client/exchange';
import { unsettledTasks } from './settle-tasks';

const TASK = '52a5a1b2-0000-4000-8000-000000000001:com.vmware.esx.settings.clusters.software';
const ex = (operation: string, status: number, body: unknown, url = '/x'): Exchange => ({
  operation,
  request: { method: 'GET', url, headers: {} },
  status,
  headers: {},
  body,
  text: JSON.stringify(body),
  bodyIsJson: true,
  at: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
});
const poll = (status: string) => ex('tasks.get', 200, { status }, `/api/cis/tasks/${encodeURIComponent(TASK)}`);

test('a task a test started and never saw end is unsettled; one it polled to SUCCEEDED or FAILED is not', () => {
  const started = ex('software.stage', 202, TASK);
  expect(unsettledTasks([started])).toEqual([TASK]);
  expect(unsettledTasks([started, poll('RUNNING')])).toEqual([TASK]);
  expect(unsettledTasks([started, poll('RUNNING'), poll('SUCCEEDED')])).toEqual([]);
  expect(unsettledTasks([started, poll('FAILED')])).toEqual([]);
  // A refused stage started nothing; a non-task operation's 202 is no task.
  expect(unsettledTasks([ex('software.stage', 400, { error_type: 'NOT_ALLOWED_IN_CURRENT_STATE' }), ex('session.get', 200, 'x')])).toEqual(
    [],
  );
});
