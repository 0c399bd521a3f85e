import { test, expect } from '@playwright/test';
import { ApiClient } from '../client/api-client';
import type { Exchange } from '../client/exchange';
import { fakePollClock } from './fake-poll-clock';
import { readBackUpgrades } from './poll-upgrades';

const BASE = '/api/vcenter/namespace-management/software/clusters';
const V = 'v1.30.4';
const ready = (version = 'v1.29.7') => ({ current_version: version, available_versions: [V], messages: [], state: 'READY' });
const pending = { ...ready(), state: 'PENDING', upgrade_status: { desired_version: V, messages: [] } };

/** A client whose clusters.get answers each cluster from its script in turn (the last answer repeats), on a fake clock. */
function scripted(scripts: Record<string, { body: unknown; http?: number }[]>) {
  const served: Record<string, number> = {};
  const { clock, waits, options } = fakePollClock();
  const api = new ApiClient('http://t', async ({ url }) => {
    const id = decodeURIComponent(/\/clusters\/([^/?]+)/.exec(url)![1]!);
    const script = scripts[id]!;
    served[id] = (served[id] ?? 0) + 1;
    const a = script[Math.min(served[id] - 1, script.length - 1)]!;
    clock.now += 2; // each read takes 2 ms
    return { status: a.http ?? 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(a.body) };
  });
  return { api, waits, options };
}

/** An upgradeMultiple exchange as answered (only what readBackUpgrades reads). */
function batch(request: Record<string, unknown>, results: Record<string, unknown>): Exchange {
  return {
    operation: 'clusters.upgradeMultiple',
    request: { method: 'POST', url: `${BASE}?action=upgradeMultiple`, headers: {}, body: request },
    status: 200,
    headers: {},
    body: results,
    text: JSON.stringify(results),
    bodyIsJson: true,
    at: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

const states = (xs: Exchange[]) =>
  xs.map((x) => `${/\/clusters\/([^/?]+)/.exec(x.request.url)![1]} ${(x.body as { state?: string }).state ?? x.status}`);

test.describe('upgrade read-back poller', () => {
  test('reads every cluster once; a STARTED cluster that already shows the upgrade and a REJECTED one are not read again', async () => {
    const { api, waits, options } = scripted({ 'domain-c10': [{ body: pending }], 'domain-c12': [{ body: ready() }] });
    const call = batch(
      { 'domain-c10': { desired_version: V }, 'domain-c12': { desired_version: V } },
      { 'domain-c10': { res: 'STARTED' }, 'domain-c12': { res: 'REJECTED' } },
    );
    const r = await readBackUpgrades(api, ['domain-c10', 'domain-c12'], call, 's', options);
    expect(states(r.readBack)).toEqual(['domain-c10 PENDING', 'domain-c12 READY']);
    expect(r.polls).toHaveLength(2);
    expect(waits).toEqual([]);
    expect(r.poll).toEqual({ budgetMs: 1000, reads: { 'domain-c10': 1, 'domain-c12': 1 }, polledMs: { 'domain-c10': 2, 'domain-c12': 4 } });
  });

  test('polls a STARTED cluster with growing delays until it shows the upgrade; the last read is the read-back', async () => {
    const { api, waits, options } = scripted({
      'domain-c10': [{ body: ready() }, { body: ready() }, { body: pending }],
      'domain-c12': [{ body: ready() }],
    });
    const call = batch(
      { 'domain-c10': { desired_version: V }, 'domain-c12': { desired_version: V } },
      { 'domain-c10': { res: 'STARTED' }, 'domain-c12': { res: 'REJECTED' } },
    );
    const r = await readBackUpgrades(api, ['domain-c10', 'domain-c12'], call, 's', options);
    expect(states(r.polls)).toEqual(['domain-c10 READY', 'domain-c12 READY', 'domain-c10 READY', 'domain-c10 PENDING']);
    expect(states(r.readBack)).toEqual(['domain-c10 PENDING', 'domain-c12 READY']);
    expect(r.poll.reads).toEqual({ 'domain-c10': 3, 'domain-c12': 1 });
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  test('a STARTED cluster that never shows the upgrade is polled until the budget runs out, not forever', async () => {
    const { api, options } = scripted({ 'domain-c10': [{ body: ready() }] });
    const r = await readBackUpgrades(
      api,
      ['domain-c10'],
      batch({ 'domain-c10': { desired_version: V } }, { 'domain-c10': { res: 'STARTED' } }),
      's',
      options,
    );
    expect(r.poll.reads['domain-c10']!).toBeGreaterThan(3);
    expect(r.poll.polledMs['domain-c10']!).toBeLessThanOrEqual(1000);
    expect(r.poll.polledMs['domain-c10']!).toBeGreaterThan(500);
    expect(states(r.readBack)).toEqual(['domain-c10 READY']);
  });

  test('a read that is not a 200 ends the polling of that cluster', async () => {
    const { api, options } = scripted({ 'domain-c10': [{ body: ready() }, { body: { error_type: 'ERROR', messages: [] }, http: 500 }] });
    const r = await readBackUpgrades(
      api,
      ['domain-c10'],
      batch({ 'domain-c10': { desired_version: V } }, { 'domain-c10': { res: 'STARTED' } }),
      's',
      options,
    );
    expect(r.polls.map((x) => x.status)).toEqual([200, 500]);
    expect(r.readBack[0]!.status).toBe(500);
  });

  test('a single upgrade answered 204 is polled like a STARTED cluster; one answered 400 is read once', async () => {
    const single = (status: number): Exchange => ({
      operation: 'clusters.upgrade',
      request: { method: 'POST', url: `${BASE}/domain-c10?action=upgrade`, headers: {}, body: { desired_version: V } },
      status,
      headers: {},
      body: undefined,
      text: '',
      bodyIsJson: false,
      at: '2026-01-01T00:00:00.000Z',
      durationMs: 1,
    });
    const accepted = scripted({ 'domain-c10': [{ body: ready() }, { body: ready(V) }] });
    expect(states((await readBackUpgrades(accepted.api, ['domain-c10'], single(204), 's', accepted.options)).polls)).toEqual([
      'domain-c10 READY',
      'domain-c10 READY',
    ]);
    const refused = scripted({ 'domain-c10': [{ body: ready() }] });
    expect((await readBackUpgrades(refused.api, ['domain-c10'], single(400), 's', refused.options)).polls).toHaveLength(1);
  });
});
