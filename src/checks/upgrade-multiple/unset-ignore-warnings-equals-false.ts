import type { Check, Exchange } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isBatch, pointerTo, requestSpecs, resOf, resultsOf } from './batch';

const twinOf = (e: Parameters<Check['run']>[0]): Exchange | undefined => {
  const twin = e.related?.twin;
  return twin && !Array.isArray(twin) && twin.operation === 'clusters.upgradeMultiple' ? twin : undefined;
};
const outcome = (x: Exchange) => (x.status === 200 ? '200' : `${x.status} ${errorTypeOf(x.body) ?? ''}`.trim());

/** Evidence: the batch with ignore_precheck_warnings unset, and `related.twin`, the same batch with it false, sent from the same state. */
export const unsetIgnoreWarningsEqualsFalse: Check = {
  name: 'unset-ignore-warnings-equals-false',
  reason: 'An unset ignore_precheck_warnings "is equivalent to setting the value to false": the same batch from the same state gives the same res per cluster either way (vcenter-contract.md §3.3; UpgradeSpec).',
  severity: 'failure',
  appliesTo: (e) => isBatch(e) && twinOf(e) !== undefined && requestSpecs(e.exchange) !== undefined,
  run(e) {
    const twin = twinOf(e)!;
    if (outcome(e.exchange) !== outcome(twin)) {
      return [issue(this, 'the batch was answered differently with the flag unset and with it false', { received: `unset: ${outcome(e.exchange)}; false: ${outcome(twin)}`, documented: 'the same answer' })];
    }
    const unset = resultsOf(e.exchange);
    const no = resultsOf(twin);
    if (!unset || !no) return [];
    return Object.keys(requestSpecs(e.exchange)!)
      .filter((id) => Object.hasOwn(unset, id) && Object.hasOwn(no, id) && resOf(unset[id]) !== resOf(no[id]))
      .map((id) => issue(this, `cluster ${id} got a different res with ignore_precheck_warnings unset than with false`, {
        received: `unset: ${String(resOf(unset[id]))}; false: ${String(resOf(no[id]))}`, documented: 'the same res', pointer: pointerTo(id, 'res'),
      }));
  },
};
