import type { Check, Evidence } from '../types';
import { excerpt, issue } from '../issue';
import { errorTypeOf } from '../generic/operation-facts';

export const unauthenticatedIs401: Check<Evidence> = {
  name: 'unauthenticated-is-401',
  reason:
    'A missing, malformed, unknown or deleted session id (and bad Basic credentials) ' +
    'gets 401 with an UNAUTHENTICATED error body, never 403 (vcenter-contract.md §2, §6).',
  severity: 'failure',
  select: (e) => (e.intent.kind === 'unauthenticated' ? e : undefined),
  run(e) {
    const { status, body, text } = e.exchange;
    const credential = e.intent.kind === 'unauthenticated' ? e.intent.credential : '';
    const type = errorTypeOf(body);
    if (status === 401 && type === 'UNAUTHENTICATED') return [];
    const received = text === '' ? `${status} (no body)` : `${status} ${type ?? excerpt(text, 80)}`;
    return [
      issue(this, `a request with a ${credential} credential was not refused as unauthenticated`, {
        received,
        documented: '401 {"error_type":"UNAUTHENTICATED", "messages": [...]}',
      }),
    ];
  },
};
