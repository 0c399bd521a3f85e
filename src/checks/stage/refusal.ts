import type { Evidence } from '../types';
import { errorTypeOf } from '../generic/operation-facts';
import { terminalPoll } from '../task/task-polls';
import { isStage } from './stage-runs';

/** How a stage by a user without the privilege came out (vcenter-contract.md §4, §8). */
export type Refusal =
  | { kind: 'refused-403'; text: string }
  | { kind: 'refused-task'; text: string }
  | { kind: 'served'; text: string }
  | { kind: 'other'; text: string }
  | { kind: 'unfinished'; text: string };

export const isUnprivilegedStage = (e: Evidence): boolean => isStage(e) && e.intent.kind === 'unprivileged';

export function refusalOf(e: Evidence): Refusal {
  const { status, body } = e.exchange;
  const type = errorTypeOf(body);
  if (status === 403 && type === 'UNAUTHORIZED') return { kind: 'refused-403', text: '403 UNAUTHORIZED (status undeclared for stage)' };
  // Whether a 2xx is the right success status is stage-answers-202-with-task-id's business: here the task decides.
  if (status < 200 || status >= 300) return { kind: 'other', text: `${status} ${type ?? '(no error_type)'}` };
  const last = terminalPoll(e.task);
  if (!last) return { kind: 'unfinished', text: `${status}, task not finished (${e.task ? e.task.outcome : 'not polled'})` };
  const errorType = errorTypeOf(last.info.error);
  if (last.status === 'FAILED' && errorType === 'UNAUTHORIZED')
    return { kind: 'refused-task', text: `${status}, task FAILED with UNAUTHORIZED` };
  if (last.status === 'SUCCEEDED') return { kind: 'served', text: `${status}, task SUCCEEDED` };
  return {
    kind: 'other',
    text: `${status}, task FAILED with ${errorType ?? (last.info.error === undefined ? 'no error' : 'an error without error_type')}`,
  };
}
