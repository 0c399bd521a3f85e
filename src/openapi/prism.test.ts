import { test as base, expect } from '@playwright/test';
import { join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { startPrismMock, type PrismMock } from './prism-mock';

const DOCUMENT = join(__dirname, '..', '..', 'specs', 'vcenter.openapi.json');
const SESSION = { 'vmware-api-session-id': 'x' };
const STAGE = '/api/esx/settings/clusters/domain-c1/software';
const JSON_BODY = { ...SESSION, 'content-type': 'application/json' };

// One Prism per worker; the fixture's finally stops it whatever the tests did.
const test = base.extend<object, { prism: PrismMock }>({
  prism: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's form for a fixture that needs no other fixture
    async ({}, use) => {
      const prism = await startPrismMock(DOCUMENT, 30_000);
      try {
        await use(prism);
      } finally {
        await prism.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

const problems = (id: string, value: unknown) => {
  const validate = validatorFor(id);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

test.describe('Prism 5.14 mocks specs/vcenter.openapi.json', () => {
  test('GET /api/cis/tasks/{task} answers 200 with a valid Cis.Task.Info', async ({ prism }) => {
    const res = await fetch(`${prism.baseUrl}/api/cis/tasks/abc`, { headers: SESSION });
    expect(res.status, prism.output()).toBe(200);
    expect(problems('Cis.Task.Info', await res.json())).toEqual([]);
  });

  test('GET /api/cis/tasks/{task} reads the form-exploded spec: ?exclude_result=true is 200, ?exclude_result=maybe a 4xx', async ({
    prism,
  }) => {
    const ok = await fetch(`${prism.baseUrl}/api/cis/tasks/abc?exclude_result=true&return_all=false`, { headers: SESSION });
    expect(ok.status, prism.output()).toBe(200);
    expect(problems('Cis.Task.Info', await ok.json())).toEqual([]);
    // Only a Prism that knows spec as an exploded Cis.Tasks.GetSpec (boolean properties) refuses this.
    const bad = await fetch(`${prism.baseUrl}/api/cis/tasks/abc?exclude_result=maybe`, { headers: SESSION });
    expect(bad.status, prism.output()).toBeGreaterThanOrEqual(400);
    expect(bad.status, prism.output()).toBeLessThan(500);
  });

  test('POST …/software?action=stage&vmw-task=true answers 202 with a task id', async ({ prism }) => {
    const res = await fetch(`${prism.baseUrl}${STAGE}?action=stage&vmw-task=true`, { method: 'POST', headers: JSON_BODY, body: '{}' });
    expect(res.status, prism.output()).toBe(202);
    expect(problems('Esx.Settings.Clusters.Software.StageTaskId', await res.json())).toEqual([]);
  });

  test('the required action query is enforced: missing or another value is a 4xx', async ({ prism }) => {
    for (const query of ['?vmw-task=true', '?action=apply&vmw-task=true', '?action=stage']) {
      const res = await fetch(`${prism.baseUrl}${STAGE}${query}`, { method: 'POST', headers: JSON_BODY, body: '{}' });
      expect(res.status, `${query}\n${prism.output()}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${query}\n${prism.output()}`).toBeLessThan(500);
    }
  });

  test('POST /api/session takes basic auth and answers 201; GET without a session is a valid 401', async ({ prism }) => {
    const basic = `Basic ${Buffer.from('user:pass').toString('base64')}`;
    const created = await fetch(`${prism.baseUrl}/api/session`, { method: 'POST', headers: { authorization: basic } });
    expect(created.status, prism.output()).toBe(201);
    expect(problems('Cis.Session.Id', await created.json())).toEqual([]);
    const anonymous = await fetch(`${prism.baseUrl}/api/session`);
    expect(anonymous.status, prism.output()).toBe(401);
    expect(problems('Vapi.Std.Errors.Unauthenticated', await anonymous.json())).toEqual([]);
  });
});
