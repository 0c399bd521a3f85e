import { idsLike } from '../catalogue/ids-like';
import { operations } from '../../specs/index';
import { UsageError } from '../errors';

/**
 * The operations a run covers: globs over catalogue ids (`clusters.*`, `tasks.get`), from
 * `--operations` or a profile's `operations`, for a target that serves only part of the API (a
 * partial mock). A test whose plan names an operation outside them is skipped as "not in scope" and
 * sends nothing. Logging in and out is always in scope: no test runs without a session.
 */
const ALWAYS = new Set(['session.create', 'session.delete']);

export function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/**
 * The patterns of a comma-separated list, each checked to match some catalogued operation. `from` names the flag or field for the message.
 */
export function parseScope(patterns: readonly string[], from: string): string[] {
  const list = patterns
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError(`${from} must name at least one operation id or pattern, e.g. 'clusters.*,tasks.get'`);
  const ids = operations.map((op) => op.id);
  const unmatched = list.filter((p) => !ids.some((id) => globToRegExp(p).test(id)));
  if (unmatched.length)
    throw new UsageError(
      `${from}: ${unmatched.map((p) => JSON.stringify(p)).join(', ')} ${unmatched.length > 1 ? 'match' : 'matches'} no ` +
        `catalogued operation (like it: ${unmatched.flatMap((p) => idsLike(p)).join(', ')}; vcconform operations lists all ${ids.length})`,
    );
  return list;
}

/** Whether the operation is in scope (every operation is when no scope is given; requests outside the catalogue, probes, are). */
export function inScope(scope: readonly string[] | undefined, operationId: string): boolean {
  if (scope === undefined || ALWAYS.has(operationId) || !operations.some((op) => op.id === operationId)) return true;
  return scope.some((p) => globToRegExp(p).test(operationId));
}

/** The operations of a plan outside the scope, sorted. */
export function outOfScope(scope: readonly string[] | undefined, planned: Iterable<string>): string[] {
  return [...new Set([...planned].filter((id) => !inScope(scope, id)))].sort();
}

/** Why a test is skipped for operations outside the scope (the plan fixture and --dry-run say it the same way). */
export function notInScope(scope: readonly string[] | undefined, outside: readonly string[]): string {
  return `not in scope: ${outside.join(', ')} (the run covers ${(scope ?? []).join(', ')}: --operations or the profile's operations)`;
}
