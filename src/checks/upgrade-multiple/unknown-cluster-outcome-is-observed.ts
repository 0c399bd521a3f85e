import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isBatch, isObject, pointerTo, requested, resultsOf } from './batch';

/** Always records one observation: the documentation is silent, so any answer is information, never a failure. */
export const unknownClusterOutcomeIsObserved: Check<Evidence> = {
  name: 'unknown-cluster-outcome-is-observed',
  reason:
    'The docs do not say how upgradeMultiple reports an unknown or non-WCP cluster id: it declares only 401, ' +
    '403 and 500 (no 400, no 404), and "A real server might answer with a REJECTED entry, a 500 ERROR, ' +
    'or something else", so the answer is recorded as an observation (vcenter-contract.md §3.1, §8).',
  severity: 'observation',
  select: (e) => (isBatch(e) && [...requested(e, 'unknownClusters'), ...requested(e, 'nonWcpClusters')].length > 0 ? e : undefined),
  run(e) {
    const ids = [
      ...requested(e, 'unknownClusters').map((id) => [id, 'unknown'] as const),
      ...requested(e, 'nonWcpClusters').map((id) => [id, 'non-WCP'] as const),
    ];
    const results = resultsOf(e.exchange);
    if (!results) {
      const { status, body } = e.exchange;
      return [
        issue(this, `a batch naming ${ids.map(([id, kind]) => `${kind} cluster ${id}`).join(', ')} was answered ${status} as a whole`, {
          received: `${status} ${errorTypeOf(body) ?? ''}`.trim(),
          documented: 'not specified',
        }),
      ];
    }
    return ids.map(([id, kind]) => {
      const result = results[id];
      const exception =
        isObject(result) && isObject(result.exception) ? ` (exception ${errorTypeOf(result.exception) ?? show(result.exception, 80)})` : '';
      const received = result === undefined ? 'no Result' : `res ${isObject(result) ? String(result.res) : show(result)}${exception}`;
      return issue(this, `${kind} cluster ${id} is reported inside the 200 body`, {
        received,
        documented: 'not specified',
        pointer: pointerTo(id),
      });
    });
  },
};
