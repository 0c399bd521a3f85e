import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from './operation-facts';

/**
 * The violations a vAPI runtime must refuse, because it cannot bind such input to the documented
 * structure: a missing required property, a wrong JSON type, a value outside an enum, malformed or
 * missing JSON. A duplicate in a uniqueItems array (the runtime binds it to a set), an extra property
 * and a format-only violation are not promised a refusal: their answer is an observation.
 */
const MUST_REFUSE = new Set([
  'missing-required',
  'wrong-type',
  'out-of-enum',
  'malformed JSON',
  'missing required body',
  'empty required body',
]);

/** Whether the docs promise a refusal of input broken this way (a mutation kind, or how the body was broken). */
export function mustBeRefused(kind: string): boolean {
  return MUST_REFUSE.has(kind);
}

/** Input the runtime must refuse is refused as the client's fault. */
export const invalidInputIsRejected: Check<Evidence> = {
  name: 'invalid-input-is-rejected-with-4xx',
  reason:
    'A request the runtime cannot bind to the documented request schema — a missing required property, ' +
    "a wrong JSON type, a value outside an enum, malformed or missing JSON — is the client's error: it is refused with " +
    'a 4xx vAPI error, never accepted and never answered 5xx (vcenter-contract.md §7). Duplicates in sets, ' +
    'extra properties and format-only violations are not promised a refusal (lenient-input-answer-is-observed).',
  severity: 'failure',
  select: (e) => (e.intent.kind === 'invalid-input' && e.intent.mustRefuse ? e : undefined),
  run(e) {
    const { status, body } = e.exchange;
    const mutation = e.intent.kind === 'invalid-input' ? e.intent.mutation : '';
    if (status >= 400 && status < 500 && errorTypeOf(body)) return [];
    const received = `${status} ${errorTypeOf(body) ?? ''}`.trim();
    return [
      issue(this, `invalid input (${mutation}) was not refused as a client error`, {
        received,
        documented: '4xx with a vAPI error body (e.g. 400 INVALID_ARGUMENT)',
      }),
    ];
  },
};

/** Always records one observation: how a server answers input the docs do not promise to refuse. */
export const lenientInputAnswerIsObserved: Check<Evidence> = {
  name: 'lenient-input-answer-is-observed',
  reason:
    'The docs promise no refusal of a duplicate item in a uniqueItems array (no operation declares an error for it, ' +
    'and the vAPI runtime binds such arrays to sets), of an extra property (no schema sets additionalProperties: ' +
    'false, and how unknown request properties are treated is unspecified) or of a format-only violation: ' +
    'the answer is recorded as an observation, never judged (vcenter-contract.md §1, §7, §8).',
  severity: 'observation',
  select: (e) => (e.intent.kind === 'invalid-input' && !e.intent.mustRefuse ? e : undefined),
  run(e) {
    const { status, body } = e.exchange;
    const mutation = e.intent.kind === 'invalid-input' ? e.intent.mutation : '';
    return [
      issue(this, `${mutation} was answered ${status}`, {
        received: `${status} ${errorTypeOf(body) ?? ''}`.trim(),
        documented: 'not specified',
      }),
    ];
  },
};
