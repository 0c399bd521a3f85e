import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { errorTypeOf } from './operation-facts';

/** A documented error condition was set up on purpose: its status and error type must come back. */
export const documentedErrorIsReturned: Check<Evidence> = {
  name: 'documented-error-is-returned',
  reason:
    'Each documented error condition answers with its documented status ' +
    'and error_type (9.1 spec responses; vcenter-contract.md §3–§5, §7).',
  severity: 'failure',
  select: (e) => (e.intent.kind === 'documented-error' ? e : undefined),
  run(e) {
    if (e.intent.kind !== 'documented-error') return [];
    const { status, errorType, when } = e.intent;
    const got = errorTypeOf(e.exchange.body);
    if (e.exchange.status === status && got === errorType) return [];
    return [
      issue(this, `the documented error for "${when}" did not come back`, {
        received: `${e.exchange.status} ${got ?? '(no error_type)'}`,
        documented: `${status} ${errorType}`,
      }),
    ];
  },
};
