import { test, expect } from '@playwright/test';
import { taskChecks } from '../index';
import { applies } from '../generic/testing';
import type { Evidence } from '../types';
import { runChecks } from '../run-checks';
import { exchange, history, info, issuesOf, stageEvidence, stageResult, TASK_ID, time } from './task-test-helpers';

const TASK_CHECKS = taskChecks;

const progress = (completed: number, total = 300) => ({
  progress: { total, completed, message: { id: 'm', default_message: 'Staging', args: [] } },
});
const tasks = (infos: unknown[], outcome?: 'slow' | 'stuck') => stageEvidence({ infos, ...(outcome && { outcome }) });
const taskGet = (url: string, body: unknown): Evidence => ({
  scenario: 'self-test',
  intent: { kind: 'valid' },
  exchange: exchange({ operation: 'tasks.get', url, body }),
});

const cases: { description: string; evidence: Evidence; expectedIssues: string[] }[] = [
  // task-transitions-are-legal
  {
    description: 'PENDING → RUNNING → RUNNING → SUCCEEDED is legal',
    evidence: tasks([info('PENDING'), info('RUNNING'), info('RUNNING'), info('SUCCEEDED')]),
    expectedIssues: [],
  },
  { description: 'skipping RUNNING between two polls is legal', evidence: tasks([info('PENDING'), info('SUCCEEDED')]), expectedIssues: [] },
  {
    description: 'RUNNING ⇄ BLOCKED, then FAILED, is legal (BLOCKED is not terminal)',
    evidence: tasks([info('RUNNING'), info('BLOCKED'), info('RUNNING'), info('FAILED')]),
    expectedIssues: [],
  },
  {
    description: 'SUCCEEDED then RUNNING goes back',
    evidence: tasks([info('SUCCEEDED'), info('RUNNING', {}, 300)]),
    expectedIssues: ['task-transitions-are-legal /polls/1/status'],
  },
  {
    description: 'SUCCEEDED then FAILED leaves a terminal status',
    evidence: tasks([info('RUNNING'), info('SUCCEEDED'), info('FAILED')]),
    expectedIssues: ['task-transitions-are-legal /polls/2/status'],
  },
  {
    description: 'RUNNING then PENDING goes back',
    evidence: tasks([info('PENDING'), info('RUNNING'), info('PENDING'), info('SUCCEEDED')]),
    expectedIssues: ['task-transitions-are-legal /polls/2/status'],
  },
  {
    description: 'a non-200 poll in between is skipped, not judged as a status',
    evidence: { ...tasks([info('RUNNING'), { error_type: 'ERROR', messages: [] }, info('SUCCEEDED')]) },
    expectedIssues: [],
  },
  // task-fields-match-status
  {
    description: 'a PENDING task needs none of the status-dependent fields',
    evidence: tasks([info('PENDING')], 'slow'),
    expectedIssues: ['task-is-not-slow /polls/0/status'],
  },
  {
    description: 'a RUNNING task without start_time',
    evidence: tasks([info('RUNNING', { start_time: undefined }), info('SUCCEEDED')]),
    expectedIssues: ['task-fields-match-status /polls/0/start_time'],
  },
  {
    description: 'a SUCCEEDED task without progress or end_time',
    evidence: tasks([info('SUCCEEDED', { progress: undefined, end_time: undefined })]),
    expectedIssues: ['task-fields-match-status /polls/0/progress', 'task-fields-match-status /polls/0/end_time'],
  },
  {
    description: 'a BLOCKED task without progress',
    evidence: tasks([info('BLOCKED', { progress: undefined }), info('FAILED')]),
    expectedIssues: ['task-fields-match-status /polls/0/progress'],
  },
  {
    description: 'a RUNNING task without progress',
    evidence: tasks([info('RUNNING', { progress: undefined }), info('SUCCEEDED')]),
    expectedIssues: ['task-fields-match-status /polls/0/progress'],
  },
  {
    description: 'null counts as unset: a FAILED task with end_time null',
    evidence: tasks([info('FAILED', { end_time: null })]),
    expectedIssues: ['task-fields-match-status /polls/0/end_time'],
  },
  // task-fields-absent-outside-status
  {
    description: 'a PENDING task with progress',
    evidence: tasks([info('PENDING', progress(0)), info('SUCCEEDED')]),
    expectedIssues: ['task-fields-absent-outside-status /polls/0/progress'],
  },
  {
    description: 'a RUNNING task with end_time',
    evidence: tasks([info('RUNNING', { end_time: time(31) }), info('SUCCEEDED')]),
    expectedIssues: ['task-fields-absent-outside-status /polls/0/end_time'],
  },
  {
    description: 'a PENDING task with a result',
    evidence: tasks([info('PENDING', { result: {} }), info('SUCCEEDED')]),
    expectedIssues: ['task-fields-absent-outside-status /polls/0/result'],
  },
  {
    description: 'a FAILED task may carry result and error',
    evidence: tasks([info('FAILED', { result: stageResult({ failed: ['host-101'], successful: ['host-102', 'host-103'] }) })]),
    expectedIssues: [],
  },
  // progress-never-decreases
  {
    description: 'completed stays, then rises',
    evidence: tasks([info('RUNNING', progress(100)), info('RUNNING', progress(100)), info('SUCCEEDED')]),
    expectedIssues: [],
  },
  {
    description: 'completed drops from 200 to 100',
    evidence: tasks([info('RUNNING', progress(200)), info('RUNNING', progress(100)), info('SUCCEEDED')]),
    expectedIssues: ['progress-never-decreases /polls/1/progress/completed'],
  },
  {
    description: 'completed drops at the terminal poll',
    evidence: tasks([info('RUNNING', progress(250)), info('FAILED', progress(50))]),
    expectedIssues: ['progress-never-decreases /polls/1/progress/completed'],
  },
  // progress-within-total
  {
    description: 'completed above total',
    evidence: tasks([info('RUNNING', progress(301)), info('SUCCEEDED', progress(301, 400))]),
    expectedIssues: ['progress-within-total /polls/0/progress/completed'],
  },
  {
    description: 'negative completed',
    evidence: tasks([info('RUNNING', progress(-1)), info('SUCCEEDED')]),
    expectedIssues: ['progress-within-total /polls/0/progress/completed'],
  },
  {
    description: 'total may change between polls (only the bounds are documented)',
    evidence: tasks([info('RUNNING', progress(100, 300)), info('RUNNING', progress(150, 400)), info('SUCCEEDED', progress(400, 400))]),
    expectedIssues: [],
  },
  // task-times-are-ordered
  {
    description: 'start_time equal to end_time is ordered',
    evidence: tasks([info('FAILED', { start_time: time(5), end_time: time(5) })]),
    expectedIssues: [],
  },
  {
    description: 'end_time before start_time',
    evidence: tasks([info('RUNNING'), info('SUCCEEDED', { end_time: time(0) })]),
    expectedIssues: ['task-times-are-ordered /polls/1/end_time'],
  },
  {
    description: 'start_time moves between polls',
    evidence: tasks([info('RUNNING'), info('SUCCEEDED', { start_time: time(2) })]),
    expectedIssues: ['task-times-are-ordered /polls/1/start_time'],
  },
  {
    description: 'the same instant written differently is not a change',
    evidence: tasks([info('RUNNING'), info('SUCCEEDED', { start_time: time(1).replace('.000Z', 'Z') })]),
    expectedIssues: [],
  },
  // task-result-matches-schema
  {
    description: 'a SUCCEEDED stage task with a StageResult',
    evidence: tasks([info('RUNNING', { result: stageResult({ done: false }) }), info('SUCCEEDED', { result: stageResult() })]),
    expectedIssues: [],
  },
  { description: 'a SUCCEEDED stage task without a result (result is optional)', evidence: tasks([info('SUCCEEDED')]), expectedIssues: [] },
  {
    description: 'a SUCCEEDED stage task whose host_info is a legacy key/value list',
    evidence: tasks([info('SUCCEEDED', { result: { ...stageResult(), host_info: [{ key: 'host-101', value: { name: 'esx-101' } }] } })]),
    expectedIssues: ['task-result-matches-schema /polls/0/result/host_info'],
  },
  {
    description: 'a SUCCEEDED stage task whose result lacks commit',
    evidence: tasks([info('SUCCEEDED', { result: { ...stageResult(), commit: undefined } })]),
    expectedIssues: ['task-result-matches-schema /polls/0/result'],
  },
  {
    description: 'a partial result before SUCCEEDED is not judged against the final type',
    evidence: tasks([info('RUNNING', { result: { hosts: 1 } }), info('SUCCEEDED')]),
    expectedIssues: [],
  },
  // task-error-is-vapi-shaped and task-error-only-when-failed
  { description: 'a FAILED task with a std error', evidence: tasks([info('FAILED')]), expectedIssues: [] },
  {
    description: 'a FAILED task without an error (optional even then)',
    evidence: tasks([info('FAILED', { error: undefined })]),
    expectedIssues: [],
  },
  {
    description: 'a FAILED task with a free-form error',
    evidence: tasks([info('FAILED', { error: { message: 'no' } })]),
    expectedIssues: ['task-error-is-vapi-shaped /polls/0/error'],
  },
  {
    description: 'a SUCCEEDED task with an error',
    evidence: tasks([info('SUCCEEDED', { error: { error_type: 'ERROR', messages: [] } })]),
    expectedIssues: ['task-error-only-when-failed /polls/0/error'],
  },
  {
    description: 'a RUNNING task with an error',
    evidence: tasks([info('RUNNING', { error: { error_type: 'ERROR', messages: [] } }), info('FAILED')]),
    expectedIssues: ['task-error-only-when-failed /polls/0/error'],
  },
  // task-finishes-within-budget and task-is-not-slow
  {
    description: 'a task that stops moving within the budget is stuck',
    evidence: tasks([info('RUNNING'), info('RUNNING')], 'stuck'),
    expectedIssues: ['task-finishes-within-budget /polls/1/status'],
  },
  {
    description: 'a task still moving when the budget ran out is slow',
    evidence: tasks([info('RUNNING', progress(10)), info('RUNNING', progress(20))], 'slow'),
    expectedIssues: ['task-is-not-slow /polls/1/status'],
  },
  {
    description: 'a task that reached a terminal status is neither',
    evidence: tasks([info('RUNNING'), info('SUCCEEDED')]),
    expectedIssues: [],
  },
  // task-result-omitted-when-excluded
  {
    description: 'tasks get with ?exclude_result=true and no result',
    evidence: taskGet(`/api/cis/tasks/${TASK_ID}?exclude_result=true`, info('SUCCEEDED')),
    expectedIssues: [],
  },
  {
    description: 'tasks get with ?exclude_result=true that still returns the result',
    evidence: taskGet(`/api/cis/tasks/${TASK_ID}?exclude_result=true`, info('SUCCEEDED', { result: stageResult() })),
    expectedIssues: ['task-result-omitted-when-excluded /result'],
  },
  {
    description: 'tasks get without exclude_result returns the result',
    evidence: taskGet(`/api/cis/tasks/${TASK_ID}`, info('SUCCEEDED', { result: stageResult() })),
    expectedIssues: [],
  },
  // no history: the lifecycle checks do not apply
  {
    description: 'evidence without a task history',
    evidence: {
      scenario: 'self-test',
      intent: { kind: 'valid' },
      exchange: exchange({ operation: 'tasks.get', body: info('RUNNING', { error: {} }) }),
    },
    expectedIssues: [],
  },
  { description: 'an empty poll history', evidence: { ...tasks([]), task: { ...history([]), outcome: 'stuck' } }, expectedIssues: [] },
];

test.describe('task lifecycle checks', () => {
  for (const c of cases) {
    test(c.description, () => {
      expect(issuesOf(c.evidence, TASK_CHECKS)).toEqual(c.expectedIssues);
    });
  }

  // vcenter-contract.md §5.1: "a field missing from a status that requires it is a failure, and a field present outside its statuses is a
  // warning".
  test('error on a task that is not FAILED is a warning, a required field missing is a failure', () => {
    const statusOf = (evidence: Evidence, name: string) => runChecks(evidence, TASK_CHECKS).find((r) => r.check.name === name)?.status;
    expect(statusOf(tasks([info('SUCCEEDED', { error: { error_type: 'ERROR', messages: [] } })]), 'task-error-only-when-failed')).toBe(
      'warning',
    );
    expect(statusOf(tasks([info('RUNNING', { progress: undefined }), info('SUCCEEDED')]), 'task-fields-match-status')).toBe('failed');
    expect(statusOf(tasks([info('RUNNING', { end_time: time(31) }), info('SUCCEEDED')]), 'task-fields-absent-outside-status')).toBe(
      'warning',
    );
  });

  test('every task check has a passing and a failing case', () => {
    const failing = new Set(cases.flatMap((c) => c.expectedIssues.map((i) => i.split(' ')[0])));
    for (const check of TASK_CHECKS) expect(failing.has(check.name), check.name).toBe(true);
    const passing = TASK_CHECKS.filter((check) =>
      cases.some((c) => applies(check, c.evidence) && !c.expectedIssues.some((i) => i.startsWith(`${check.name} `) || i === check.name)),
    );
    expect(passing.map((check) => check.name).sort()).toEqual(
      TASK_CHECKS.map((check) => check.name)
        .filter((n) => !['task-finishes-within-budget', 'task-is-not-slow'].includes(n))
        .sort(),
    );
  });
});
