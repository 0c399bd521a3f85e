import { vapiErrorBody } from './errors';
import type { ClusterState, MockState } from './state';

/**
 * Supervisor upgrade state logic shared by the four namespace software cluster handlers
 * (vcenter-contract.md §3). Pure functions over MockState and the virtual clock: an upgrade is
 * settled lazily on every read, never by a timer. Mock choices are listed in
 * handlers/upgrade-multiple.ts.
 */

export type Supervisor = NonNullable<ClusterState['supervisor']>;

/** `Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpec` (§3.4). */
export interface UpgradeSpec {
  desired_version: string;
  ignore_precheck_warnings?: boolean;
}

/** Why an upgrade does not start, as the std error type and text it is refused with. */
export interface Refusal {
  type: 'NOT_FOUND' | 'UNSUPPORTED';
  text: string;
}

/** The privilege upgrade and upgradeMultiple need on each cluster (9.1 prose, §3.1 and §10). */
export const UPGRADE_PRIVILEGE = 'Namespaces.Upgrade';
/** The privilege list and get need (the 403 texts, §3.1). */
export const READ_PRIVILEGE = 'System.Read';
/** UpgradeProgress.total: "the number of master nodes in the cluster need to be upgraded". */
export const CONTROL_PLANE_NODES = 3;

/** A LocalizableMessage without parameters (§6). */
function message(id: string, text: string, args: string[] = []) {
  return { id: `vcconform.mock.supervisor.${id}`, default_message: text, args };
}

/** Orders `v1.30.4`-style versions by their numeric parts (then as text). */
export function compareVersions(a: string, b: string): number {
  const pa = a.match(/\d+/g)?.map(Number) ?? [];
  const pb = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

/**
 * The cluster's Supervisor with a finished upgrade applied (the new version is current, it and
 * older versions leave available_versions, last_upgraded_date = end time); undefined = not
 * WCP-enabled. Called on every read, so the state only moves forward with the clock.
 */
export function settledSupervisor(cluster: ClusterState, now: number): Supervisor | undefined {
  const s = cluster.supervisor;
  if (s?.upgrade && now >= s.upgrade.endsAt) {
    const { to, endsAt } = s.upgrade;
    s.currentVersion = to;
    s.lastUpgradedDate = new Date(endsAt).toISOString();
    s.availableVersions = s.availableVersions.filter((v) => compareVersions(v, to) > 0);
    delete s.upgrade;
  }
  return s;
}

/** The pre-check refusal for this spec, if any (§3.3: ERROR blocks; WARNING blocks unless ignore_precheck_warnings is true). */
function precheckRefusal(clusterId: string, s: Supervisor, spec: UpgradeSpec): Refusal | undefined {
  const outcome = s.prechecks[spec.desired_version] ?? 'none';
  const target = `upgrading cluster ${clusterId} to ${spec.desired_version}`;
  if (outcome === 'errors') return { type: 'UNSUPPORTED', text: `Pre-check failed: ${target} reports errors.` };
  if (outcome === 'warnings' && spec.ignore_precheck_warnings !== true) {
    return { type: 'UNSUPPORTED', text: `Pre-check failed: ${target} reports warnings and ignore_precheck_warnings is not true.` };
  }
  return undefined;
}

/** Starts the upgrade now, or returns why it is refused (the caller has checked the privilege). */
export function tryUpgrade(state: MockState, clusterId: string, spec: UpgradeSpec): Refusal | undefined {
  const cluster = state.clusters.get(clusterId);
  if (!cluster) return { type: 'NOT_FOUND', text: `There is no cluster ${clusterId}.` };
  const now = state.now();
  const s = settledSupervisor(cluster, now);
  if (!s) return { type: 'UNSUPPORTED', text: `Cluster ${clusterId} is not WCP-enabled.` };
  if (s.upgrade) return { type: 'UNSUPPORTED', text: `An upgrade of cluster ${clusterId} to ${s.upgrade.to} is already in progress.` };
  if (!s.availableVersions.includes(spec.desired_version)) {
    return {
      type: 'UNSUPPORTED',
      text:
        `Version ${JSON.stringify(spec.desired_version)} is not available for ` +
        `cluster ${clusterId} (available: ${s.availableVersions.join(', ') || 'none'}).`,
    };
  }
  const refused = precheckRefusal(clusterId, s, spec);
  if (refused) return refused;
  s.upgrade = { to: spec.desired_version, startedAt: now, endsAt: now + state.timings.upgradeMs };
  return undefined;
}

/** The std error object a refusal carries (400/404 body of upgrade, `exception` of upgradeMultiple). */
export function refusalBody(refusal: Refusal) {
  return vapiErrorBody(refusal.type, refusal.text);
}

/** UpgradeStatus while an upgrade runs: progress in whole control plane nodes, only growing (§3.4). */
function upgradeStatus(s: Supervisor, upgrade: NonNullable<Supervisor['upgrade']>, now: number) {
  const span = upgrade.endsAt - upgrade.startedAt;
  const completed = Math.min(CONTROL_PLANE_NODES, Math.floor((CONTROL_PLANE_NODES * (now - upgrade.startedAt)) / span));
  const warned = s.prechecks[upgrade.to] === 'warnings';
  return {
    desired_version: upgrade.to,
    messages: warned
      ? [
          {
            severity: 'WARNING',
            details: message('precheck.warnings_ignored', `Pre-check warnings for ${upgrade.to} were ignored (ignore_precheck_warnings).`),
          },
        ]
      : [],
    progress: {
      total: CONTROL_PLANE_NODES,
      completed,
      message: message('upgrade.progress', `Upgraded ${completed} of ${CONTROL_PLANE_NODES} control plane nodes to ${upgrade.to}.`, [
        String(completed),
        String(CONTROL_PLANE_NODES),
        upgrade.to,
      ]),
    },
  };
}

/** `…Software.Clusters.Summary` of a settled WCP cluster; unset optionals omitted (§1). */
export function summaryOf(cluster: ClusterState, s: Supervisor) {
  return {
    cluster: cluster.id,
    cluster_name: cluster.name,
    current_version: s.currentVersion,
    available_versions: [...s.availableVersions],
    state: s.upgrade ? 'PENDING' : 'READY',
    ...(s.lastUpgradedDate !== undefined && { last_upgraded_date: s.lastUpgradedDate }),
    ...(s.upgrade && { desired_version: s.upgrade.to }),
  };
}

/** `…Software.Clusters.Info` of a settled WCP cluster; upgrade_status only while upgrading (§3.4). */
export function infoOf(s: Supervisor, now: number) {
  return {
    current_version: s.currentVersion,
    available_versions: [...s.availableVersions],
    messages: [],
    state: s.upgrade ? 'PENDING' : 'READY',
    ...(s.lastUpgradedDate !== undefined && { last_upgraded_date: s.lastUpgradedDate }),
    ...(s.upgrade && { upgrade_status: upgradeStatus(s, s.upgrade, now) }),
  };
}
