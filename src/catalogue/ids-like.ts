import { operations } from '../../specs/index';

/**
 * Catalogued operation ids like one that matched nothing, for the error that names it: those sharing its first
 * segment (`software.stag` → software.stage, `vcenter.clustr.*` → vcenter.cluster.list, …), else the deep ones.
 */
export function idsLike(id: string): string[] {
  const first = id.split('.')[0];
  const same = operations.filter((op) => op.id.split('.')[0] === first).map((op) => op.id);
  return same.length > 0 ? same : operations.filter((op) => op.depth === 'deep').map((op) => op.id);
}
