import type { Check, Evidence } from '../types';
import { issue } from '../issue';

/** The WCP-enabled clusters the scenario knows of (facts.wcpClusters: ids from the target's inventory roles). */
function expectedOf(e: Evidence): string[] {
  const ids = e.facts?.wcpClusters;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** The `cluster` of every Summary in a list answer. */
function listedOf(body: unknown): Set<unknown> {
  return new Set(
    Array.isArray(body) ? body.map((s) => (typeof s === 'object' && s !== null ? (s as { cluster?: unknown }).cluster : undefined)) : [],
  );
}

export const listIncludesWcpClusters: Check<Evidence> = {
  name: 'list-includes-wcp-clusters',
  reason:
    'clusters list "Returns upgrade related information about all WCP enabled clusters" (its ' +
    '200 is the "List of upgrade summary of all WCP enabled clusters"): every WCP-enabled ' +
    'cluster of the target has a Summary (9.1 spec, clusters list; vcenter-contract.md §3.1).',
  severity: 'failure',
  select: (e) =>
    e.exchange.operation === 'clusters.list' && e.exchange.status === 200 && Array.isArray(e.exchange.body) && expectedOf(e).length > 0
      ? e
      : undefined,
  run(e) {
    const listed = listedOf(e.exchange.body);
    return expectedOf(e)
      .filter((id) => !listed.has(id))
      .map((id) =>
        issue(this, `the WCP-enabled cluster ${id} is missing from the list`, {
          received: `${listed.size} summaries, none for ${id}`,
          documented: 'a Summary for every WCP-enabled cluster',
          pointer: '',
        }),
      );
  },
};
