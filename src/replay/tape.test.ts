import { test, expect } from '@playwright/test';
import { ApiClient, type Transport } from '../client/api-client';
import { clustersOfRole } from '../target/roles';
import { redactedEntry, taped, type WireExchange } from './tape';

const SESSION = '0123456789abcdef0123456789abcdef';

test('the tape keeps exchanges as sent, and the cassette entry hides secrets the client learned after they were taped', async () => {
  const tape: WireExchange[] = [];
  const wire: Transport = async (r) =>
    r.url.endsWith('/api/session') && r.method === 'POST'
      ? { status: 201, headers: { 'content-type': 'application/json' }, text: JSON.stringify(SESSION) }
      : {
          status: 200,
          headers: { 'content-type': 'application/json' },
          text: JSON.stringify({ echo: r.headers['vmware-api-session-id'] }),
        };
  const api = new ApiClient('https://vc.example', taped(wire, tape));
  const { sessionId } = await api.login('administrator@vsphere.local', 'Secret-Pa55');
  await api.call('session.get', { session: sessionId! });
  expect(tape.map((x) => `${x.request.method} ${x.request.url} ${x.response.status}`)).toEqual([
    'POST https://vc.example/api/session 201',
    'GET https://vc.example/api/session 200',
  ]);
  expect(tape[1]!.request.headers['vmware-api-session-id'], 'taped as sent').toBe(SESSION);
  const entries = tape.map((x) => redactedEntry(x, api));
  const text = JSON.stringify(entries);
  expect(text).not.toContain(SESSION);
  expect(text).not.toContain('Secret-Pa55');
  expect(text).not.toContain(Buffer.from('administrator@vsphere.local:Secret-Pa55').toString('base64'));
  expect(entries[0]).toMatchObject({
    request: { method: 'POST', url: '/api/session', headers: { authorization: 'Basic <redacted>' } },
    response: { status: 201, text: '"<redacted:session-id>"' },
  });
  expect(entries[1]!.response.text).toBe('{"echo":"<redacted:session-id>"}');
});

test('clustersOfRole: the cluster ids a role names; host roles and unmapped roles name none', () => {
  expect(clustersOfRole({ id: 'domain-c10', version: 'v1' })).toEqual(['domain-c10']);
  expect(clustersOfRole({ id: 'domain-c10', hosts: ['host-1'], commits: ['1'] })).toEqual(['domain-c10']);
  expect(clustersOfRole('domain-c13')).toEqual(['domain-c13']);
  expect(clustersOfRole('host-199')).toEqual([]);
  expect(clustersOfRole(undefined)).toEqual([]);
});
