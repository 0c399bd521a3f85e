import type { Check, Evidence } from '../types';
import { issue } from '../issue';
import { isUnprivilegedStage, refusalOf } from './refusal';

/**
 * The refusal's form is not documented (no 403 is declared): only a stage that is served — its
 * task SUCCEEDS — fails here. Whether the refusal is an authorization error is
 * stage-refusal-is-authorization-error's (on the call) and stage-task-refusal-is-authorization-error's
 * (through the task, advisory), and how it came is recorded by stage-refusal-status-is-observed.
 * A task still running is not judged.
 */
export const unprivilegedStageIsRefused: Check<Evidence> = {
  name: 'unprivileged-stage-is-refused',
  reason:
    'stage "returns an authorization error if you do not have all of the ' +
    'privileges" (VcIntegrity.lifecycleSoftwareRemediation.Write): a stage that ' +
    'succeeds for a caller without it is a failure (vcenter-contract.md §4, §8).',
  severity: 'failure',
  select: (e) => (isUnprivilegedStage(e) ? e : undefined),
  run(e) {
    const refusal = refusalOf(e);
    if (refusal.kind !== 'served') return [];
    const who = e.intent.kind === 'unprivileged' ? `${e.intent.role} without ${e.intent.privilege}` : 'an unprivileged user';
    return [
      issue(this, `the stage by ${who} was served`, {
        received: refusal.text,
        documented: 'refused: 403 UNAUTHORIZED, or a task that ends FAILED with an UNAUTHORIZED error',
      }),
    ];
  },
};
