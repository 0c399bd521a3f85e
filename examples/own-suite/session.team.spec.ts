import { checks, expect, sends, test, type Evidence, type Exchange } from 'vcconform';
import { serverSoftwareIsNotDisclosed } from './checks/server-software-is-not-disclosed';

/** vcconform's checks and ours, in the order they run. */
const ourChecks = [...checks, serverSoftwareIsNotDisclosed];

test(
  "a login, a session read and a logout pass vcconform's checks and ours",
  sends({ 'read-only': ['session.create', 'session.get', 'session.delete'] }),
  async ({ api, target, verify }) => {
    const admin = target.users.administrator!;
    const { exchange: login, sessionId: session } = await api.login(admin.username, admin.password);
    if (!session) return verify({ scenario: 'log in as the administrator', intent: { kind: 'valid' }, exchange: login }, ourChecks);
    const evidence: Evidence[] = [
      { scenario: 'log in as the administrator', intent: { kind: 'valid' }, exchange: login },
      { scenario: 'read the current session', intent: { kind: 'valid' }, exchange: await api.call('session.get', { session }) },
      { scenario: 'log out', intent: { kind: 'valid' }, exchange: await api.call('session.delete', { session }) },
    ];
    // One step per check and answer; a failed check fails the test at its end, with Received and Documented.
    await verify(evidence, ourChecks);
    for (const e of evidence) expect(serverSoftwareIsNotDisclosed.run(e.exchange, e)).toEqual([]);
  },
);

// Sends nothing (every test of vcconform's `test` declares what it sends): it judges a hand-made answer.
test('our check fails an answer that names its server software', sends({}), () => {
  const exchange: Exchange = {
    operation: 'session.get',
    request: { method: 'GET', url: '/api/session', headers: { 'vmware-api-session-id': '<redacted:session-id>' } },
    status: 200,
    headers: { 'content-type': 'application/json', server: 'Apache/2.4.62 (Unix)' },
    body: { user: 'administrator@vsphere.local' },
    text: '{"user":"administrator@vsphere.local"}',
    bodyIsJson: true,
    at: new Date().toISOString(),
    durationMs: 3,
  };
  const evidence: Evidence = { scenario: 'a hand-made answer with a Server header', intent: { kind: 'valid' }, exchange };
  expect(serverSoftwareIsNotDisclosed.run(exchange, evidence)).toEqual([
    {
      check: 'server-software-is-not-disclosed',
      severity: 'failure',
      message: 'the answer names its server software in server',
      received: 'server: Apache/2.4.62 (Unix)',
      documented: 'no server header (SEC-12)',
    },
  ]);
});
