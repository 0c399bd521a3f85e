import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';

export const authErrorsCarryNoData: Check<Evidence> = {
  name: 'auth-errors-carry-no-data',
  reason:
    'For security, Error.data is missing or null on UNAUTHENTICATED and UNAUTHORIZED ' +
    'errors (Vapi.Std.Errors.Unauthenticated/Unauthorized, vcenter-contract.md §6).',
  severity: 'failure',
  select: (e) => (['UNAUTHENTICATED', 'UNAUTHORIZED'].includes(errorTypeOf(e.exchange.body) ?? '') ? e : undefined),
  run(e) {
    const data = (e.exchange.body as { data?: unknown }).data;
    if (data === undefined || data === null) return [];
    return [
      issue(this, `an ${errorTypeOf(e.exchange.body)} error carries data`, {
        received: show(data),
        documented: 'data missing or null',
        pointer: '/data',
      }),
    ];
  },
};
