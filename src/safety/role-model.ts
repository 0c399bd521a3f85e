import type { Operation } from '../../specs/index';
import type { Role } from '../target/roles';

/** What one role of the harness's users holds. */
export interface RoleGrant {
  /** Privileges held on every object, or 'all'. */
  holds: 'all' | readonly string[];
  /** Whether its cluster privileges are withheld on the clusters in `SafetyFacts.operatorDenied`. */
  withheldOnOperatorDenied: boolean;
}

/**
 * The role model safe mode relies on; the users a target profile maps to these roles must be set up
 * this way (as the reference mock's are, README "Inventory"). Where a real role holds less, safe
 * mode only errs towards calling a refused request state-changing; where it holds more, a request
 * classed unprivileged could act, so a profile must never map a broader role to these names.
 * - administrator: every privilege on every cluster;
 * - read-only: System.Read, so no state-changing operation;
 * - operator: Namespaces.Upgrade on every cluster but the operator-denied ones, and nothing else.
 */
export const ROLE_MODEL: Readonly<Record<Role, RoleGrant>> = {
  administrator: { holds: 'all', withheldOnOperatorDenied: false },
  'read-only': { holds: ['System.Read'], withheldOnOperatorDenied: false },
  operator: { holds: ['Namespaces.Upgrade'], withheldOnOperatorDenied: true },
};

/**
 * Stands for the privilege of a state-changing operation the 9.1 spec names none for
 * (tasks.cancel): the model assumes only administrator holds it.
 */
export const UNNAMED_PRIVILEGE = 'a privilege the spec does not name';

/** Every caller holds System.Anonymous (upgradeMultiple's formal annotation). */
const HELD_BY_ALL = new Set(['System.Anonymous']);

/** Privileges an operation requires: on the operation itself, and on each cluster it names. */
export function requiredPrivileges(op: Operation): { operation: string[]; perCluster: string[] } {
  const onCluster = op.privileges.resources.filter((r) => r.resourceType === 'ClusterComputeResource').flatMap((r) => r.privileges);
  // Privileges on other resources (hosts, tasks) are held or not as a whole: count them with the operation's.
  const onOther = op.privileges.resources.filter((r) => r.resourceType !== 'ClusterComputeResource').flatMap((r) => r.privileges);
  const operation = [...new Set([...op.privileges.operation, ...onOther])].filter((p) => !HELD_BY_ALL.has(p));
  const perCluster = [...new Set(onCluster)].filter((p) => !HELD_BY_ALL.has(p));
  if (op.class === 'state-changing' && operation.length === 0 && perCluster.length === 0) return { operation: [UNNAMED_PRIVILEGE], perCluster };
  return { operation, perCluster };
}

/** What the role lacks to run `op` on `clusters` (e.g. `Namespaces.Upgrade on domain-c12`), or undefined. */
export function missingPrivilege(role: Role, op: Operation, clusters: readonly string[], operatorDenied: ReadonlySet<string>): string | undefined {
  const grant = ROLE_MODEL[role];
  if (grant.holds === 'all') return undefined;
  const held = new Set(grant.holds);
  const required = requiredPrivileges(op);
  const lacking = required.operation.find((p) => !held.has(p));
  if (lacking) return lacking;
  for (const privilege of required.perCluster) {
    for (const cluster of clusters) {
      if (!held.has(privilege) || (grant.withheldOnOperatorDenied && operatorDenied.has(cluster))) return `${privilege} on ${cluster}`;
    }
  }
  return undefined;
}
