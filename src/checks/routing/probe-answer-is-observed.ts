import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isRoutingProbe } from './route-of-request';
import { errorTypeOf } from '../generic/operation-facts';

/** Records the answer to every routing probe: the documentation is silent, so it is information, never a failure. */
export const probeAnswerIsObserved: Check<Evidence> = {
  name: 'probe-answer-is-observed',
  reason:
    'The 9.1 spec defines no operation for a non-task ?action=stage, an unknown action or vmw-task ' +
    'other than true, and gives no answer for a stage without its body ("the spec does not say", ' +
    'vcenter-contract.md §8), so the exact status and error_type are recorded as information.',
  severity: 'observation',
  select: (e) => (isRoutingProbe(e) ? e : undefined),
  run(e) {
    const question = e.intent.kind === 'probe' ? e.intent.question : '';
    const answer = `${e.exchange.status} ${errorTypeOf(e.exchange.body) ?? (e.exchange.text === '' ? '(no body)' : '(no error_type)')}`;
    return [issue(this, `${question}: answered ${answer}`, { received: answer, documented: 'unspecified (vcenter-contract.md §8)' })];
  },
};
