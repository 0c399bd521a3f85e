import { test, expect } from '@playwright/test';
import nock from 'nock';
import { ApiClient, fetchTransport, type Transport } from './api-client';
import { curlLine } from './curl';

const BASE = 'https://vcenter.test';
const PASSWORD = 'S3cret!pass';
const SESSION = 'b00db39f948d13ea1e59b4d6fce56389';

test.describe('ApiClient: requests from the catalogue, secrets redacted at record time', () => {
  test.beforeEach(() => {
    nock.disableNetConnect();
  });
  test.afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test('login learns the session id; no password, Basic token or session id reaches the exchanges or curl lines', async () => {
    const scope = nock(BASE)
      .post('/api/session')
      .basicAuth({ user: 'administrator@vsphere.local', pass: PASSWORD })
      .reply(201, JSON.stringify(SESSION), { 'content-type': 'application/json' })
      .get('/api/session')
      .matchHeader('vmware-api-session-id', SESSION)
      .reply(200, { user: 'administrator@vsphere.local', created_time: 'x', last_accessed_time: 'y', echo: SESSION });
    const api = new ApiClient(BASE, fetchTransport);
    const { sessionId } = await api.login('administrator@vsphere.local', PASSWORD);
    expect(sessionId).toBe(SESSION);
    await api.call('session.get', { session: sessionId });
    scope.done();
    const recorded = JSON.stringify(api.exchanges) + api.exchanges.map((e) => curlLine(BASE, e)).join('\n');
    expect(recorded).not.toContain(PASSWORD);
    expect(recorded).not.toContain(SESSION);
    expect(recorded).not.toContain(Buffer.from(`administrator@vsphere.local:${PASSWORD}`).toString('base64'));
    expect(api.exchanges[0]!.body).toBe('<redacted:session-id>');
    expect(api.exchanges[1]!.request.headers['vmware-api-session-id']).toBe('<redacted:session-id>');
    expect((api.exchanges[1]!.body as { echo: string }).echo).toBe('<redacted:session-id>');
  });

  test(
    'a login that deviates (200, an id wrapped like legacy /rest) ' +
      'still gives its session, redacted; a refusal gives none and keeps its error_type',
    async () => {
      nock(BASE)
        .post('/api/session')
        .reply(200, { value: SESSION })
        .post('/api/session')
        .reply(401, { error_type: 'UNAUTHENTICATED', messages: [] });
      const api = new ApiClient(BASE, fetchTransport);
      const wrapped = await api.login('u', PASSWORD);
      // Degrade, don't collapse: the checks on this exchange judge the deviation; the session serves the other tests.
      expect(wrapped.sessionId).toBe(SESSION);
      expect(wrapped.exchange.status).toBe(200);
      expect(JSON.stringify(api.exchanges)).not.toContain(SESSION);
      const refused = await api.login('u', 'wrong-password');
      expect(refused.sessionId).toBeUndefined();
      expect(refused.exchange.body).toEqual({ error_type: 'UNAUTHENTICATED', messages: [] });
    },
  );

  test('call builds method, path, fixed action/vmw-task query and encoded parameters from the catalogue', async () => {
    const sent: { method: string; url: string; body?: string }[] = [];
    const transport: Transport = async (r) => {
      sent.push(r);
      return { status: 202, headers: { 'content-type': 'application/json' }, text: '"task-1"' };
    };
    const api = new ApiClient(BASE, transport);
    const e = await api.call('software.stage', { params: { cluster: 'domain c/1' }, body: { hosts: ['host-1'] }, session: 's' });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/api/esx/settings/clusters/domain%20c%2F1/software?action=stage&vmw-task=true`,
      body: '{"hosts":["host-1"]}',
    });
    expect(e).toMatchObject({ operation: 'software.stage', status: 202, body: 'task-1', bodyIsJson: true });
    await expect(api.call('software.stage', {})).rejects.toThrow('path parameter {cluster} has no value');
  });

  test('a body that is not JSON is kept as text and flagged', async () => {
    const api = new ApiClient(BASE, async () => ({ status: 500, headers: { 'content-type': 'text/html' }, text: '<html>oops</html>' }));
    const e = await api.call('clusters.list', { session: 's' });
    expect(e).toMatchObject({ bodyIsJson: false, body: undefined, text: '<html>oops</html>' });
  });

  test('curl lines replay the request with secrets from the environment', async () => {
    const api = new ApiClient(BASE, async () => ({ status: 204, headers: {}, text: '' }));
    api.learnSession(SESSION);
    await api.call('clusters.upgrade', { params: { cluster: 'domain-c1' }, body: { desired_version: "v1'2" }, session: SESSION });
    expect(curlLine(BASE, api.exchanges[0]!)).toBe(
      "curl -sS -X POST 'https://vcenter.test/api/vcenter/namespace-management/software/clusters/domain-c1?action=upgrade' " +
        `-H 'accept: application/json' -H "vmware-api-session-id: $VMWARE_API_SESSION_ID" ` +
        `-H 'content-type: application/json' --data-raw '{"desired_version":"v1'\\''2"}'`,
    );
    expect(curlLine('$VCENTER_URL', api.exchanges[0]!)).toMatch(
      /^curl -sS -X POST "\$VCENTER_URL"'\/api\/vcenter\/namespace-management\/software\/clusters\/domain-c1\?action=upgrade' -H /,
    );
  });

  test(
    'a probe session id that names no session is kept as sent, ' +
      'so its curl line replays the probe; a real id marked as a probe stays redacted',
    async () => {
      const api = new ApiClient(BASE, async () => ({ status: 401, headers: {}, text: '' }));
      api.learnSession(SESSION);
      await api.call('clusters.list', { session: 'no-such-session', sessionIsProbe: true });
      await api.call('clusters.list', { session: SESSION, sessionIsProbe: true });
      await api.call('clusters.list', { session: 'not-marked-as-probe' });
      expect(api.exchanges.map((e) => e.request.headers['vmware-api-session-id'])).toEqual([
        'no-such-session',
        '<redacted:session-id>',
        '<redacted:session-id>',
      ]);
      expect(curlLine(BASE, api.exchanges[0]!)).toContain(`-H 'vmware-api-session-id: no-such-session'`);
      expect(curlLine(BASE, api.exchanges[1]!)).toContain(`-H "vmware-api-session-id: $VMWARE_API_SESSION_ID"`);
      expect(JSON.stringify(api.exchanges) + api.exchanges.map((e) => curlLine(BASE, e)).join('\n')).not.toContain(SESSION);
    },
  );
});
