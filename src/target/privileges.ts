import { operations, type Operation } from '../../specs/index';

/**
 * What a user of the target is declared to lack: privileges missing everywhere (`lacks`) and
 * privileges missing on particular clusters (`lacksOn`). Only declared facts count: a privilege the
 * profile does not say a user lacks may be held, so a test that needs a refusal is skipped and
 * safe mode classes the user's request as one that may act.
 */
export interface DeclaredLacks {
  /** Privileges the user holds on no object, e.g. VcIntegrity.lifecycleSoftwareRemediation.Write. */
  lacks?: readonly string[];
  /** Cluster id → privileges the user lacks on that cluster. */
  lacksOn?: Readonly<Record<string, readonly string[]>>;
}

/** Whether the declaration says the user lacks `privilege` (on `cluster`, when one is given). */
export function declaresLack(user: DeclaredLacks | undefined, privilege: string, cluster?: string): boolean {
  if (user?.lacks?.includes(privilege)) return true;
  return cluster !== undefined && (user?.lacksOn?.[cluster]?.includes(privilege) ?? false);
}

/** A copy of the declaration that also lacks `privilege` on `cluster` (for roles that imply a lack, such as operatorDeniedCluster). */
export function withLackOn(user: DeclaredLacks, cluster: string, privilege: string): DeclaredLacks {
  const on = user.lacksOn?.[cluster] ?? [];
  if (on.includes(privilege)) return user;
  return { ...user, lacksOn: { ...user.lacksOn, [cluster]: [...on, privilege] } };
}

/** The privilege a role that plays operatorDeniedCluster is declared to lack there. */
export const OPERATOR_DENIED_PRIVILEGE = 'Namespaces.Upgrade';

/**
 * The declaration of a user who holds `global` privileges everywhere and `perCluster` ones on some
 * clusters (as the reference mock's inventory says): every privilege of `universe` it holds nowhere
 * is lacked everywhere; one it holds on some clusters is lacked on the rest of `clusters`. '*' holds all.
 */
export function lacksOfGrant(
  grant: { privileges: readonly string[]; clusterPrivileges?: Readonly<Record<string, readonly string[]>> },
  universe: readonly string[],
  clusters: readonly string[],
): DeclaredLacks {
  if (grant.privileges.includes('*')) return {};
  const global = new Set(grant.privileges);
  const onSome = new Set(Object.values(grant.clusterPrivileges ?? {}).flat());
  const lacks = universe.filter((p) => !global.has(p) && !onSome.has(p));
  const lacksOn: Record<string, string[]> = {};
  for (const cluster of clusters) {
    const held = new Set(grant.clusterPrivileges?.[cluster] ?? []);
    const missing = [...onSome].filter((p) => !global.has(p) && !held.has(p)).sort();
    if (missing.length) lacksOn[cluster] = missing;
  }
  return { ...(lacks.length && { lacks: [...lacks].sort() }), ...(Object.keys(lacksOn).length && { lacksOn }) };
}

/** `users.operator.lacks` or `users.operator.lacksOn` with the cluster: where a profile declares this lack. */
export function declarationPointer(role: string, cluster?: string): string {
  return cluster === undefined ? `users.${role}.lacks` : `users.${role}.lacks (or users.${role}.lacksOn["${cluster}"])`;
}

/** Every caller holds System.Anonymous (upgradeMultiple's formal annotation). */
const HELD_BY_ALL = new Set(['System.Anonymous']);

/** Privileges an operation requires: on the operation itself, and on each cluster it names. */
export function requiredPrivileges(op: Operation): { operation: string[]; perCluster: string[] } {
  const onCluster = op.privileges.resources.filter((r) => r.resourceType === 'ClusterComputeResource').flatMap((r) => r.privileges);
  // Privileges on other resources (hosts, tasks) are held or not as a whole: count them with the operation's.
  const onOther = op.privileges.resources.filter((r) => r.resourceType !== 'ClusterComputeResource').flatMap((r) => r.privileges);
  const operation = [...new Set([...op.privileges.operation, ...onOther])].filter((p) => !HELD_BY_ALL.has(p));
  const perCluster = [...new Set(onCluster)].filter((p) => !HELD_BY_ALL.has(p));
  return { operation, perCluster };
}

/** Every privilege a catalogued operation requires: what a declaration of lacks can be about. */
export function cataloguePrivileges(): string[] {
  return [
    ...new Set(
      operations.flatMap((op) => {
        const r = requiredPrivileges(op);
        return [...r.operation, ...r.perCluster];
      }),
    ),
  ].sort();
}
