import { test, expect } from '@playwright/test';
import { validatorFor } from '../../specs/index';
import { DEFAULT_APPLIANCE, checkInventory, loadInventory } from './inventory';
import { startMock } from './start-mock';
import { MockClient, checkEveryResponse, useMock } from './test-client';

checkEveryResponse();

const PATH = '/api/appliance/system/version';
const VERSION_STRUCT = 'Appliance.System.Version.VersionStruct';

const mock = useMock();

test.describe('mock: GET /api/appliance/system/version', () => {
  test('answers 200 with a VersionStruct from the inventory to any session, read-only user included', async () => {
    const api = new MockClient(mock);
    for (const role of ['administrator', 'read-only']) {
      const r = await api.call('appliance.version', 'GET', PATH, { session: await api.login(role) });
      expect(r.status, role).toBe(200);
      expect(r.headers.get('content-type')).toContain('application/json');
      expect(validatorFor(VERSION_STRUCT)(r.body), JSON.stringify(r.body)).toBe(true);
      expect(r.body).toEqual({
        version: '9.1.0.0',
        product: 'VMware vCenter Server',
        build: '24321653',
        type: 'vCenter Server with an embedded Platform Services Controller',
        summary: '',
        releasedate: '',
        install_time: '2026-01-05T09:00:00.000Z',
      });
    }
    // checkEveryResponse() validates these answers against the catalogue and VersionStruct too.
  });

  test('refuses a missing, unknown or deleted session with 401 UNAUTHENTICATED, a challenge and no data', async () => {
    const api = new MockClient(mock);
    const deleted = await api.login();
    await api.call('session.delete', 'DELETE', '/api/session', { session: deleted });
    for (const session of [undefined, '', 'ffffffffffffffffffffffffffffffff', deleted]) {
      const r = await api.call('appliance.version', 'GET', PATH, { session });
      const what = `session ${JSON.stringify(session)}`;
      expect(r.status, what).toBe(401);
      expect(r.body, what).toMatchObject({ error_type: 'UNAUTHENTICATED', challenge: expect.stringContaining('Basic realm=') });
      expect((r.body as { data?: unknown }).data, what).toBeUndefined();
      expect(JSON.stringify(r.body), 'no version leaks to a caller without a session').not.toContain(DEFAULT_APPLIANCE.build);
      expect(validatorFor('Vapi.Std.Errors.Unauthenticated')(r.body), what).toBe(true);
    }
  });

  test("the inventory's appliance block sets what it answers; a field it leaves out keeps its default", async () => {
    const inventory = loadInventory();
    inventory.appliance = {
      ...inventory.appliance,
      version: '9.1.0.1',
      build: '24999999',
      summary: 'Patch for VMware vCenter Server 9.1',
      releasedate: 'June 2, 2026',
      name: 'vCenter 9.1 U1',
    };
    const patched = await startMock({ clock: 'manual', inventory });
    try {
      const api = new MockClient(patched);
      const r = await api.call('appliance.version', 'GET', PATH, { session: await api.login() });
      expect(r.body).toMatchObject({
        version: '9.1.0.1',
        build: '24999999',
        summary: 'Patch for VMware vCenter Server 9.1',
        releasedate: 'June 2, 2026',
        name: 'vCenter 9.1 U1',
        product: 'VMware vCenter Server',
      });
    } finally {
      await patched.close();
    }
    const { appliance: _default, ...withoutBlock } = loadInventory();
    expect(checkInventory({ ...withoutBlock, appliance: { build: '1' } }).appliance).toEqual({ ...DEFAULT_APPLIANCE, build: '1' });
    expect(checkInventory(withoutBlock).appliance).toEqual(DEFAULT_APPLIANCE);
    expect(() => checkInventory({ ...withoutBlock, appliance: { build: 24321653 } })).toThrow(/\/appliance\/build must be string/);
    expect(() => checkInventory({ ...withoutBlock, appliance: { install_time: 'x' } })).toThrow(
      /\/appliance must NOT have additional properties/,
    );
  });

  test('fixtures/inventory/default.json spells out the defaults', () => {
    expect(loadInventory().appliance).toEqual(DEFAULT_APPLIANCE);
  });
});
