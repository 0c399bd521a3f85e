import type { Check, Evidence } from '../types';
import { issue } from '../issue';

export const authenticatedIsNot401: Check<Evidence> = {
  name: 'authenticated-is-not-401',
  reason:
    'A call with a live session is authenticated: 401 is only for a missing or unknown ' +
    'session (vcenter-contract.md §2); a 401 here means the session was lost or refused.',
  severity: 'failure',
  select: (e) => (e.intent.kind === 'valid' || e.intent.kind === 'documented-error' || e.intent.kind === 'unprivileged' ? e : undefined),
  run(e) {
    if (e.exchange.status !== 401) return [];
    return [
      issue(this, 'a request with a live session was answered 401', {
        received: '401',
        documented: 'anything but 401 (the session is valid)',
      }),
    ];
  },
};
