import { documentedQueryName } from '../../../specs/query-params';
import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';

/** GetSpec.exclude_result as sent form-exploded; the catalogue's `spec` query parameter documents it. */
const EXCLUDE_RESULT = documentedQueryName('tasks.get', 'exclude_result');
const asksToExclude = (url: string): boolean => new URLSearchParams(url.split('?')[1] ?? '').get(EXCLUDE_RESULT) === 'true';

/**
 * GetSpec.exclude_result set → no result. The /api spelling of GetSpec (`?exclude_result=true`,
 * form/explode) is not confirmed by the docs, so a result that still comes back is recorded only.
 */
export const taskResultOmittedWhenExcluded: Check<Evidence> = {
  name: 'task-result-omitted-when-excluded',
  reason:
    'With Cis.Tasks.GetSpec.exclude_result set the task Info carries no result; an observation, since the on-the-wire spelling ' +
    'of GetSpec on /api is not documented ("This spelling is unconfirmed on a real server", vcenter-contract.md §5, §8).',
  severity: 'observation',
  select: (e) =>
    e.exchange.operation === 'tasks.get' && e.exchange.status === 200 && asksToExclude(e.exchange.request.url) ? e : undefined,
  run(e) {
    const result = (e.exchange.body as { result?: unknown } | undefined)?.result;
    if (result === undefined || result === null) return [];
    return [
      issue(this, 'the result came back although ?exclude_result=true was sent (the server may spell GetSpec differently)', {
        received: show(result, 120),
        documented: 'no result with exclude_result=true',
        pointer: '/result',
      }),
    ];
  },
};
