import type { DeclaredLacks } from './privileges';

/**
 * The inventory a suite needs, by role, mapped to real ids of the target. A live target's profile
 * maps these to its own objects; the reference mock's come from its default inventory.
 */
export interface InventoryRoles {
  /** A WCP cluster whose pre-checks are clean for `version`, and the version to upgrade to. */
  upgradableCluster?: { id: string; version: string };
  /** A WCP cluster whose pre-check for `version` gives warnings only. */
  warningsCluster?: { id: string; version: string };
  /** A WCP cluster whose pre-check for `version` gives errors. */
  errorsCluster?: { id: string; version: string };
  /** A cluster that is not WCP-enabled. */
  nonWcpCluster?: string;
  /** A single-image cluster to stage, with its hosts and its commits (oldest first). */
  stageCluster?: { id: string; hosts: string[]; commits: string[] };
  /** A cluster where staging fails on some host. */
  failingStageCluster?: string;
  /** A cluster not managed with a single software specification. */
  nonSingleImageCluster?: string;
  /** A cluster without a desired software document. */
  noDesiredDocumentCluster?: string;
  /** A host that belongs to no cluster (or not to stageCluster). */
  hostOutsideCluster?: string;
  /** A cluster on which the `operator` user lacks Namespaces.Upgrade (a declaration: the operator's lacksOn gets it). */
  operatorDeniedCluster?: string;
}

/** A user of the target, by the role the suites ask for, with the privileges it is declared to lack. */
export interface RoleUser extends DeclaredLacks {
  username: string;
  password: string;
  /** Where the password came from (a profile's passwordEnv, VCENTER_PASSWORD), for messages; never the value. */
  passwordEnv?: string;
}

export type Role = 'administrator' | 'read-only' | 'operator';

/** Every role a profile can name a user for. */
export const ROLES: readonly Role[] = ['administrator', 'read-only', 'operator'];

/** An inventory role's name, as a suite declares it (`roles: ['stageCluster']`). */
export type InventoryRole = keyof InventoryRoles;

/** Every inventory role, in the order InventoryRoles lists them (the record makes the compiler keep it complete). */
export const INVENTORY_ROLES = Object.keys({
  upgradableCluster: 0,
  warningsCluster: 0,
  errorsCluster: 0,
  nonWcpCluster: 0,
  stageCluster: 0,
  failingStageCluster: 0,
  nonSingleImageCluster: 0,
  noDesiredDocumentCluster: 0,
  hostOutsideCluster: 0,
  operatorDeniedCluster: 0,
} satisfies Record<InventoryRole, 0>) as InventoryRole[];

/** The cluster ids an inventory role names (host roles name none). */
export function clustersOfRole(role: InventoryRoles[keyof InventoryRoles]): string[] {
  if (role === undefined) return [];
  if (typeof role === 'string') return /^host-/.test(role) ? [] : [role];
  return [role.id];
}
