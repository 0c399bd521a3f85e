import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isBatch, requestSpecs } from './batch';

/** Always records one observation. The answer's keys, if it is a 200, are still judged by result-keys-match-request. */
export const emptyBatchOutcomeIsObserved: Check<Evidence> = {
  name: 'empty-batch-outcome-is-observed',
  reason:
    'The docs do not say what an empty upgradeMultiple body {} returns (the request map has no minProperties, ' +
    'and no error names it): the answer is recorded as an observation; a 200 is still held ' +
    'to one Result per requested cluster by result-keys-match-request (vcenter-contract.md §3.2, §8).',
  severity: 'observation',
  select: (e) =>
    isBatch(e) && requestSpecs(e.exchange) !== undefined && Object.keys(requestSpecs(e.exchange)!).length === 0 ? e : undefined,
  run(e) {
    const { status, body, text } = e.exchange;
    const received = status === 200 ? `200 ${show(body, 120)}` : `${status} ${errorTypeOf(body) ?? show(text, 80)}`;
    return [issue(this, 'an empty batch {} was answered', { received, documented: 'not specified' })];
  },
};
