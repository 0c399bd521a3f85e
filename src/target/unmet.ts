import { assumedRoles, assumedUsers, type Assumed } from '../safety/assumes';
import { declarationPointer, declaresLack, type DeclaredLacks } from './privileges';
import { clustersOfRole, type InventoryRole, type InventoryRoles, type Role } from './roles';

/**
 * Why a target does not meet an assumption, in one text for both places that say it: the need
 * fixture's skip when the test runs, and `vcconform run --dry-run`'s decision. Each function answers
 * undefined when the assumption is met. Only roles and usernames are named: never a password.
 */
export interface TargetOffer {
  /** The inventory roles mapped to the target's ids. */
  roles: InventoryRoles;
  /** The users by role, with what each is declared to lack (the profile's users, operatorDeniedCluster folded in). */
  users: Partial<Record<Role, DeclaredLacks>>;
  canReset: boolean;
  /** The clusters state-changing requests may touch ('*': any). */
  allowlist: readonly string[] | '*';
}

/** What a profile (with or without passwords) offers; a live run allows state changes only on its mutationAllowlist. */
export function profileOffer(profile: {
  roles: InventoryRoles;
  users: Partial<Record<Role, DeclaredLacks>>;
  capabilities: { reset?: unknown; mutationAllowlist: readonly string[] };
}): TargetOffer {
  return {
    roles: profile.roles,
    users: profile.users,
    canReset: profile.capabilities.reset !== undefined,
    allowlist: profile.capabilities.mutationAllowlist,
  };
}

export function unmappedRoles(keys: readonly InventoryRole[], roles: InventoryRoles): string | undefined {
  const missing = keys.filter((k) => roles[k] === undefined);
  return missing.length ? `the target maps no inventory role ${missing.join(', ')}` : undefined;
}

/** For a test that changes state: the roles' clusters outside the mutation allowlist. */
export function outsideAllowlist(
  keys: readonly InventoryRole[],
  roles: InventoryRoles,
  allowlist: readonly string[] | '*',
): string | undefined {
  if (allowlist === '*') return undefined;
  const outside = [...new Set(keys.flatMap((k) => clustersOfRole(roles[k])).filter((id) => !allowlist.includes(id)))];
  return outside.length
    ? `safe mode: this test changes state and ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} not in the mutation allowlist`
    : undefined;
}

export function missingUsers(wanted: readonly Role[], users: Partial<Record<Role, unknown>>): string | undefined {
  const missing = wanted.filter((r) => !users[r]);
  return missing.length ? `the target has no user for role ${missing.join(', ')}` : undefined;
}

/** Whether `user` is declared to lack `privilege` everywhere (no clusters) or on each of `clusters`; else where to declare it. */
export function undeclaredLack(
  role: Role,
  privilege: string,
  clusters: readonly string[],
  user: DeclaredLacks | undefined,
): string | undefined {
  const undeclared =
    clusters.length === 0
      ? declaresLack(user, privilege)
        ? []
        : [undefined]
      : [...new Set(clusters)].sort().filter((c) => !declaresLack(user, privilege, c));
  if (undeclared.length === 0) return undefined;
  return (
    `the profile does not declare that the ${role} user ` +
    `lacks ${privilege}${undeclared[0] === undefined ? '' : ` on ${undeclared.join(', ')}`} ` +
    `(${declarationPointer(role, undeclared[0])})`
  );
}

export function cannotReset(canReset: boolean): string | undefined {
  return canReset ? undefined : 'the target cannot be reset (no capabilities.reset in its profile)';
}

/**
 * The first assumption the target does not meet, in the order the suites call need (reset, roles, users,
 * lacks), or undefined when it meets them all.
 */
export function unmetAssumption(a: Assumed, offer: TargetOffer, changesState: boolean): string | undefined {
  const roles = assumedRoles(a);
  const lacks = new Map<string, { role: Role; privilege: string; everywhere: boolean; on: InventoryRole[] }>();
  for (const l of a.lacks) {
    const key = `${l.role} ${l.privilege}`;
    const entry = lacks.get(key) ?? { role: l.role, privilege: l.privilege, everywhere: false, on: [] };
    if (l.on === undefined) entry.everywhere = true;
    else entry.on.push(l.on);
    lacks.set(key, entry);
  }
  return [
    () => (a.reset ? cannotReset(offer.canReset) : undefined),
    () => unmappedRoles(roles, offer.roles),
    () => (changesState ? outsideAllowlist(roles, offer.roles, offer.allowlist) : undefined),
    () => missingUsers(assumedUsers(a), offer.users),
    ...[...lacks.values()].flatMap((l) => [
      ...(l.everywhere ? [() => undeclaredLack(l.role, l.privilege, [], offer.users[l.role])] : []),
      ...(l.on.length
        ? [
            () =>
              undeclaredLack(
                l.role,
                l.privilege,
                l.on.flatMap((k) => clustersOfRole(offer.roles[k])),
                offer.users[l.role],
              ),
          ]
        : []),
    ]),
  ].reduce<string | undefined>((found, reason) => found ?? reason(), undefined);
}
