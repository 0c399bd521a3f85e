import type { Check } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from './operation-facts';

/** Input re-validated as invalid before sending must be refused as the client's fault. */
export const invalidInputIsRejected: Check = {
  name: 'invalid-input-is-rejected-with-4xx',
  reason: 'A request that breaks the documented request schema is the client\'s error: it is refused with a 4xx vAPI error, never accepted and never answered 5xx (vcenter-contract.md §7).',
  severity: 'failure',
  appliesTo: (e) => e.intent.kind === 'invalid-input',
  run(e) {
    const { status, body } = e.exchange;
    const mutation = e.intent.kind === 'invalid-input' ? e.intent.mutation : '';
    if (status >= 400 && status < 500 && errorTypeOf(body)) return [];
    const received = `${status} ${errorTypeOf(body) ?? ''}`.trim();
    return [issue(this, `invalid input (${mutation}) was not refused as a client error`, { received, documented: '4xx with a vAPI error body (e.g. 400 INVALID_ARGUMENT)' })];
  },
};
