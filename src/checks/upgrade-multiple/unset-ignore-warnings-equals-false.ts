import type { Check, Evidence, Exchange, Issue } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isBatch, pointerTo, requestSpecs, resOf, resultsOf, type UpgradeSpecSent } from './batch';

/** The related twins: the same batch from the same state with the flag false (`twin`) and null (`nullTwin`). */
const TWINS = [
  ['twin', 'false'],
  ['nullTwin', 'null'],
] as const;

function twinsOf(e: Evidence): [flag: string, twin: Exchange][] {
  return TWINS.flatMap(([name, flag]): [string, Exchange][] => {
    const twin = e.related?.[name];
    return twin && !Array.isArray(twin) && twin.operation === 'clusters.upgradeMultiple' ? [[flag, twin]] : [];
  });
}
const outcome = (x: Exchange) => (x.status === 200 ? '200' : `${x.status} ${errorTypeOf(x.body) ?? ''}`.trim());

/**
 * Evidence: the batch with ignore_precheck_warnings unset, and `related.twin` (the same batch with it
 * false) and/or `related.nullTwin` (with it null), each sent from the same state.
 */
export const unsetIgnoreWarningsEqualsFalse: Check<Record<string, UpgradeSpecSent>> = {
  name: 'unset-ignore-warnings-equals-false',
  reason:
    'ignore_precheck_warnings "If missing or null … is equivalent to setting the value to false": the same batch from the same ' +
    'state gives the same answer and res per cluster with it unset, null or false (vcenter-contract.md §1, §3.3; UpgradeSpec).',
  severity: 'failure',
  select: (e) => (isBatch(e) && twinsOf(e).length > 0 ? requestSpecs(e.exchange) : undefined),
  run(specs, e) {
    return twinsOf(e).flatMap(([flag, twin]): Issue[] => {
      if (outcome(e.exchange) !== outcome(twin)) {
        return [
          issue(this, `the batch was answered differently with the flag unset and with it ${flag}`, {
            received: `unset: ${outcome(e.exchange)}; ${flag}: ${outcome(twin)}`,
            documented: 'the same answer',
          }),
        ];
      }
      const unset = resultsOf(e.exchange);
      const other = resultsOf(twin);
      if (!unset || !other) return [];
      return Object.keys(specs)
        .filter((id) => Object.hasOwn(unset, id) && Object.hasOwn(other, id) && resOf(unset[id]) !== resOf(other[id]))
        .map((id) =>
          issue(this, `cluster ${id} got a different res with ignore_precheck_warnings unset than with ${flag}`, {
            received: `unset: ${String(resOf(unset[id]))}; ${flag}: ${String(resOf(other[id]))}`,
            documented: 'the same res',
            pointer: pointerTo(id, 'res'),
          }),
        );
    });
  },
};
