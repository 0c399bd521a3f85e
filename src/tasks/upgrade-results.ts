import type { Exchange } from '../client/exchange';
import { isObject } from '../util/is-object';

/** What an upgrade call sent and answered, read from its exchange: the upgrade pollers and the upgradeMultiple checks use these. */

export interface UpgradeSpecSent {
  desired_version?: unknown;
  ignore_precheck_warnings?: unknown;
}

/** The request map (cluster id → spec) as sent, if the body was a JSON object. */
export function requestSpecs(exchange: Exchange): Record<string, UpgradeSpecSent> | undefined {
  const body = exchange.request.body;
  return isObject(body) ? (body as Record<string, UpgradeSpecSent>) : undefined;
}

/** The 200 result map, if the answer is a 200 with a JSON object. */
export function resultsOf(exchange: Exchange): Record<string, unknown> | undefined {
  return exchange.status === 200 && isObject(exchange.body) ? exchange.body : undefined;
}

/** `res` of one Result, if it is a string. */
export function resOf(result: unknown): string | undefined {
  return isObject(result) && typeof result.res === 'string' ? result.res : undefined;
}

/** The cluster id a clusters.get / clusters.upgrade request addressed (the last path segment). */
export function clusterOfRequest(exchange: Exchange): string | undefined {
  const m = /\/software\/clusters\/([^/?]+)/.exec(exchange.request.url);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/**
 * The clusters an upgrade call says it started, each with the desired_version it was asked for:
 * upgradeMultiple's STARTED results ("Upgrade is started", 9.1 Result.Res), or the single upgrade's
 * 204 (its pre-check let it proceed: "INFO: Upgrade proceeds beyond precheck operation uninterrupted").
 */
export function upgradesStarted(exchange: Exchange): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (exchange.operation === 'clusters.upgradeMultiple') {
    const results = resultsOf(exchange);
    const specs = requestSpecs(exchange) ?? {};
    for (const [id, result] of Object.entries(results ?? {})) if (resOf(result) === 'STARTED') out.set(id, specs[id]?.desired_version);
  } else if (exchange.operation === 'clusters.upgrade' && exchange.status === 204) {
    const id = clusterOfRequest(exchange);
    const body = exchange.request.body;
    if (id !== undefined) out.set(id, isObject(body) ? body.desired_version : undefined);
  }
  return out;
}

/**
 * Whether a clusters.get Info shows an upgrade to `wanted` that began (§3.4, 9.1 Clusters.State and
 * Info.upgrade_status): PENDING ("Upgrade is in progress") with upgrade_status — whose absence means
 * "not in progress" — upgrading to `wanted` when it names a version; READY ("upgrade is completed")
 * at `wanted`; or ERROR ("Upgrade failed"), which still shows that it began.
 */
export function showsUpgrade(info: unknown, wanted: unknown): boolean {
  if (!isObject(info)) return false;
  if (info.state === 'ERROR') return true;
  if (info.state === 'READY') return info.current_version === wanted;
  if (info.state !== 'PENDING' || !isObject(info.upgrade_status)) return false;
  const to = info.upgrade_status.desired_version;
  return to === undefined || to === null || to === wanted;
}

/** How a read-back was polled (fact `upgradePoll`, set by the suites from src/tasks/poll-upgrades.ts). */
export interface UpgradePoll {
  budgetMs: number;
  /** Per cluster: clusters.get calls sent, and ms from the upgrade call's answer to the end of its last read. */
  reads: Record<string, number>;
  polledMs: Record<string, number>;
}
