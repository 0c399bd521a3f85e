import { test, expect } from '@playwright/test';
import type { Check, Evidence, Issue } from '../types';
import { evidence, exchange, vapiError, applies, judged } from '../generic/testing';
import { probeAnswerIsObserved } from './probe-answer-is-observed';
import { probeIsRefused } from './probe-is-refused';

interface Case {
  description: string;
  check: Check;
  evidence: Evidence;
  expectedIssues: Partial<Record<keyof Issue, unknown>>[];
  applies?: boolean;
}

const STAGE = '/api/esx/settings/clusters/domain-c10/software';
const plainStage = { kind: 'probe', question: 'POST …/software?action=stage without vmw-task' } as const;
const probe = (x: Parameters<typeof exchange>[0]) =>
  evidence(exchange({ method: 'POST', url: `${STAGE}?action=stage`, requestBody: '{}', ...x }), plainStage);

const cases: Case[] = [
  // probe-is-refused (warning)
  {
    description: '404 NOT_FOUND with a vAPI error body',
    check: probeIsRefused,
    evidence: probe({ status: 404, body: vapiError('NOT_FOUND') }),
    expectedIssues: [],
  },
  {
    description: '400 whose body has error_type null: the 9.1 schema requires it, as body-matches-schema does',
    check: probeIsRefused,
    evidence: probe({ status: 400, body: { error_type: null, messages: [] } }),
    expectedIssues: [{ documented: expect.stringContaining('Vapi.Std.Errors.Error') }],
  },
  {
    description: '500 with an error body is still a refusal',
    check: probeIsRefused,
    evidence: probe({ status: 500, body: vapiError('ERROR') }),
    expectedIssues: [],
  },
  {
    description: 'accepted with 202 and a task id',
    check: probeIsRefused,
    evidence: probe({ status: 202, body: 'task-1:com.vmware.esx.settings.clusters.software' }),
    expectedIssues: [{ severity: 'warning', message: expect.stringContaining('accepted'), received: expect.stringMatching(/^202 /) }],
  },
  {
    description: 'accepted with 200 and no body',
    check: probeIsRefused,
    evidence: probe({ status: 200 }),
    expectedIssues: [{ received: '200 (nothing)' }],
  },
  {
    description: 'refused 404 with a plain-text page (Go\'s "404 page not found")',
    check: probeIsRefused,
    evidence: probe({ status: 404, text: '404 page not found', headers: { 'content-type': 'text/plain' } }),
    expectedIssues: [{ message: expect.stringContaining('no vAPI error body'), received: '404 "404 page not found"' }],
  },
  {
    description: 'refused 400 without a body',
    check: probeIsRefused,
    evidence: probe({ status: 400 }),
    expectedIssues: [{ received: '400 (no body)' }],
  },
  {
    description: 'a valid call is not a probe',
    check: probeIsRefused,
    evidence: evidence(exchange({ operation: 'software.stage', status: 202, body: 't' })),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'vmw-task=false matches no path key: a routing probe',
    check: probeIsRefused,
    evidence: evidence(
      exchange({
        method: 'POST',
        url: `${STAGE}?action=stage&vmw-task=false`,
        requestBody: '{}',
        status: 404,
        body: vapiError('NOT_FOUND'),
      }),
      plainStage,
    ),
    expectedIssues: [],
  },
  {
    description: 'a stage task without its required body: a routing probe',
    check: probeIsRefused,
    evidence: evidence(
      exchange({ operation: 'software.stage', method: 'POST', url: `${STAGE}?action=stage&vmw-task=true`, status: 202, body: 't' }),
      plainStage,
    ),
    expectedIssues: [{ message: expect.stringContaining('accepted') }],
  },
  {
    description: 'a stage task with its body is a defined request, so another kind of probe',
    check: probeIsRefused,
    evidence: evidence(
      exchange({
        operation: 'software.stage',
        method: 'POST',
        url: `${STAGE}?action=stage&vmw-task=true`,
        requestBody: '{}',
        status: 202,
        body: 't',
      }),
      plainStage,
    ),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'a probe of an unknown cluster in a valid upgradeMultiple is not a routing probe (200 REJECTED is plausible)',
    check: probeIsRefused,
    evidence: evidence(
      exchange({
        operation: 'clusters.upgradeMultiple',
        method: 'POST',
        url: '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple',
        requestBody: '{"domain-c999":{"desired_version":"v1"}}',
        status: 200,
        body: { 'domain-c999': { res: 'REJECTED' } },
      }),
      { kind: 'probe', question: 'unknown cluster?' },
    ),
    expectedIssues: [],
    applies: false,
  },
  // probe-answer-is-observed (observation: it records every probe answer, never fails a run)
  {
    description: 'records 404 NOT_FOUND',
    check: probeAnswerIsObserved,
    evidence: probe({ status: 404, body: vapiError('NOT_FOUND') }),
    expectedIssues: [
      {
        severity: 'observation',
        received: '404 NOT_FOUND',
        documented: expect.stringContaining('§8'),
        message: expect.stringContaining('without vmw-task: answered 404 NOT_FOUND'),
      },
    ],
  },
  {
    description: 'records 400 INVALID_ARGUMENT',
    check: probeAnswerIsObserved,
    evidence: probe({ status: 400, body: vapiError('INVALID_ARGUMENT') }),
    expectedIssues: [{ received: '400 INVALID_ARGUMENT' }],
  },
  {
    description: 'records an answer without error_type',
    check: probeAnswerIsObserved,
    evidence: probe({ status: 200, body: {} }),
    expectedIssues: [{ received: '200 (no error_type)' }],
  },
  {
    description: 'records an answer without a body',
    check: probeAnswerIsObserved,
    evidence: probe({ status: 204 }),
    expectedIssues: [{ received: '204 (no body)' }],
  },
  {
    description: 'records nothing for a call the documentation defines',
    check: probeAnswerIsObserved,
    evidence: evidence(exchange({ operation: 'software.stage', status: 400, body: vapiError('INVALID_ARGUMENT') })),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'records nothing for another kind of probe (a defined request with a questionable value)',
    check: probeAnswerIsObserved,
    evidence: evidence(
      exchange({
        operation: 'clusters.upgradeMultiple',
        method: 'POST',
        url: '/api/vcenter/namespace-management/software/clusters?action=upgradeMultiple',
        requestBody: '{}',
        status: 200,
        body: {},
      }),
      { kind: 'probe', question: 'empty batch?' },
    ),
    expectedIssues: [],
    applies: false,
  },
];

test.describe('routing probe checks', () => {
  for (const c of cases) {
    test(`${c.check.name}: ${c.description}`, () => {
      expect(applies(c.check, c.evidence), 'applies').toBe(c.applies ?? true);
      const issues = applies(c.check, c.evidence) ? judged(c.check, c.evidence) : [];
      expect(issues).toEqual(c.expectedIssues.map((i) => expect.objectContaining({ check: c.check.name, ...i })));
    });
  }
});
