import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { nullPointers } from '../../util/without-nulls';

export const optionalFieldsAreOmitted: Check<Evidence> = {
  name: 'unset-fields-are-omitted-not-null',
  reason:
    'The vAPI runtime omits unset optional fields, but the 9.1 prose allows "missing or `null`" throughout, ' +
    'so a null is reported as information only (vcenter-contract.md §1, §8: "null versus absent for unset optional fields").',
  severity: 'observation',
  select: (e) => (e.exchange.bodyIsJson && e.exchange.operation !== undefined ? e : undefined),
  run(e) {
    return nullPointers(e.exchange.body).map((pointer) =>
      issue(this, 'an unset field is sent as null instead of being omitted', { received: 'null', documented: 'property omitted', pointer }),
    );
  },
};
