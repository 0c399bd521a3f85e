import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';
import { isBatch, precheckFailing } from './batch';

/** Judges the status only; the REJECTED entries are judged by the two pre-check checks that follow. */
export const precheckFailureIsPerCluster: Check<Evidence> = {
  name: 'precheck-failure-is-per-cluster',
  reason:
    'A pre-check failure is reported per cluster inside the 200 body (REJECTED), ' +
    'never as a 400 or any other error for the whole batch (vcenter-contract.md §3.2).',
  severity: 'failure',
  select: (e) => (isBatch(e) && e.intent.kind === 'valid' && precheckFailing(e).length > 0 ? e : undefined),
  run(e) {
    const { status, body } = e.exchange;
    if (status === 200) return [];
    return [
      issue(this, `a batch with pre-check failures on ${precheckFailing(e).join(', ')} was refused as a whole`, {
        received: `${status} ${errorTypeOf(body) ?? ''}`.trim(),
        documented: '200 with res REJECTED for each cluster whose pre-check failed',
      }),
    ];
  },
};
