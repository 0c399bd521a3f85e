import type { ApiClient } from '../client/api-client';
import type { Exchange } from '../checks/types';
import { showsUpgrade, upgradesStarted, type UpgradePoll } from '../checks/upgrade-multiple/batch';
import type { PollOptions } from './poll-task';

/** What a read-back after an upgrade call gathered: the evidence for started-cluster-shows-upgrade and its siblings. */
export interface UpgradeReadBack {
  /** The last clusters.get of each cluster, in the order the clusters were given (`related.readBack`). */
  readBack: Exchange[];
  /** Every clusters.get sent, in order (each is judged on its own). */
  polls: Exchange[];
  /** How it was polled (fact `upgradePoll`). */
  poll: UpgradePoll;
}

const defaultWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads every cluster once with clusters.get, then — with exponential backoff, within the budget —
 * keeps reading each cluster the call says it started (upgradeMultiple's STARTED, the single
 * upgrade's 204) until it shows the upgrade (showsUpgrade), answers anything but 200, or the budget
 * runs out. How soon a started upgrade shows is not documented, so it is polled, never read once.
 */
export async function readBackUpgrades(api: ApiClient, clusters: readonly string[], call: Exchange, session: string, options: PollOptions): Promise<UpgradeReadBack> {
  const { budgetMs, initialDelayMs = 10, maxDelayMs = 1000, factor = 1.6, wait = defaultWait, now = Date.now } = options;
  const started = upgradesStarted(call);
  const last = new Map<string, Exchange>();
  const polls: Exchange[] = [];
  const poll: UpgradePoll = { budgetMs, reads: {}, polledMs: {} };
  const start = now();
  let delay = initialDelayMs;
  let round = [...new Set(clusters)];
  for (;;) {
    for (const cluster of round) {
      const read = await api.call('clusters.get', { params: { cluster }, session });
      polls.push(read);
      last.set(cluster, read);
      poll.reads[cluster] = (poll.reads[cluster] ?? 0) + 1;
      poll.polledMs[cluster] = now() - start;
    }
    round = round.filter((id) => started.has(id) && last.get(id)!.status === 200 && !showsUpgrade(last.get(id)!.body, started.get(id)));
    if (round.length === 0 || now() - start + delay > budgetMs) break;
    await wait(delay);
    delay = Math.min(maxDelayMs, delay * factor);
  }
  return { readBack: [...new Set(clusters)].map((id) => last.get(id)!), polls, poll };
}
