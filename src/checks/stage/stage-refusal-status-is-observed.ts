import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isUnprivilegedStage, refusalOf } from './refusal';

export const stageRefusalStatusIsObserved: Check<Evidence> = {
  name: 'stage-refusal-status-is-observed',
  reason:
    'stage declares no 403, so how (with which status, on the call or through its task) ' +
    'a caller without VcIntegrity.lifecycleSoftwareRemediation.Write is refused is not documented: ' +
    'it is recorded, never judged (vcenter-contract.md §4: "A user without the ' +
    'privilege gets an authorization error whose HTTP form the contract does not give"; §8).',
  severity: 'observation',
  select: (e) => (isUnprivilegedStage(e) ? e : undefined),
  run(e) {
    return [
      issue(this, `the stage by an unprivileged user came out as: ${refusalOf(e).text}`, {
        received: refusalOf(e).text,
        documented: 'not documented (no 403 declared for stage)',
      }),
    ];
  },
};
