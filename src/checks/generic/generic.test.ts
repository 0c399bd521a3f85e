import { test, expect } from '@playwright/test';
import { checkNamed } from '../index';
import { runChecks } from '../run-checks';
import type { Evidence, Issue } from '../types';
import { evidence, exchange, vapiError, applies } from './testing';

/**
 * One case per behaviour: the evidence, the check under test, and the issues it must report
 * (empty = the rule holds). `applies: false` cases assert the check leaves the evidence alone.
 */
interface Case {
  description: string;
  check: string;
  evidence: Evidence;
  expectedIssues: Partial<Record<keyof Issue, unknown>>[];
  applies?: boolean;
}

const UA = vapiError('UNAUTHENTICATED', { challenge: 'Basic realm="vCenter"' });
const SESSION_INFO = {
  user: 'administrator@vsphere.local',
  created_time: '2026-01-01T00:00:00.000Z',
  last_accessed_time: '2026-01-01T00:00:05.000Z',
};
const unauthenticated = { kind: 'unauthenticated', credential: 'none' } as const;
const readOnly = { kind: 'unprivileged', role: 'read-only', privilege: 'Namespaces.Upgrade' } as const;
const invalid = { kind: 'invalid-input', mutation: 'wrong-type at /desired_version', mustRefuse: true } as const;
const lenient = { kind: 'invalid-input', mutation: 'duplicate-item at /filter_spec/operations/1', mustRefuse: false } as const;
const notFound = { kind: 'documented-error', status: 404, errorType: 'NOT_FOUND', when: 'no such cluster' } as const;

const member = { listedMember: { param: 'datacenter', id: 'datacenter-1', collection: 'vcenter.datacenter.list' } };
const memberRead = (status: number, body?: unknown, facts: Evidence['facts'] = member): Evidence => ({
  ...evidence(exchange({ operation: 'vcenter.datacenter.get', status, body })),
  facts,
});

const cases: Case[] = [
  // listed-member-is-found
  {
    description: 'a datacenter the list named is read: 200',
    check: 'listed-member-is-found',
    evidence: memberRead(200, { name: 'dc' }),
    expectedIssues: [],
  },
  {
    description: 'a datacenter the list named answers 404 NOT_FOUND',
    check: 'listed-member-is-found',
    evidence: memberRead(404, vapiError('NOT_FOUND')),
    expectedIssues: [
      {
        severity: 'failure',
        message: 'vcenter.datacenter.list lists datacenter datacenter-1, but reading it answered 404 NOT_FOUND',
        received: '404 NOT_FOUND',
      },
    ],
  },
  {
    description: 'another documented error of a listed datacenter (a 500) is for the other checks',
    check: 'listed-member-is-found',
    evidence: memberRead(500, vapiError('ERROR')),
    expectedIssues: [],
  },
  {
    description: 'a read whose id no collection listed is not judged',
    check: 'listed-member-is-found',
    evidence: memberRead(404, vapiError('NOT_FOUND'), {}),
    expectedIssues: [],
    applies: false,
  },
  // status-is-documented
  {
    description: 'a valid list answered 200',
    check: 'status-is-documented',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 200, body: [] })),
    expectedIssues: [],
  },
  {
    description: 'a login answered 200 (legacy /rest) instead of 201',
    check: 'status-is-documented',
    evidence: evidence(exchange({ operation: 'session.create', status: 200, body: 'id' })),
    expectedIssues: [{ severity: 'failure', received: '200', documented: '201, 401, 503' }],
  },
  {
    description: 'a session get answered 500, which it does not declare',
    check: 'status-is-documented',
    evidence: evidence(exchange({ operation: 'session.get', status: 500, body: vapiError('ERROR') }), unauthenticated),
    expectedIssues: [{ received: '500' }],
  },
  {
    description: 'a 401 without a session, where the operation entry leaves 401 out, is judged by unauthenticated-is-401 alone',
    check: 'status-is-documented',
    evidence: evidence(
      exchange({ operation: 'esx.settings.clusters.software.recommendations.get', status: 401, body: UA }),
      unauthenticated,
    ),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'a 500 without a session, where the operation entry leaves 401 out, is still judged by unauthenticated-is-401',
    check: 'unauthenticated-is-401',
    evidence: evidence(
      exchange({ operation: 'esx.settings.clusters.software.recommendations.get', status: 500, body: vapiError('ERROR') }),
      unauthenticated,
    ),
    expectedIssues: [{ received: '500 ERROR' }],
  },
  {
    description: 'invalid input is judged by its own check',
    check: 'status-is-documented',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 422, body: vapiError('INVALID_ARGUMENT') }), invalid),
    expectedIssues: [],
    applies: false,
  },
  // body-matches-schema
  {
    description: 'a session Info with its three fields',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'session.get', status: 200, body: SESSION_INFO })),
    expectedIssues: [],
  },
  {
    description: 'a 401 with an Unauthenticated body',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA }), unauthenticated),
    expectedIssues: [],
  },
  {
    description: 'a 401 without a body',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401 }), unauthenticated),
    expectedIssues: [{ received: '(empty body)', documented: 'Vapi.Std.Errors.Unauthenticated' }],
  },
  {
    description: 'a session id wrapped as {"value": …}',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'session.create', status: 201, body: { value: 'id' } })),
    expectedIssues: [{ message: expect.stringContaining('Cis.Session.Id'), pointer: '' }],
  },
  {
    description: 'a session Info without last_accessed_time',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'session.get', status: 200, body: { user: 'u', created_time: SESSION_INFO.created_time } })),
    expectedIssues: [{ documented: expect.stringContaining('required') }],
  },
  {
    description: 'a 204 logout that sends a body',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ operation: 'session.delete', status: 204, body: {} })),
    expectedIssues: [{ documented: 'no body' }],
  },
  {
    description: 'a probe outside the catalogue is not judged by schema',
    check: 'body-matches-schema',
    evidence: evidence(exchange({ status: 404, text: 'nope' }), { kind: 'probe', question: 'q' }),
    expectedIssues: [],
    applies: false,
  },
  // error-type-matches-status
  {
    description: 'stage 400 INVALID_ARGUMENT, a declared pair',
    check: 'error-type-matches-status',
    evidence: evidence(exchange({ operation: 'software.stage', status: 400, body: vapiError('INVALID_ARGUMENT') })),
    expectedIssues: [],
  },
  {
    description: 'stage 404 ERROR, where NOT_FOUND is declared',
    check: 'error-type-matches-status',
    evidence: evidence(exchange({ operation: 'software.stage', status: 404, body: vapiError('ERROR') })),
    expectedIssues: [{ received: 'ERROR', documented: 'NOT_FOUND', pointer: '/error_type' }],
  },
  {
    description: 'upgradeMultiple 400 INVALID_ARGUMENT: undeclared status, but the /api table agrees',
    check: 'error-type-matches-status',
    evidence: evidence(exchange({ operation: 'clusters.upgradeMultiple', status: 400, body: vapiError('INVALID_ARGUMENT') })),
    expectedIssues: [],
  },
  {
    description: 'upgradeMultiple 400 UNAUTHORIZED (vcsim style): the table says 403',
    check: 'error-type-matches-status',
    evidence: evidence(exchange({ operation: 'clusters.upgradeMultiple', status: 400, body: vapiError('UNAUTHORIZED') })),
    expectedIssues: [{ received: '400 UNAUTHORIZED', documented: 'UNAUTHORIZED → 403' }],
  },
  // content-type-is-json
  {
    description: 'a JSON body sent as application/json',
    check: 'content-type-is-json',
    evidence: evidence(
      exchange({
        operation: 'session.get',
        status: 200,
        body: SESSION_INFO,
        headers: { 'content-type': 'application/json;charset=utf-8' },
      }),
    ),
    expectedIssues: [],
  },
  {
    description: 'an error sent as text/plain',
    check: 'content-type-is-json',
    evidence: evidence(
      exchange({ operation: 'session.get', status: 401, body: UA, headers: { 'content-type': 'text/plain; charset=utf-8' } }),
    ),
    expectedIssues: [{ received: 'text/plain; charset=utf-8', documented: 'application/json' }],
  },
  {
    description: 'a body without any content type',
    check: 'content-type-is-json',
    evidence: evidence(exchange({ operation: 'session.get', status: 401, body: UA, headers: {} })),
    expectedIssues: [{ received: '(no content-type)' }],
  },
  {
    description: 'a 204 without a body has no content type to judge',
    check: 'content-type-is-json',
    evidence: evidence(exchange({ operation: 'session.delete', status: 204 })),
    expectedIssues: [],
    applies: false,
  },
  // invalid-input-is-rejected-with-4xx
  {
    description: 'invalid input refused with 400 INVALID_ARGUMENT',
    check: 'invalid-input-is-rejected-with-4xx',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 400, body: vapiError('INVALID_ARGUMENT') }), invalid),
    expectedIssues: [],
  },
  {
    description: 'invalid input answered 500 ERROR',
    check: 'invalid-input-is-rejected-with-4xx',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 500, body: vapiError('ERROR') }), invalid),
    expectedIssues: [{ received: '500 ERROR' }],
  },
  {
    description: 'invalid input accepted with 204',
    check: 'invalid-input-is-rejected-with-4xx',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 204 }), invalid),
    expectedIssues: [{ received: '204' }],
  },
  {
    description: 'invalid input refused 400 without a vAPI body',
    check: 'invalid-input-is-rejected-with-4xx',
    evidence: evidence(
      exchange({ operation: 'clusters.upgrade', status: 400, text: 'Bad Request', headers: { 'content-type': 'text/plain' } }),
      invalid,
    ),
    expectedIssues: [{ received: '400' }],
  },
  // Set semantics: a duplicate in a uniqueItems array is not promised a refusal (the runtime binds it to a set).
  {
    description: 'a duplicate set item accepted with 200 is not judged by the refusal check',
    check: 'invalid-input-is-rejected-with-4xx',
    evidence: evidence(exchange({ operation: 'tasks.list', status: 200, body: {} }), lenient),
    expectedIssues: [],
    applies: false,
  },
  {
    description: 'a duplicate set item accepted with 200 is observed',
    check: 'lenient-input-answer-is-observed',
    evidence: evidence(exchange({ operation: 'tasks.list', status: 200, body: {} }), lenient),
    expectedIssues: [{ received: '200' }],
  },
  {
    description: 'a duplicate set item refused with 400 is observed too',
    check: 'lenient-input-answer-is-observed',
    evidence: evidence(exchange({ operation: 'tasks.list', status: 400, body: vapiError('INVALID_ARGUMENT') }), lenient),
    expectedIssues: [{ received: '400 INVALID_ARGUMENT' }],
  },
  {
    description: 'input the runtime must refuse is not an observation',
    check: 'lenient-input-answer-is-observed',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 400, body: vapiError('INVALID_ARGUMENT') }), invalid),
    expectedIssues: [],
    applies: false,
  },
  // documented-error-is-returned
  {
    description: 'an unknown cluster answered 404 NOT_FOUND',
    check: 'documented-error-is-returned',
    evidence: evidence(exchange({ operation: 'clusters.get', status: 404, body: vapiError('NOT_FOUND') }), notFound),
    expectedIssues: [],
  },
  {
    description: 'an unknown cluster answered 404 ERROR',
    check: 'documented-error-is-returned',
    evidence: evidence(exchange({ operation: 'clusters.get', status: 404, body: vapiError('ERROR') }), notFound),
    expectedIssues: [{ received: '404 ERROR', documented: '404 NOT_FOUND' }],
  },
  {
    description: 'an unknown cluster answered 500 without a body',
    check: 'documented-error-is-returned',
    evidence: evidence(exchange({ operation: 'clusters.get', status: 500 }), notFound),
    expectedIssues: [{ received: '500 (no error_type)' }],
  },
  // unset-fields-are-omitted-not-null (observation)
  {
    description: 'unset optional fields omitted',
    check: 'unset-fields-are-omitted-not-null',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 200, body: [{ cluster: 'domain-c1' }] })),
    expectedIssues: [],
  },
  {
    description: 'an unset optional field sent as null',
    check: 'unset-fields-are-omitted-not-null',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 200, body: [{ cluster: 'domain-c1', desired_version: null }] })),
    expectedIssues: [{ severity: 'observation', received: 'null', pointer: '/0/desired_version' }],
  },
  // unauthenticated-is-401
  {
    description: 'no session: 401 UNAUTHENTICATED',
    check: 'unauthenticated-is-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA }), unauthenticated),
    expectedIssues: [],
  },
  {
    description: 'no session: 401 without a body (vcsim style)',
    check: 'unauthenticated-is-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401 }), unauthenticated),
    expectedIssues: [{ received: '401 (no body)', message: expect.stringContaining('none credential') }],
  },
  {
    description: 'a deleted session: 403 UNAUTHORIZED',
    check: 'unauthenticated-is-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 403, body: vapiError('UNAUTHORIZED') }), {
      kind: 'unauthenticated',
      credential: 'deleted',
    }),
    expectedIssues: [{ received: '403 UNAUTHORIZED' }],
  },
  {
    description: 'a deleted session still accepted with 200',
    check: 'unauthenticated-is-401',
    evidence: evidence(exchange({ operation: 'session.get', status: 200, body: SESSION_INFO }), {
      kind: 'unauthenticated',
      credential: 'deleted',
    }),
    expectedIssues: [{ received: expect.stringMatching(/^200 /) }],
  },
  {
    description: 'a valid call is not judged as unauthenticated',
    check: 'unauthenticated-is-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 200, body: [] })),
    expectedIssues: [],
    applies: false,
  },
  // unauthenticated-carries-challenge (warning)
  {
    description: 'a 401 body with a challenge',
    check: 'unauthenticated-carries-challenge',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA }), unauthenticated),
    expectedIssues: [],
  },
  {
    description: 'a 401 body without a challenge',
    check: 'unauthenticated-carries-challenge',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: vapiError('UNAUTHENTICATED') }), unauthenticated),
    expectedIssues: [{ severity: 'warning', pointer: '/challenge' }],
  },
  {
    description: 'a 401 without a body has no challenge to judge',
    check: 'unauthenticated-carries-challenge',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401 }), unauthenticated),
    expectedIssues: [],
    applies: false,
  },
  // authenticated-is-not-401
  {
    description: 'an authenticated call answered 200',
    check: 'authenticated-is-not-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 200, body: [] })),
    expectedIssues: [],
  },
  {
    description: 'an authenticated call answered 401',
    check: 'authenticated-is-not-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA })),
    expectedIssues: [{ received: '401' }],
  },
  {
    description: 'a documented 404 answered 401',
    check: 'authenticated-is-not-401',
    evidence: evidence(exchange({ operation: 'tasks.get', status: 401, body: UA }), notFound),
    expectedIssues: [{ received: '401' }],
  },
  {
    description: 'an unauthenticated call is not judged by it',
    check: 'authenticated-is-not-401',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA }), unauthenticated),
    expectedIssues: [],
    applies: false,
  },
  // unprivileged-is-403-unauthorized
  {
    description: 'read-only upgradeMultiple refused 403 UNAUTHORIZED',
    check: 'unprivileged-is-403-unauthorized',
    evidence: evidence(exchange({ operation: 'clusters.upgradeMultiple', status: 403, body: vapiError('UNAUTHORIZED') }), readOnly),
    expectedIssues: [],
  },
  {
    description: 'read-only upgradeMultiple refused 400 UNAUTHORIZED',
    check: 'unprivileged-is-403-unauthorized',
    evidence: evidence(exchange({ operation: 'clusters.upgradeMultiple', status: 400, body: vapiError('UNAUTHORIZED') }), readOnly),
    expectedIssues: [{ received: '400 UNAUTHORIZED', documented: '403 UNAUTHORIZED' }],
  },
  {
    description: 'read-only upgrade refused 401',
    check: 'unprivileged-is-403-unauthorized',
    evidence: evidence(exchange({ operation: 'clusters.upgrade', status: 401, body: UA }), readOnly),
    expectedIssues: [{ received: '401 UNAUTHENTICATED' }],
  },
  {
    description: 'read-only upgradeMultiple executed (200)',
    check: 'unprivileged-is-403-unauthorized',
    evidence: evidence(exchange({ operation: 'clusters.upgradeMultiple', status: 200, body: {} }), readOnly),
    expectedIssues: [{ received: '200' }],
  },
  {
    description: 'stage declares no 403, so it is not judged here',
    check: 'unprivileged-is-403-unauthorized',
    evidence: evidence(exchange({ operation: 'software.stage', status: 202, body: 't' }), readOnly),
    expectedIssues: [],
    applies: false,
  },
  // auth-errors-carry-no-data
  {
    description: 'a 401 without data',
    check: 'auth-errors-carry-no-data',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 401, body: UA }), unauthenticated),
    expectedIssues: [],
  },
  {
    description: 'a 403 with data null',
    check: 'auth-errors-carry-no-data',
    evidence: evidence(exchange({ operation: 'clusters.list', status: 403, body: vapiError('UNAUTHORIZED', { data: null }) }), readOnly),
    expectedIssues: [],
  },
  {
    description: 'a 403 that names the missing privilege in data',
    check: 'auth-errors-carry-no-data',
    evidence: evidence(
      exchange({ operation: 'clusters.list', status: 403, body: vapiError('UNAUTHORIZED', { data: { privilege: 'System.Read' } }) }),
      readOnly,
    ),
    expectedIssues: [{ pointer: '/data', documented: 'data missing or null' }],
  },
  {
    description: 'other errors may carry data',
    check: 'auth-errors-carry-no-data',
    evidence: evidence(exchange({ operation: 'software.stage', status: 400, body: vapiError('INVALID_ARGUMENT', { data: { x: 1 } }) })),
    expectedIssues: [],
    applies: false,
  },
];

test.describe('generic and auth checks', () => {
  for (const c of cases) {
    test(`${c.check}: ${c.description}`, () => {
      const check = checkNamed(c.check);
      expect(applies(check, c.evidence), 'applies').toBe(c.applies ?? true);
      const issues = runChecks(c.evidence, [check]).flatMap((r) => r.issues);
      expect(issues).toEqual(c.expectedIssues.map((i) => expect.objectContaining({ check: c.check, ...i })));
    });
  }

  test('every generic and auth check has a passing and a failing case', () => {
    const names = [
      'status-is-documented',
      'body-matches-schema',
      'error-type-matches-status',
      'content-type-is-json',
      'invalid-input-is-rejected-with-4xx',
      'documented-error-is-returned',
      'unset-fields-are-omitted-not-null',
      'unauthenticated-is-401',
      'unauthenticated-carries-challenge',
      'authenticated-is-not-401',
      'unprivileged-is-403-unauthorized',
      'auth-errors-carry-no-data',
    ];
    for (const name of names) {
      const mine = cases.filter((c) => c.check === name && (c.applies ?? true));
      expect(
        mine.some((c) => c.expectedIssues.length === 0),
        `${name} passes somewhere`,
      ).toBe(true);
      expect(
        mine.some((c) => c.expectedIssues.length > 0),
        `${name} fails somewhere`,
      ).toBe(true);
    }
  });
});
