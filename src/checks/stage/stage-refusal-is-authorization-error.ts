import type { Check } from '../types';
import { issue } from '../issue';
import { isUnprivilegedStage, refusalOf } from './refusal';

/** Advisory: the docs promise "an authorization error" but give neither its status nor where it sits. */
export const stageRefusalIsAuthorizationError: Check = {
  name: 'stage-refusal-is-authorization-error',
  reason: 'stage "returns an authorization error" to a caller without VcIntegrity.lifecycleSoftwareRemediation.Write: an UNAUTHORIZED error, as a 403 or as the error of a FAILED task; the form is not documented, so another refusal is a warning (vcenter-contract.md §4, §6, §8).',
  severity: 'warning',
  appliesTo: (e) => isUnprivilegedStage(e) && refusalOf(e).kind === 'other',
  run(e) {
    return [issue(this, 'the stage by an unprivileged user was refused, but not with an UNAUTHORIZED error', { received: refusalOf(e).text, documented: '403 UNAUTHORIZED, or a task that ends FAILED with an UNAUTHORIZED error' })];
  },
};
