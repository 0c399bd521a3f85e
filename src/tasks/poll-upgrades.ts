import type { ApiClient } from '../client/api-client';
import type { Exchange } from '../client/exchange';
import { showsUpgrade, upgradesStarted, type UpgradePoll } from './upgrade-results';
import { pollWithBackoff, type PollOptions } from './backoff';

/** What a read-back after an upgrade call gathered: the evidence for started-cluster-shows-upgrade and its siblings. */
export interface UpgradeReadBack {
  /** The last clusters.get of each cluster, in the order the clusters were given (`related.readBack`). */
  readBack: Exchange[];
  /** Every clusters.get sent, in order (each is judged on its own). */
  polls: Exchange[];
  /** How it was polled (fact `upgradePoll`). */
  poll: UpgradePoll;
}

/**
 * Reads every cluster once with clusters.get, then — with exponential backoff, within the budget —
 * keeps reading each cluster the call says it started (upgradeMultiple's STARTED, the single
 * upgrade's 204) until it shows the upgrade (showsUpgrade), answers anything but 200, or the budget
 * runs out. How soon a started upgrade shows is not documented, so it is polled, never read once.
 */
export async function readBackUpgrades(
  api: ApiClient,
  clusters: readonly string[],
  call: Exchange,
  session: string,
  options: PollOptions,
): Promise<UpgradeReadBack> {
  const { budgetMs, now = Date.now } = options;
  const started = upgradesStarted(call);
  const last = new Map<string, Exchange>();
  const polls: Exchange[] = [];
  const poll: UpgradePoll = { budgetMs, reads: {}, polledMs: {} };
  const start = now();
  let round = [...new Set(clusters)];
  await pollWithBackoff(async () => {
    for (const cluster of round) {
      const read = await api.call('clusters.get', { params: { cluster }, session });
      polls.push(read);
      last.set(cluster, read);
      poll.reads[cluster] = (poll.reads[cluster] ?? 0) + 1;
      poll.polledMs[cluster] = now() - start;
    }
    round = round.filter((id) => started.has(id) && last.get(id)!.status === 200 && !showsUpgrade(last.get(id)!.body, started.get(id)));
    return round.length === 0;
  }, options);
  return { readBack: [...new Set(clusters)].map((id) => last.get(id)!), polls, poll };
}
