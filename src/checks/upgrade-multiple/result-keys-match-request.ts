import type { Check } from '../types';
import { issue } from '../issue';
import { pointerTo, requestSpecs, batchWhen, type Batch } from './batch';

export const resultKeysMatchRequest: Check<Batch> = {
  name: 'result-keys-match-request',
  reason:
    'The upgradeMultiple 200 body holds one Result for each requested cluster: its keys are ' +
    "exactly the request's keys, none missing, none added (vcenter-contract.md §3.2, §8 note).",
  severity: 'failure',
  select: (e) => batchWhen(e, (x) => requestSpecs(x.exchange) !== undefined),
  run({ specs, results }) {
    const asked = Object.keys(specs);
    const answered = Object.keys(results);
    // Sets: a 10,000-cluster batch is 10^8 comparisons with Array.includes (npm run bench, P3).
    const answeredSet = new Set(answered);
    const askedSet = new Set(asked);
    const missing = asked.filter((id) => !answeredSet.has(id));
    const added = answered.filter((id) => !askedSet.has(id));
    return [
      ...missing.map((id) =>
        issue(this, `no Result for requested cluster ${id}`, {
          received: `keys ${answered.join(', ') || '(none)'}`,
          documented: `keys exactly ${asked.join(', ') || '(none)'}`,
          pointer: pointerTo(id),
        }),
      ),
      ...added.map((id) =>
        issue(this, `a Result for cluster ${id}, which was not requested`, {
          received: `keys ${answered.join(', ')}`,
          documented: `keys exactly ${asked.join(', ') || '(none)'}`,
          pointer: pointerTo(id),
        }),
      ),
    ];
  },
};
