import type { Fault } from './fault';

const STAGE = ['software.stage'] as const;

export const stageReturns200: Fault = {
  name: 'stage-returns-200',
  breaks: 'the stage task call answers 200 instead of 202 (§1, §4: every vmw-task=true call answers 202)',
  operations: STAGE,
  after: (_request, response) => (response.status === 202 ? { ...response, status: 200 } : response),
};

export const taskIdWrapped: Fault = {
  name: 'task-id-wrapped',
  breaks: 'the stage task id comes wrapped as {"value": id}, as legacy /rest does (§1: the task id is a bare JSON string)',
  operations: STAGE,
  after: (_request, response) => (response.status === 202 ? { ...response, body: { value: response.body } } : response),
};

export const stageFaults: readonly Fault[] = [stageReturns200, taskIdWrapped];
