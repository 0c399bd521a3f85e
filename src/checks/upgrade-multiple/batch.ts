import { isObject } from '../../util/is-object';
import type { Evidence, Exchange } from '../types';

/**
 * What the upgradeMultiple checks read from evidence. Facts a scenario may set (cluster ids):
 * `upgradableClusters`, `warningsClusters`, `errorsClusters` — the pre-check of the requested
 * desired_version is clean / warnings only / errors — and `unknownClusters`, `nonWcpClusters`.
 * Related exchanges: `before` and `readBack` (clusters.get of listed clusters), `twin` (the same
 * batch with unset ignore_precheck_warnings sent as false), `nullTwin` (sent as null), `single`
 * (clusters.upgrade per cluster).
 */
export type FactName = 'upgradableClusters' | 'warningsClusters' | 'errorsClusters' | 'unknownClusters' | 'nonWcpClusters';

export interface UpgradeSpecSent {
  desired_version?: unknown;
  ignore_precheck_warnings?: unknown;
}

type Json = Record<string, unknown>;

/** Whether the evidence is about an upgradeMultiple call. */
export const isBatch = (e: Evidence): boolean => e.exchange.operation === 'clusters.upgradeMultiple';

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

/** §3.3, UpgradeSpec: only an explicit `true` ignores warnings ("missing or null … equivalent to false"). */
export const ignoresWarnings = (spec: UpgradeSpecSent | undefined): boolean => spec?.ignore_precheck_warnings === true;

/** The cluster ids a fact names that are also keys of the request. */
export function requested(e: Evidence, fact: FactName): string[] {
  const ids = e.facts?.[fact];
  const specs = requestSpecs(e.exchange) ?? {};
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && Object.hasOwn(specs, id)) : [];
}

/** Requested clusters whose pre-check fails: errors, or warnings without ignore_precheck_warnings true (§3.3). */
export function precheckFailing(e: Evidence): string[] {
  const specs = requestSpecs(e.exchange) ?? {};
  return [...requested(e, 'errorsClusters'), ...requested(e, 'warningsClusters').filter((id) => !ignoresWarnings(specs[id]))];
}

/** A related exchange list (a single exchange counts as a list of one). */
export function relatedList(e: Evidence, name: string): Exchange[] {
  const r = e.related?.[name];
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
}

/** The cluster id a clusters.get / clusters.upgrade request addressed (the last path segment). */
export function clusterOfRequest(exchange: Exchange): string | undefined {
  const m = /\/software\/clusters\/([^/?]+)/.exec(exchange.request.url);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** The 200 clusters.get body per cluster id, from a list of read exchanges. */
export function infosByCluster(exchanges: readonly Exchange[]): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const x of exchanges) {
    const id = clusterOfRequest(x);
    if (id !== undefined && x.status === 200 && isObject(x.body)) out.set(id, x.body);
  }
  return out;
}

/** The fields of Info that move when an upgrade begins (§3.4), as one line. */
export function upgradeLine(info: Json): string {
  const status = isObject(info.upgrade_status) ? info.upgrade_status : undefined;
  const to = status ? ` upgrading to ${String(status.desired_version ?? '?')}` : '';
  return (
    `${String(info.state)} ${String(info.current_version)}${to}` +
    `${info.last_upgraded_date ? ` (last upgraded ${String(info.last_upgraded_date)})` : ''}`
  );
}

/** Whether a read-back shows that an upgrade began since `before` (state, version, upgrade_status, last upgrade). */
export function upgradeBegan(before: Json, after: Json): boolean {
  if (before.state === 'PENDING') return false; // already upgrading: the comparison says nothing
  const upgrading = (i: Json) => isObject(i.upgrade_status);
  return (
    after.state !== before.state ||
    upgrading(after) !== upgrading(before) ||
    after.current_version !== before.current_version ||
    after.last_upgraded_date !== before.last_upgraded_date
  );
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

/** The evidence's `upgradePoll` fact, if it has that shape. */
export function upgradePollOf(e: Evidence): UpgradePoll | undefined {
  const poll = e.facts?.upgradePoll;
  return isObject(poll) && typeof poll.budgetMs === 'number' && isObject(poll.reads) && isObject(poll.polledMs)
    ? (poll as unknown as UpgradePoll)
    : undefined;
}

/** A JSON pointer to a map key. */
export const pointerTo = (...keys: string[]): string => keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export { isObject };
