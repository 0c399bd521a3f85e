import type { Check, Evidence } from '../types';
import { issue } from '../issue';

export const unauthenticatedCarriesChallenge: Check<Evidence> = {
  name: 'unauthenticated-carries-challenge',
  reason:
    'Vapi.Std.Errors.Unauthenticated has a `challenge` (since 7.0) that the Go bindings map to WWW-Authenticate; ' +
    'advisory, since the 9.1 schema makes it optional ("This property is optional because it was added in a ' +
    'newer version than its parent node") and declares no response header at all (vcenter-contract.md §1, §6).',
  severity: 'warning',
  select: (e) => (e.exchange.status === 401 && e.exchange.bodyIsJson ? e : undefined),
  run(e) {
    const challenge = (e.exchange.body as { challenge?: unknown }).challenge;
    if (typeof challenge === 'string' && challenge !== '') return [];
    return [
      issue(this, 'the 401 body has no challenge', {
        received: String(challenge),
        documented: 'a challenge string (e.g. Basic realm="…")',
        pointer: '/challenge',
      }),
    ];
  },
};
