import { isDeepStrictEqual } from 'node:util';
import type { Check } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { clusterOfRequest, pointerTo, relatedList, requestSpecs, resOf, batchWhen, type Batch } from './batch';

/** What the single upgrade's answer means for the batch: 204 ↔ STARTED, 400 UNSUPPORTED ("pre-check failed") ↔ REJECTED. */
function batchEquivalent(status: number, body: unknown): string | undefined {
  if (status === 204) return 'STARTED';
  if (status === 400 && errorTypeOf(body) === 'UNSUPPORTED') return 'REJECTED';
  return undefined;
}

/** Evidence: the batch, and `related.single`: clusters.upgrade of each listed cluster with the same spec, from the same (reset) state. */
export const singleAndBatchAgree: Check<Batch> = {
  name: 'single-and-batch-agree',
  reason:
    'upgrade and upgradeMultiple share the pre-check (REJECTED "implies pre-check failed when invoking upgrade of ' +
    'the cluster"): for the same cluster, spec and state, the single call\'s 204 / 400 UNSUPPORTED should match the ' +
    "batch's STARTED / REJECTED; advisory, since the docs never say that two invocations from the same state reach the " +
    "same pre-check verdict (a pre-check inspects the live cluster), and where a cluster's pre-check outcome is " +
    "known the batch's res is judged against it by the failure checks (prior-art §4.3; vcenter-contract.md §3.1–§3.3).",
  severity: 'warning',
  select: (e) => batchWhen(e, (x) => relatedList(x, 'single').length > 0),
  run({ results }, e) {
    const specs = requestSpecs(e.exchange) ?? {};
    return relatedList(e, 'single').flatMap((single) => {
      const id = clusterOfRequest(single);
      if (id === undefined || !Object.hasOwn(results, id) || !isDeepStrictEqual(single.request.body, specs[id])) return [];
      const expected = batchEquivalent(single.status, single.body);
      const res = resOf(results[id]);
      if (expected === undefined || res === expected) return [];
      return [
        issue(this, `cluster ${id}: the single upgrade and the batch disagree`, {
          received: `${`single ${single.status} ${errorTypeOf(single.body) ?? ''}`.trim()}; batch ${String(res)}`,
          documented: `batch ${expected}`,
          pointer: pointerTo(id, 'res'),
        }),
      ];
    });
  },
};
