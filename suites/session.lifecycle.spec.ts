import { test, expect, type Evidence } from '../fixtures/test';

test.describe('session lifecycle', () => {
  test('create answers 201 with a bare string, get returns the user and times, delete 204, then the id is refused', async ({ api, target, verify }) => {
    const admin = target.users.administrator!;
    const { exchange: created, sessionId } = await api.login(admin.username, admin.password);
    const session = sessionId ?? '';
    const info = await api.call('session.get', { session });
    const deleted = await api.call('session.delete', { session });
    const after = await api.call('session.get', { session });
    const evidence: Evidence[] = [
      { scenario: 'log in with valid Basic credentials', intent: { kind: 'valid' }, exchange: created },
      { scenario: 'get the current session', intent: { kind: 'valid' }, exchange: info },
      { scenario: 'delete the current session', intent: { kind: 'valid' }, exchange: deleted },
      { scenario: 'use the session after deleting it', intent: { kind: 'unauthenticated', credential: 'deleted' }, exchange: after },
    ];
    await verify(evidence);
    expect(JSON.stringify(api.exchanges)).not.toContain(session || 'no session');
  });

  test('wrong credentials are refused with 401 UNAUTHENTICATED', async ({ api, target, verify }) => {
    const admin = target.users.administrator!;
    const { exchange } = await api.login(admin.username, `${admin.password}-wrong`);
    await verify({ scenario: 'log in with a wrong password', intent: { kind: 'unauthenticated', credential: 'wrong-password' }, exchange });
  });
});
