import type { Check, Evidence } from '../types';
import { issue, show } from '../issue';
import { isStage } from './stage-runs';

export const stageAnswers202WithTaskId: Check<Evidence> = {
  name: 'stage-answers-202-with-task-id',
  reason:
    'stage is a vmw-task=true operation: a successful call answers 202 with the task ' +
    'id as a bare JSON string, no {"value": …} wrapper (vcenter-contract.md §1, §4).',
  severity: 'failure',
  select: (e) => (isStage(e) && e.intent.kind === 'valid' ? e : undefined),
  run(e) {
    const { status, body, bodyIsJson, text } = e.exchange;
    if (status === 202 && bodyIsJson && typeof body === 'string' && body !== '') return [];
    if (status !== 202)
      return [
        issue(this, `the stage call answered ${status}`, { received: `${status} ${show(text, 120)}`, documented: '202 "<task id>"' }),
      ];
    return [
      issue(this, 'the 202 body is not a bare JSON string task id', {
        received: show(text, 120),
        documented: '"<task id>" (a JSON string)',
        pointer: '',
      }),
    ];
  },
};
