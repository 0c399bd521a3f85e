import type { Operation } from '../../specs/index';
import { declaresLack, requiredPrivileges, type DeclaredLacks } from '../target/privileges';

export { cataloguePrivileges, requiredPrivileges } from '../target/privileges';

/**
 * What the user is declared to lack to run `op` on `clusters` (e.g. `Namespaces.Upgrade on
 * domain-c12`), or undefined. Only declared lacks count (src/target/privileges.ts): safe mode calls a
 * request refused only when the profile says so, and an operation that requires no named privilege
 * (tasks.cancel) is never refused on privilege grounds.
 */
export function missingPrivilege(user: DeclaredLacks | undefined, op: Operation, clusters: readonly string[]): string | undefined {
  const required = requiredPrivileges(op);
  const lacking = required.operation.find((p) => declaresLack(user, p));
  if (lacking) return lacking;
  for (const privilege of required.perCluster) {
    for (const cluster of clusters) if (declaresLack(user, privilege, cluster)) return `${privilege} on ${cluster}`;
  }
  return undefined;
}
