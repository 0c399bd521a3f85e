import { test, expect } from '@playwright/test';
import { operation } from '../../../specs/index';
import { manualClock } from '../clock';
import { loadInventory } from '../inventory';
import { startMock } from '../start-mock';
import { MockState } from '../state';
import { MockClient, checkEveryResponse } from '../test-client';
import type { HandlerContext, MockResponse, RoutedRequest } from '../types';
import { faultByName, faults, faultsByName } from './index';
import { progressDecreases, taskStatusGoesBackwards } from './task-faults';

const STAGE_URL = '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true';

function context(): HandlerContext {
  const clock = manualClock();
  return { state: new MockState(loadInventory(), clock), clock };
}

/** A synthetic tasks.get request and 200 answer, for calling a fault's `after` directly. */
function taskGet(id: string, info: Record<string, unknown>): [RoutedRequest, MockResponse] {
  const request: RoutedRequest = {
    method: 'GET',
    path: `/api/cis/tasks/${id}`,
    query: {},
    headers: {},
    rawBody: '',
    operation: operation('tasks.get'),
    params: { task: id },
    body: undefined,
  };
  return [request, { status: 200, body: info }];
}

const succeeded = { status: 'SUCCEEDED', start_time: 't0', end_time: 't1', progress: { total: 100, completed: 100, message: {} } };

checkEveryResponse();

test.describe('selecting fault switches', () => {
  test('an unknown fault name is refused, listing every known fault', () => {
    expect(() => faultsByName(['latency', 'nope'])).toThrow(
      `[vcconform] Failed to enable fault "nope": there is no such fault switch. Known faults: ${faults.map((f) => f.name).join(', ')}.`,
    );
  });

  test('NAME@OPERATION_ID narrows a fault to one catalogued operation and keeps the scope in its name', () => {
    const scoped = faultByName('service-unavailable@software.stage');
    expect(scoped).toMatchObject({ name: 'service-unavailable@software.stage', operations: ['software.stage'] });
    expect(faultByName('service-unavailable').operations).toBeUndefined(); // the registry entry is untouched
  });

  test('an unknown operation id after @ is refused, listing the operation ids', () => {
    expect(() => faultByName('internal-error@software.stag')).toThrow(
      /there is no operation "software.stag"\. Operation ids: session\.create, .*software\.stage, .*tasks\.cancel, appliance\.version[,.]/,
    );
  });

  test('a fault cannot be narrowed to an operation it never applies to', () => {
    expect(() => faultByName('missing-result-key@software.stage')).toThrow(
      'missing-result-key never applies to software.stage. It applies to: clusters.upgradeMultiple.',
    );
  });

  test('a scoped fault breaks only its operation, over HTTP, and the journal names the scope', async () => {
    const mock = await startMock({ clock: 'manual', faults: ['service-unavailable@software.stage'] });
    try {
      const api = new MockClient(mock);
      const session = await api.login();
      const staged = await api.call('software.stage', 'POST', STAGE_URL, { session, body: {} });
      expect(staged.status).toBe(503);
      expect((await api.call('tasks.get', 'GET', '/api/cis/tasks/nope', { session })).status).toBe(404);
      expect(mock.state.tasks.size).toBe(0); // answered before the handler: nothing was started
      expect(mock.journal.all().map((e) => [e.operation, e.status, e.faults])).toEqual([
        ['session.create', 201, []],
        ['software.stage', 503, ['service-unavailable@software.stage']],
        ['tasks.get', 404, []],
      ]);
    } finally {
      await mock.close();
    }
  });

  test('setFaults switches faults at run time; reset keeps them', async () => {
    const mock = await startMock({ clock: 'manual' });
    try {
      const api = new MockClient(mock);
      const faulty = new MockClient(mock, { unchecked: 'session-create-200 is on: the 200 login breaks the documented 201 on purpose' });
      mock.setFaults(['session-create-200']);
      mock.reset();
      expect((await faulty.call('session.create', 'POST', '/api/session', { headers: { authorization: 'Basic x' } })).status).toBe(401);
      expect(await faulty.login().catch((e: Error) => e.message)).toContain('Failed to log in as administrator: 200');
      mock.setFaults([]);
      expect(await api.login()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await mock.close();
    }
  });
});

test.describe('stateful fault switches remember per mock and forget on reset', () => {
  test('task-status-goes-backwards: only a task seen terminal before goes back, and reset forgets what was seen', () => {
    const ctx = context();
    const after = (id: string) =>
      taskStatusGoesBackwards.after!(...taskGet(id, succeeded), ctx).body as { status: string; end_time?: string };
    expect(after('t-1').status).toBe('SUCCEEDED');
    const back = after('t-1');
    expect(back.status).toBe('RUNNING');
    expect(back).not.toHaveProperty('end_time'); // RUNNING forbids end_time: only the status rule breaks
    expect(after('t-2').status).toBe('SUCCEEDED');
    taskStatusGoesBackwards.reset!(ctx);
    expect(after('t-1').status).toBe('SUCCEEDED');
  });

  test('task-status-goes-backwards: two mocks in one process do not share memory', () => {
    const [a, b] = [context(), context()];
    const status = (ctx: HandlerContext) =>
      (taskStatusGoesBackwards.after!(...taskGet('same-id', succeeded), ctx).body as { status: string }).status;
    expect([status(a), status(a), status(b)]).toEqual(['SUCCEEDED', 'RUNNING', 'SUCCEEDED']);
  });

  test('progress-decreases: each poll after one above 0 reports one less; reset starts over', () => {
    const ctx = context();
    const completed = (n: number) =>
      (
        progressDecreases.after!(...taskGet('t-1', { status: 'RUNNING', progress: { total: 300, completed: n, message: {} } }), ctx)
          .body as { progress: { completed: number } }
      ).progress.completed;
    expect([completed(150), completed(150), completed(200)]).toEqual([150, 149, 148]);
    progressDecreases.reset!(ctx);
    expect(completed(200)).toBe(200);
  });

  test('faults never change the response object the handler returned', () => {
    const [request, response] = taskGet('t-9', structuredClone(succeeded));
    for (const name of ['task-status-goes-backwards', 'progress-above-total', 'progress-decreases', 'task-missing-start-time']) {
      const fault = faultByName(name);
      fault.after!(request, response, context());
      fault.after!(request, response, context());
    }
    expect(response.body).toEqual(succeeded);
  });
});
