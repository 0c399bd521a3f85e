import { isObject } from '../../util/is-object';
import type { Evidence, Exchange } from '../types';
import { clusterOfRequest, requestSpecs, resultsOf, type UpgradePoll, type UpgradeSpecSent } from '../../tasks/upgrade-results';

// The wire-level readers the upgrade pollers share with these checks (src/tasks sits below the checks).
export {
  clusterOfRequest,
  requestSpecs,
  resOf,
  resultsOf,
  showsUpgrade,
  upgradesStarted,
  type UpgradePoll,
  type UpgradeSpecSent,
} from '../../tasks/upgrade-results';

/**
 * What the upgradeMultiple checks read from evidence. Facts a scenario may set (cluster ids):
 * `upgradableClusters`, `warningsClusters`, `errorsClusters` — the pre-check of the requested
 * desired_version is clean / warnings only / errors — and `unknownClusters`, `nonWcpClusters`.
 * Related exchanges: `before` and `readBack` (clusters.get of listed clusters), `twin` (the same
 * batch with unset ignore_precheck_warnings sent as false), `nullTwin` (sent as null), `single`
 * (clusters.upgrade per cluster).
 */
export type FactName = 'upgradableClusters' | 'warningsClusters' | 'errorsClusters' | 'unknownClusters' | 'nonWcpClusters';

type Json = Record<string, unknown>;

/** Whether the evidence is about an upgradeMultiple call. */
export const isBatch = (e: Evidence): boolean => e.exchange.operation === 'clusters.upgradeMultiple';

/** An upgradeMultiple call answered 200 with a result map: the request map as sent ({} when it was not an object) and the results. */
export interface Batch {
  specs: Record<string, UpgradeSpecSent>;
  results: Record<string, unknown>;
}

/** The batch the evidence holds: undefined unless it is an upgradeMultiple answered 200 with a result map. */
export function batchOf(e: Evidence): Batch | undefined {
  if (!isBatch(e)) return undefined;
  const results = resultsOf(e.exchange);
  return results && { specs: requestSpecs(e.exchange) ?? {}, results };
}

/** The batch, when `also` holds for the evidence too (asked only of a batch). */
export function batchWhen(e: Evidence, also: (e: Evidence) => boolean): Batch | undefined {
  const batch = batchOf(e);
  return batch && also(e) ? batch : undefined;
}

/** §3.3, UpgradeSpec: only an explicit `true` ignores warnings ("missing or null … equivalent to false"). */
export const ignoresWarnings = (spec: UpgradeSpecSent | undefined): boolean => spec?.ignore_precheck_warnings === true;

/** The cluster ids a fact names that are also keys of the request. */
export function requested(e: Evidence, fact: FactName): string[] {
  const specs = requestSpecs(e.exchange) ?? {};
  return (e.facts?.[fact] ?? []).filter((id) => Object.hasOwn(specs, id));
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

/** The evidence's `upgradePoll` fact, if it has that shape. */
export function upgradePollOf(e: Evidence): UpgradePoll | undefined {
  return e.facts?.upgradePoll;
}

/** A JSON pointer to a map key. */
export const pointerTo = (...keys: string[]): string => keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export { isObject };
