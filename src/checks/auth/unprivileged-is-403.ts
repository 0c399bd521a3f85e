import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { declares403, errorTypeOf, operationOf } from '../generic/operation-facts';

export const unprivilegedIs403: Check<Evidence> = {
  name: 'unprivileged-is-403-unauthorized',
  reason:
    'Where an operation declares 403, a user without the documented privilege gets ' +
    '403 UNAUTHORIZED — not 400, not 401 (vcenter-contract.md §6, §7; prior-art §4.4).',
  severity: 'failure',
  select: (e) => {
    const op = operationOf(e);
    return e.intent.kind === 'unprivileged' && op !== undefined && declares403(op) ? e : undefined;
  },
  run(e) {
    const { status, body } = e.exchange;
    const type = errorTypeOf(body);
    if (status === 403 && type === 'UNAUTHORIZED') return [];
    const privilege = e.intent.kind === 'unprivileged' ? `${e.intent.role} without ${e.intent.privilege}` : '';
    return [
      issue(this, `the call by ${privilege} was not refused as unauthorized`, {
        received: `${status} ${type ?? ''}`.trim(),
        documented: '403 UNAUTHORIZED',
      }),
    ];
  },
};
