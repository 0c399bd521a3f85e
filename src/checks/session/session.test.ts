import { test, expect } from '@playwright/test';
import type { Evidence, Issue } from '../types';
import { evidence, exchange, vapiError, applies, judged } from '../generic/testing';
import { sessionIdIsJsonString } from './session-id-is-json-string';
import { sessionTimesAreOrdered } from './session-times-are-ordered';

interface Case {
  description: string;
  check: typeof sessionIdIsJsonString;
  evidence: Evidence;
  expectedIssues: Partial<Record<keyof Issue, unknown>>[];
  applies?: boolean;
}

const info = (created: string, accessed: string) =>
  exchange({
    operation: 'session.get',
    status: 200,
    body: { user: 'administrator@vsphere.local', created_time: created, last_accessed_time: accessed },
  });
const T0 = '2026-01-01T10:00:00.000Z';
const T1 = '2026-01-01T10:00:01.000Z';
const T2 = '2026-01-01T10:00:02.000Z';

const cases: Case[] = [
  // session-id-is-json-string
  {
    description: '201 with a bare JSON string',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 201, body: 'b7c4a0d2e1f34c5d9e8f7a6b5c4d3e2f' })),
    expectedIssues: [],
  },
  {
    description: '201 wrapped as {"value": …} (legacy /rest)',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 201, body: { value: 'b7c4a0d2e1f34c5d9e8f7a6b5c4d3e2f' } })),
    expectedIssues: [{ severity: 'failure', received: 'a JSON object with the keys value' }],
  },
  {
    description: '200 with the id as plain text, not JSON',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 200, text: 'b7c4a0d2', headers: { 'content-type': 'text/plain' } })),
    expectedIssues: [{ received: '8 characters that are not JSON' }],
  },
  {
    description: '201 with an empty body',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 201 })),
    expectedIssues: [{ received: '(empty body)' }],
  },
  {
    description: '201 with the id as a JSON number',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 201, body: 42 })),
    expectedIssues: [{ received: 'a JSON number' }],
  },
  {
    description: '201 with an empty JSON string',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 201, body: '' })),
    expectedIssues: [{ received: 'an empty JSON string ""' }],
  },
  {
    description: 'a refused login (401) has no session id to judge',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'session.create', status: 401, body: vapiError('UNAUTHENTICATED') }), {
      kind: 'unauthenticated',
      credential: 'wrong-password',
    }),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'other operations are not judged',
    check: sessionIdIsJsonString,
    evidence: evidence(exchange({ operation: 'software.stage', status: 202, body: { value: 't' } })),
    expectedIssues: [],
    applies: false,
  },
  // session-times-are-ordered
  { description: 'created before last accessed', check: sessionTimesAreOrdered, evidence: evidence(info(T0, T1)), expectedIssues: [] },
  {
    description: 'created and last accessed at the same instant',
    check: sessionTimesAreOrdered,
    evidence: evidence(info(T0, T0)),
    expectedIssues: [],
  },
  {
    description: 'last accessed before it was created',
    check: sessionTimesAreOrdered,
    evidence: evidence(info(T1, T0)),
    expectedIssues: [{ severity: 'failure', pointer: '/last_accessed_time', documented: 'created_time ≤ last_accessed_time' }],
  },
  {
    description: 'last_accessed_time moves forward over three gets',
    check: sessionTimesAreOrdered,
    evidence: evidence(info(T0, T2), { kind: 'valid' }, { related: { earlier: [info(T0, T0), info(T0, T1)] } }),
    expectedIssues: [],
  },
  {
    description: 'last_accessed_time goes back between two gets',
    check: sessionTimesAreOrdered,
    evidence: evidence(info(T0, T1), { kind: 'valid' }, { related: { earlier: [info(T0, T0), info(T0, T2)] } }),
    expectedIssues: [{ message: expect.stringContaining('between get 2 and get 3'), received: `${T2} then ${T1}` }],
  },
  {
    description: 'both rules broken at once',
    check: sessionTimesAreOrdered,
    evidence: evidence(info(T2, T0), { kind: 'valid' }, { related: { earlier: [info(T2, T1)] } }),
    expectedIssues: [
      { pointer: '/last_accessed_time', documented: 'created_time ≤ last_accessed_time' },
      { documented: 'last_accessed_time never decreases' },
    ],
  },
  {
    description: 'earlier answers that were not 200 are left out',
    check: sessionTimesAreOrdered,
    evidence: evidence(
      info(T0, T1),
      { kind: 'valid' },
      { related: { earlier: [exchange({ operation: 'session.get', status: 401, body: vapiError('UNAUTHENTICATED') })] } },
    ),
    expectedIssues: [],
  },
  {
    description: 'unparseable times are left to body-matches-schema',
    check: sessionTimesAreOrdered,
    evidence: evidence(info('yesterday', T0)),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'a 401 get has no times',
    check: sessionTimesAreOrdered,
    evidence: evidence(exchange({ operation: 'session.get', status: 401, body: vapiError('UNAUTHENTICATED') })),
    expectedIssues: [],
    applies: false,
  },
];

test.describe('session checks', () => {
  for (const c of cases) {
    test(`${c.check.name}: ${c.description}`, () => {
      expect(applies(c.check, c.evidence), 'applies').toBe(c.applies ?? true);
      const issues = applies(c.check, c.evidence) ? judged(c.check, c.evidence) : [];
      expect(issues).toEqual(c.expectedIssues.map((i) => expect.objectContaining({ check: c.check.name, ...i })));
    });
  }
});
