import type { Check, Evidence } from '../types';
import { issue } from '../issue';

export const contentTypeIsJson: Check<Evidence> = {
  name: 'content-type-is-json',
  reason: 'Every /api response body is application/json (vcenter-contract.md §1).',
  severity: 'failure',
  select: (e) => (e.exchange.text !== '' ? e : undefined),
  run(e) {
    const type = e.exchange.headers['content-type'] ?? '';
    if (/^application\/json\b/i.test(type)) return [];
    return [
      issue(this, 'a body was sent with another content type', { received: type || '(no content-type)', documented: 'application/json' }),
    ];
  },
};
