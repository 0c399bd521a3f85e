import { test, expect } from '@playwright/test';
import { useMock } from '../mock/test-client';
import { ApiClient, fetchTransport } from '../client/api-client';
import { busyOn, waitUntilQuiet } from './quiet-clusters';

const mock = useMock();

async function admin(): Promise<{ api: ApiClient; session: string }> {
  const api = new ApiClient(mock.url, fetchTransport);
  const admin = mock.users.find((u) => u.role === 'administrator')!;
  const { sessionId } = await api.login(admin.username, admin.password);
  return { api, session: sessionId! };
}

test.describe('quiet clusters', () => {
  test('a running stage task makes its cluster busy, and only its cluster, until it ends', async () => {
    const { api, session } = await admin();
    expect(await busyOn(api, session, ['domain-c10', 'domain-c11'])).toEqual([]);
    const stage = await api.call('software.stage', { params: { cluster: 'domain-c10' }, body: {}, session });
    expect(stage.status).toBe(202);
    expect(await busyOn(api, session, ['domain-c10'])).toEqual([
      expect.stringMatching(
        new RegExp(`^task ${(stage.body as string).replace(/[.]/g, '\\.')} \\(stage\\) is (PENDING|RUNNING) on domain-c10$`),
      ),
    ]);
    expect(await busyOn(api, session, ['domain-c11'])).toEqual([]);
    mock.clock.advance(120_000);
    expect(await busyOn(api, session, ['domain-c10'])).toEqual([]);
  });

  test('a Supervisor upgrade in progress makes its cluster busy', async () => {
    const { api, session } = await admin();
    const up = await api.call('clusters.upgrade', { params: { cluster: 'domain-c10' }, body: { desired_version: 'v1.30.4' }, session });
    expect(up.status, up.text).toBeLessThan(300);
    expect(await busyOn(api, session, ['domain-c10', 'domain-c12'])).toEqual([
      expect.stringMatching(/^domain-c10 is upgrading to v1\.30\.4 \(state PENDING\)$/),
    ]);
  });

  test('waits with backoff until the clusters are quiet, or returns what still runs when the budget is spent', async () => {
    const { api, session } = await admin();
    await api.call('software.stage', { params: { cluster: 'domain-c10' }, body: {}, session });
    const waits: number[] = [];
    let t = 0;
    // Each wait moves the mock's clock and ours: the stage ends after some virtual seconds.
    const wait = async (ms: number) => {
      waits.push(ms);
      t += ms;
      mock.clock.advance(ms * 10);
    };
    expect(await waitUntilQuiet(api, session, ['domain-c10'], { budgetMs: 60_000, wait, now: () => t })).toEqual([]);
    expect(waits.length).toBeGreaterThan(1);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    await api.call('software.stage', { params: { cluster: 'domain-c11' }, body: {}, session });
    const stuck = await waitUntilQuiet(api, session, ['domain-c11'], {
      budgetMs: 200,
      wait: async (ms) => {
        t += ms;
      },
      now: () => t,
    });
    expect(stuck).toEqual([expect.stringMatching(/on domain-c11$/)]);
  });

  test('a target that cannot list tasks or clusters tells nothing: the clusters count as quiet', async () => {
    const api = new ApiClient('http://t', async () => ({
      status: 404,
      headers: { 'content-type': 'application/json' },
      text: '{"error_type":"NOT_FOUND"}',
    }));
    expect(await busyOn(api, 'sid', ['domain-c10'])).toEqual([]);
  });
});
