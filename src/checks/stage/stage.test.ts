import { test, expect } from '@playwright/test';
import { stageChecks } from '../index';
import { applies, judged } from '../generic/testing';
import type { Evidence } from '../types';
import { HOSTS, info, issuesOf, poll, stageCall, stageEvidence, stageResult } from '../task/task-test-helpers';
import { stageRefusalStatusIsObserved } from './stage-refusal-status-is-observed';
import { stageTaskRefusalIsAuthorizationError } from './stage-task-refusal-is-authorization-error';

const STAGE_CHECKS = stageChecks;

const CLUSTER = { allHosts: HOSTS };
const COMMITS = { latestCommit: '3', commits: ['1', '2', '3'] };
const done = (result: unknown) => info('SUCCEEDED', { result });
const running = (result: unknown) => info('RUNNING', { result });
const unprivileged = { kind: 'unprivileged', role: 'operator', privilege: 'VcIntegrity.lifecycleSoftwareRemediation.Write' } as const;
const refusedIn = (status: 'FAILED' | 'SUCCEEDED', errorType?: string) => [
  info('PENDING'),
  info(status, { error: errorType ? { error_type: errorType, messages: [] } : undefined }),
];
/** A related run: the stage call and its polls. */
const run = (spec: unknown, ...infos: unknown[]) => [stageCall(spec), ...infos.map((i) => poll(i))];

const cases: { description: string; evidence: Evidence; expectedIssues: string[] }[] = [
  // stage-answers-202-with-task-id
  { description: 'stage answers 202 with a bare JSON string', evidence: stageEvidence({}), expectedIssues: [] },
  {
    description: 'stage answers 200',
    evidence: stageEvidence({ call: stageCall({}, 200) }),
    expectedIssues: ['stage-answers-202-with-task-id'],
  },
  {
    description: 'stage wraps the task id as {"value": id}',
    evidence: stageEvidence({ call: stageCall({}, 202, { value: 'task-1' }) }),
    expectedIssues: ['stage-answers-202-with-task-id '],
  },
  {
    description: 'stage answers 202 with an empty string',
    evidence: stageEvidence({ call: stageCall({}, 202, '') }),
    expectedIssues: ['stage-answers-202-with-task-id '],
  },
  {
    description: 'a documented error is not judged as a stage that should succeed',
    evidence: stageEvidence({
      call: stageCall({}, 404, { error_type: 'NOT_FOUND', messages: [] }),
      intent: { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'no cluster' },
    }),
    expectedIssues: [],
  },
  // stage-result-host-sets-are-disjoint
  {
    description: 'each host in one set',
    evidence: stageEvidence({ infos: [done(stageResult({ successful: ['host-101'], failed: ['host-102'], skipped: ['host-103'] }))] }),
    expectedIssues: [],
  },
  {
    description: 'a host both successful and failed',
    evidence: stageEvidence({
      infos: [running(stageResult({ done: false, successful: [] })), done(stageResult({ successful: HOSTS, failed: ['host-101'] }))],
    }),
    expectedIssues: ['stage-result-host-sets-are-disjoint /polls/1/result/failed_hosts'],
  },
  {
    description: 'a host both failed and skipped',
    evidence: stageEvidence({ infos: [done(stageResult({ successful: [], failed: ['host-103'], skipped: ['host-103'] }))] }),
    expectedIssues: ['stage-result-host-sets-are-disjoint /polls/0/result/skipped_hosts'],
  },
  // stage-result-status-absent-while-running
  {
    description: 'no aggregated status while RUNNING, one when SUCCEEDED',
    evidence: stageEvidence({ infos: [running(stageResult({ done: false })), done(stageResult())] }),
    expectedIssues: [],
  },
  {
    description: 'no aggregated status even when SUCCEEDED (advisory, not judged)',
    evidence: stageEvidence({ infos: [done(stageResult({ done: false }))] }),
    expectedIssues: [],
  },
  {
    description: 'an aggregated status while RUNNING',
    evidence: stageEvidence({ infos: [running(stageResult()), done(stageResult())] }),
    expectedIssues: ['stage-result-status-absent-while-running /polls/0/result/status'],
  },
  // stage-result-hosts-belong-to-cluster
  {
    description: 'every host in the result is in the cluster',
    evidence: stageEvidence({ infos: [running(stageResult({ done: false })), done(stageResult())], facts: CLUSTER }),
    expectedIssues: [],
  },
  {
    description: 'a partial result names a host of another cluster',
    evidence: stageEvidence({
      infos: [running(stageResult({ done: false, failed: ['host-199'], successful: [] })), done(stageResult())],
      facts: CLUSTER,
    }),
    expectedIssues: ['stage-result-hosts-belong-to-cluster /polls/0/result/host_info'],
  },
  {
    description: 'host_info names a host of another cluster (so not all hosts either)',
    evidence: stageEvidence({ infos: [done(stageResult({ hosts: [...HOSTS, 'host-199'] }))], facts: CLUSTER }),
    expectedIssues: [
      'stage-result-hosts-belong-to-cluster /polls/0/result/host_info',
      'hosts-unset-equals-all-hosts /polls/0/result/host_info',
    ],
  },
  {
    description: 'a legacy key/value host_info is left to task-result-matches-schema',
    evidence: stageEvidence({
      infos: [done({ ...stageResult(), host_info: [{ key: 'host-101', value: { name: 'esx-101' } }], host_status: [] })],
      facts: { ...CLUSTER, ...COMMITS },
    }),
    expectedIssues: [],
  },
  // stage-result-hosts-are-requested
  {
    description: 'a subset of hosts stages only those',
    evidence: stageEvidence({ spec: { hosts: ['host-102'] }, infos: [done(stageResult({ hosts: ['host-102'] }))], facts: CLUSTER }),
    expectedIssues: [],
  },
  {
    description: 'a subset of hosts stages every host',
    evidence: stageEvidence({ spec: { hosts: ['host-102'] }, infos: [done(stageResult())], facts: CLUSTER }),
    expectedIssues: ['stage-result-hosts-are-requested /polls/0/result/host_info'],
  },
  // hosts-unset-equals-all-hosts
  {
    description: 'hosts unset stages every host',
    evidence: stageEvidence({ infos: [done(stageResult())], facts: CLUSTER }),
    expectedIssues: [],
  },
  {
    description: 'hosts unset stages two of three hosts',
    evidence: stageEvidence({ infos: [done(stageResult({ hosts: ['host-101', 'host-102'] }))], facts: CLUSTER }),
    expectedIssues: ['hosts-unset-equals-all-hosts /polls/0/result/host_info'],
  },
  {
    description: 'hosts [] stages no host',
    evidence: stageEvidence({ spec: { hosts: [] }, infos: [done(stageResult({ hosts: [] }))], facts: CLUSTER }),
    expectedIssues: ['hosts-unset-equals-all-hosts /polls/0/result/host_info'],
  },
  {
    description: 'hosts null reads as unset',
    evidence: stageEvidence({ spec: { hosts: null }, infos: [done(stageResult())], facts: CLUSTER }),
    expectedIssues: [],
  },
  {
    description: 'an unfinished task is not judged',
    evidence: stageEvidence({
      spec: { hosts: [] },
      infos: [running(stageResult({ done: false, hosts: ['host-101'] }))],
      outcome: 'slow',
      facts: CLUSTER,
    }),
    expectedIssues: [],
  },
  {
    description: '{} ≡ {hosts: []} ≡ {hosts: all}: three runs that agree',
    evidence: stageEvidence({
      infos: [done(stageResult())],
      facts: CLUSTER,
      related: {
        'hosts-empty': run({ hosts: [] }, done(stageResult())),
        'hosts-all': run({ hosts: HOSTS }, info('PENDING'), done(stageResult())),
      },
    }),
    expectedIssues: [],
  },
  {
    description: '{} ≡ {hosts: []}: the related [] run staged nothing',
    evidence: stageEvidence({
      infos: [done(stageResult())],
      facts: CLUSTER,
      related: { 'hosts-empty': run({ hosts: [] }, info('PENDING'), done(stageResult({ hosts: [] }))) },
    }),
    expectedIssues: ['hosts-unset-equals-all-hosts /related/hosts-empty/2/body/result/host_info'],
  },
  // commit-unset-equals-latest
  {
    description: 'commit unset uses the latest commit',
    evidence: stageEvidence({ infos: [done(stageResult())], facts: COMMITS }),
    expectedIssues: [],
  },
  {
    description: 'an older commit still yields the latest',
    evidence: stageEvidence({ spec: { commit: '1' }, infos: [done(stageResult())], facts: COMMITS }),
    expectedIssues: [],
  },
  {
    description: 'an older commit is used as is',
    evidence: stageEvidence({ spec: { commit: '1' }, infos: [done(stageResult({ commit: '1' }))], facts: COMMITS }),
    expectedIssues: ['commit-unset-equals-latest /polls/0/result/commit'],
  },
  {
    description: 'commit "" uses an older commit',
    evidence: stageEvidence({ spec: { commit: '' }, infos: [done(stageResult({ commit: '2' }))], facts: COMMITS }),
    expectedIssues: ['commit-unset-equals-latest /polls/0/result/commit'],
  },
  {
    description: 'a related run with commit unset that used an older commit',
    evidence: stageEvidence({
      spec: { commit: '3' },
      infos: [done(stageResult())],
      facts: COMMITS,
      related: { 'commit-unset': run({}, done(stageResult({ commit: '2' }))) },
    }),
    expectedIssues: ['commit-unset-equals-latest /related/commit-unset/1/body/result/commit'],
  },
  {
    description: "a commit outside the cluster's commits is not judged here",
    evidence: stageEvidence({ spec: { commit: '9' }, infos: [done(stageResult({ commit: '9' }))], facts: COMMITS }),
    expectedIssues: [],
  },
  // unprivileged-stage-is-refused and stage-refusal-status-is-observed
  {
    description: 'refused with 403 UNAUTHORIZED (undeclared status, accepted and recorded)',
    evidence: stageEvidence({ intent: unprivileged, call: stageCall({}, 403, { error_type: 'UNAUTHORIZED', messages: [] }) }),
    expectedIssues: ['stage-refusal-status-is-observed'],
  },
  {
    description: 'refused with a task that FAILS with UNAUTHORIZED',
    evidence: stageEvidence({ intent: unprivileged, infos: refusedIn('FAILED', 'UNAUTHORIZED') }),
    expectedIssues: ['stage-refusal-status-is-observed'],
  },
  {
    description: 'served: the task SUCCEEDED',
    evidence: stageEvidence({ intent: unprivileged, infos: refusedIn('SUCCEEDED') }),
    expectedIssues: ['unprivileged-stage-is-refused', 'stage-refusal-status-is-observed'],
  },
  {
    description: 'the task FAILED, but not with an authorization error (the task error is free-form: a warning only)',
    evidence: stageEvidence({ intent: unprivileged, infos: refusedIn('FAILED', 'ERROR') }),
    expectedIssues: ['stage-task-refusal-is-authorization-error', 'stage-refusal-status-is-observed'],
  },
  {
    description: 'the task FAILED with a free-form error',
    evidence: stageEvidence({ intent: unprivileged, infos: [info('FAILED', { error: { reason: 'denied' } })] }),
    expectedIssues: ['stage-task-refusal-is-authorization-error', 'stage-refusal-status-is-observed'],
  },
  {
    description: 'refused on the call with 400 INVALID_ARGUMENT instead of an authorization error fails',
    evidence: stageEvidence({ intent: unprivileged, call: stageCall({}, 400, { error_type: 'INVALID_ARGUMENT', messages: [] }) }),
    expectedIssues: ['stage-refusal-is-authorization-error', 'stage-refusal-status-is-observed'],
  },
  {
    description: 'refused on the call with 404 NOT_FOUND, as if the cluster did not exist, fails',
    evidence: stageEvidence({ intent: unprivileged, call: stageCall({}, 404, { error_type: 'NOT_FOUND', messages: [] }) }),
    expectedIssues: ['stage-refusal-is-authorization-error', 'stage-refusal-status-is-observed'],
  },
  {
    description:
      "refused on the call with UNAUTHORIZED under another status: the error type is right (the status is error-type-matches-status's)",
    evidence: stageEvidence({ intent: unprivileged, call: stageCall({}, 400, { error_type: 'UNAUTHORIZED', messages: [] }) }),
    expectedIssues: ['stage-refusal-status-is-observed'],
  },
  {
    description: 'a 200 (wrong success status) whose task FAILS with UNAUTHORIZED is still a refusal',
    evidence: stageEvidence({ intent: unprivileged, call: stageCall({}, 200), infos: refusedIn('FAILED', 'UNAUTHORIZED') }),
    expectedIssues: ['stage-refusal-status-is-observed'],
  },
  {
    description: 'a task that did not finish is recorded, not judged',
    evidence: stageEvidence({ intent: unprivileged, infos: [info('PENDING')], outcome: 'stuck' }),
    expectedIssues: ['stage-refusal-status-is-observed'],
  },
];

test.describe('stage checks', () => {
  for (const c of cases) {
    test(c.description, () => {
      expect(issuesOf(c.evidence, STAGE_CHECKS)).toEqual(c.expectedIssues);
    });
  }

  test('every stage check has a failing case and a case where it applies and passes', () => {
    const failing = new Set(cases.flatMap((c) => c.expectedIssues.map((i) => i.split(' ')[0])));
    const passing = new Set(
      STAGE_CHECKS.filter((check) =>
        cases.some((c) => applies(check, c.evidence) && !c.expectedIssues.some((i) => i.split(' ')[0] === check.name)),
      ).map((check) => check.name),
    );
    for (const check of STAGE_CHECKS) {
      expect(failing.has(check.name), `${check.name} fails somewhere`).toBe(true);
      // The observation always records; the task-refusal warning applies only to refusals it reports (its silent case: FAILED with
      // UNAUTHORIZED above).
      if (check.severity !== 'observation' && check !== stageTaskRefusalIsAuthorizationError)
        expect(passing.has(check.name), `${check.name} passes somewhere`).toBe(true);
    }
  });

  test('the refusal observation says how the stage was refused', () => {
    const observed = (e: Evidence) => judged(stageRefusalStatusIsObserved, e)[0]?.received;
    expect(observed(stageEvidence({ intent: unprivileged, call: stageCall({}, 403, { error_type: 'UNAUTHORIZED', messages: [] }) }))).toBe(
      '403 UNAUTHORIZED (status undeclared for stage)',
    );
    expect(observed(stageEvidence({ intent: unprivileged, infos: refusedIn('FAILED', 'UNAUTHORIZED') }))).toBe(
      '202, task FAILED with UNAUTHORIZED',
    );
    expect(observed(stageEvidence({ intent: unprivileged, infos: refusedIn('SUCCEEDED') }))).toBe('202, task SUCCEEDED');
    expect(observed(stageEvidence({ intent: unprivileged, infos: [info('FAILED', { error: undefined })] }))).toBe(
      '202, task FAILED with no error',
    );
  });
});
