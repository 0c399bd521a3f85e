import { test, expect } from '@playwright/test';
import { judged } from '../generic/testing';
import type { Evidence } from '../types';
import { HOSTS, info, issuesOf, poll, stageCall, stageEvidence, stageResult } from '../task/task-test-helpers';
import { commitUnsetEqualsLatest } from './commit-unset-equals-latest';
import { hostsUnsetEqualsAllHosts } from './hosts-unset-equals-all-hosts';
import { refusedStageRuns } from './refused-stage-runs';

/**
 * StageSpec "if missing or null or empty" (vcenter-contract.md §1, §4): a related run with
 * `commit: null` or `hosts: null` is the unset case, so it must stage like `{}`, and a target that
 * refuses it (a strict validator's 400) fails the equivalence checks.
 */
const CHECKS = [hostsUnsetEqualsAllHosts, commitUnsetEqualsLatest];
const FACTS = { allHosts: HOSTS, latestCommit: '3', commits: ['1', '2', '3'] };
const done = (result: unknown) => info('SUCCEEDED', { result });
const run = (spec: unknown, ...infos: unknown[]) => [stageCall(spec), ...infos.map((i) => poll(i))];
const invalidArgument = { error_type: 'INVALID_ARGUMENT', messages: [] };
const refusedRun = (spec: unknown) => [stageCall(spec, 400, invalidArgument)];
const withRelated = (related: Evidence['related']) => stageEvidence({ infos: [done(stageResult())], facts: FACTS, related });

const cases: { description: string; evidence: Evidence; expectedIssues: string[] }[] = [
  {
    description: '{} ≡ {commit: null} ≡ {hosts: null}: runs that stage the latest commit on every host pass',
    evidence: withRelated({
      'commit-null': run({ commit: null }, done(stageResult())),
      'hosts-null': run({ hosts: null }, done(stageResult())),
    }),
    expectedIssues: [],
  },
  {
    description: '{commit: null} refused with 400 fails commit-unset-equals-latest only',
    evidence: withRelated({ 'commit-null': refusedRun({ commit: null }) }),
    expectedIssues: ['commit-unset-equals-latest /related/commit-null/0/status'],
  },
  {
    description: '{hosts: null} refused with 400 fails hosts-unset-equals-all-hosts only',
    evidence: withRelated({ 'hosts-null': refusedRun({ hosts: null }) }),
    expectedIssues: ['hosts-unset-equals-all-hosts /related/hosts-null/0/status'],
  },
  {
    description: '{commit: ""}, {hosts: []} and the oldest commit refused fail too',
    evidence: withRelated({
      'commit-empty': refusedRun({ commit: '' }),
      'hosts-empty': refusedRun({ hosts: [] }),
      'commit-oldest': refusedRun({ commit: '1' }),
    }),
    expectedIssues: [
      'hosts-unset-equals-all-hosts /related/hosts-empty/0/status',
      'commit-unset-equals-latest /related/commit-empty/0/status',
      'commit-unset-equals-latest /related/commit-oldest/0/status',
    ],
  },
  {
    description: 'a refused run of a spec the rules do not cover (an unknown commit, a subset of hosts) is not judged here',
    evidence: withRelated({ unknown: refusedRun({ commit: '9' }), subset: refusedRun({ hosts: ['host-101'] }) }),
    expectedIssues: [],
  },
  {
    description: 'a 202 whose task id cannot be followed is no refusal',
    evidence: withRelated({ 'commit-null': [stageCall({ commit: null }, 202, { value: 'task-1' })] }),
    expectedIssues: [],
  },
  {
    description: 'a {commit: null} run that staged an older commit fails (null reads as unset)',
    evidence: withRelated({ 'commit-null': run({ commit: null }, done(stageResult({ commit: '2' }))) }),
    expectedIssues: ['commit-unset-equals-latest /related/commit-null/1/body/result/commit'],
  },
];

test.describe('stage optional fields: null ≡ unset, and refusing it fails', () => {
  for (const c of cases) {
    test(c.description, () => {
      expect(issuesOf(c.evidence, CHECKS)).toEqual(c.expectedIssues);
    });
  }

  test('the refusal reads as Received vs Documented, naming the spec as sent', () => {
    const [refusal] = judged(commitUnsetEqualsLatest, withRelated({ 'commit-null': refusedRun({ commit: null }) }));
    expect(refusal).toMatchObject({
      message: 'commit-null ({"commit":null}) was refused, but "missing or null or empty" means the latest commit',
      received: '400 INVALID_ARGUMENT',
      documented: '202 and a task that stages the latest commit "3"',
    });
    expect(refusedStageRuns(withRelated({ 'hosts-null': refusedRun({ hosts: null }) }))).toEqual([
      { name: 'hosts-null', sent: { hosts: null }, spec: {}, answer: '400 INVALID_ARGUMENT', pointer: '/related/hosts-null/0/status' },
    ]);
  });
});
