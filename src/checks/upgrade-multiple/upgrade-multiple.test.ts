import { test, expect } from '@playwright/test';
import { upgradeMultipleChecks } from '../index';
import { checkNamed } from '../index';
import { runChecks } from '../run-checks';
import type { Evidence, Issue } from '../types';
import { REJECTED, STARTED, batch, evidence, get, pending, polled, ready, single, spec, stdError, v } from './test-helpers';

const group = upgradeMultipleChecks;

interface Case {
  description: string;
  evidence: Evidence;
  /** The issues the group's checks must report, in registry order (check name, and pointer where given). */
  expectedIssues: Partial<Issue>[];
}

const C10 = 'domain-c10';
const C11 = 'domain-c11';
const C12 = 'domain-c12';
const facts = { upgradableClusters: [C10], warningsClusters: [C11], errorsClusters: [C12] };
const operator = { kind: 'unprivileged', role: 'operator', privilege: 'Namespaces.Upgrade' } as const;
const probe = { kind: 'probe', question: 'how is an unknown cluster reported?' } as const;
const mixed = { [C10]: spec(), [C11]: spec(), [C12]: spec(true) };
const mixedOk = { [C10]: STARTED, [C11]: REJECTED, [C12]: REJECTED };

const cases: Case[] = [
  // result-keys-match-request
  {
    description: 'a map with exactly the requested keys passes every check',
    evidence: evidence(batch(mixed, 200, mixedOk), { facts }),
    expectedIssues: [],
  },
  {
    description: 'a requested cluster missing from the 200 map fails result-keys-match-request',
    evidence: evidence(batch({ [C10]: spec(), [C11]: spec() }, 200, { [C10]: STARTED })),
    expectedIssues: [{ check: 'result-keys-match-request', pointer: `/${C11}` }],
  },
  {
    description: 'an extra, unrequested cluster in the 200 map fails result-keys-match-request',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED, 'domain-c99': STARTED })),
    expectedIssues: [{ check: 'result-keys-match-request', pointer: '/domain-c99' }],
  },
  {
    description: 'result-keys-match-request judges a 200 only (a 403 has no map)',
    evidence: evidence(batch({ [C10]: spec() }, 403, stdError('UNAUTHORIZED'))),
    expectedIssues: [],
  },
  {
    description: 'an empty batch answered 200 {} is observed and its keys match',
    evidence: evidence(batch({}, 200, {}), {}, { kind: 'probe', question: 'what does {} return?' }),
    expectedIssues: [{ check: 'empty-batch-outcome-is-observed', severity: 'observation', received: '200 {}' }],
  },
  {
    description: 'an empty batch answered with a result fails result-keys-match-request (and is observed)',
    evidence: evidence(batch({}, 200, { [C10]: STARTED }), {}, { kind: 'probe', question: 'what does {} return?' }),
    expectedIssues: [{ check: 'result-keys-match-request', pointer: `/${C10}` }, { check: 'empty-batch-outcome-is-observed' }],
  },
  // started-has-no-exception
  {
    description: 'a STARTED result with an exception warns by started-has-no-exception',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: { res: 'STARTED', exception: stdError('ERROR') } })),
    expectedIssues: [{ check: 'started-has-no-exception', pointer: `/${C10}/exception` }],
  },
  {
    description: 'a STARTED result with exception null passes (null is unset)',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: { res: 'STARTED', exception: null } })),
    expectedIssues: [],
  },
  // rejected-exception-is-an-object (advisory)
  {
    description: 'a REJECTED exception {} (as the seed page shows) is only a warning',
    evidence: evidence(batch({ [C12]: spec() }, 200, { [C12]: { res: 'REJECTED', exception: {} } })),
    expectedIssues: [{ check: 'rejected-exception-is-an-object', severity: 'warning', pointer: `/${C12}/exception` }],
  },
  {
    description: 'a REJECTED exception sent as a string is flagged',
    evidence: evidence(batch({ [C12]: spec() }, 200, { [C12]: { res: 'REJECTED', exception: 'pre-check failed' } })),
    expectedIssues: [{ check: 'rejected-exception-is-an-object', message: expect.stringContaining('not an object') as unknown as string }],
  },
  {
    description: 'a REJECTED result without an exception passes (it is optional)',
    evidence: evidence(batch({ [C12]: spec() }, 200, { [C12]: { res: 'REJECTED' } })),
    expectedIssues: [],
  },
  // precheck-failure-is-per-cluster
  {
    description: 'a batch with a pre-check failure answered 400 fails precheck-failure-is-per-cluster',
    evidence: evidence(batch(mixed, 400, stdError('UNSUPPORTED')), { facts }),
    expectedIssues: [{ check: 'precheck-failure-is-per-cluster', received: '400 UNSUPPORTED' }],
  },
  {
    description: 'precheck-failure-is-per-cluster does not apply when no requested cluster fails its pre-check',
    evidence: evidence(batch({ [C10]: spec(), [C11]: spec(true) }, 500, stdError('ERROR')), { facts }),
    expectedIssues: [],
  },
  {
    description: "precheck-failure-is-per-cluster judges only valid requests (an operator's 403 is judged elsewhere)",
    evidence: evidence(batch(mixed, 403, stdError('UNAUTHORIZED')), { facts }, operator),
    expectedIssues: [],
  },
  // precheck-errors-are-rejected
  {
    description: 'an errors cluster STARTED with ignore_precheck_warnings true fails precheck-errors-are-rejected',
    evidence: evidence(batch({ [C12]: spec(true) }, 200, { [C12]: STARTED }), { facts }),
    expectedIssues: [{ check: 'precheck-errors-are-rejected', pointer: `/${C12}/res` }],
  },
  // clean-precheck-cluster-is-started
  {
    description: 'a clean cluster REJECTED fails clean-precheck-cluster-is-started',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: REJECTED }), { facts }),
    expectedIssues: [
      {
        check: 'clean-precheck-cluster-is-started',
        pointer: `/${C10}/res`,
        received: expect.stringContaining('res REJECTED (exception') as unknown as string,
      },
    ],
  },
  {
    description: 'clean-precheck-cluster-is-started ignores clusters the facts do not call clean',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: REJECTED }), { facts: { warningsClusters: [C11] } }),
    expectedIssues: [],
  },
  // ignore-warnings-true-starts-warning-cluster
  {
    description: 'a warnings cluster with true that is STARTED passes',
    evidence: evidence(batch({ [C11]: spec(true) }, 200, { [C11]: STARTED }), { facts }),
    expectedIssues: [],
  },
  {
    description: 'a warnings cluster with true that is REJECTED fails ignore-warnings-true-starts-warning-cluster',
    evidence: evidence(batch({ [C11]: spec(true) }, 200, { [C11]: REJECTED }), { facts }),
    expectedIssues: [{ check: 'ignore-warnings-true-starts-warning-cluster', pointer: `/${C11}/res`, received: 'res REJECTED' }],
  },
  {
    description: 'a warnings cluster with the flag unset that is STARTED fails ignore-warnings-true-starts-warning-cluster',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: STARTED }), { facts }),
    expectedIssues: [{ check: 'ignore-warnings-true-starts-warning-cluster', documented: 'res REJECTED' }],
  },
  {
    description: 'a warnings cluster with the flag null is treated as unset: STARTED fails',
    evidence: evidence(batch({ [C11]: spec(null) }, 200, { [C11]: STARTED }), { facts }),
    expectedIssues: [{ check: 'ignore-warnings-true-starts-warning-cluster' }],
  },
  {
    description: 'a warnings cluster with false that is REJECTED passes',
    evidence: evidence(batch({ [C11]: spec(false) }, 200, { [C11]: REJECTED }), { facts }),
    expectedIssues: [],
  },
  // unset-ignore-warnings-equals-false
  {
    description: 'unset and false giving the same res per cluster pass',
    evidence: evidence(batch({ [C10]: spec(), [C11]: spec() }, 200, { [C10]: STARTED, [C11]: REJECTED }), {
      related: { twin: batch({ [C10]: spec(false), [C11]: spec(false) }, 200, { [C10]: STARTED, [C11]: REJECTED }) },
    }),
    expectedIssues: [],
  },
  {
    description: 'a cluster STARTED when unset but REJECTED when false fails unset-ignore-warnings-equals-false',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: STARTED }), {
      related: { twin: batch({ [C11]: spec(false) }, 200, { [C11]: REJECTED }) },
    }),
    expectedIssues: [{ check: 'unset-ignore-warnings-equals-false', pointer: `/${C11}/res`, received: 'unset: STARTED; false: REJECTED' }],
  },
  {
    description: 'unset, false and null giving the same res per cluster pass',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: REJECTED }), {
      related: {
        twin: batch({ [C11]: spec(false) }, 200, { [C11]: REJECTED }),
        nullTwin: batch({ [C11]: spec(null) }, 200, { [C11]: REJECTED }),
      },
    }),
    expectedIssues: [],
  },
  {
    description: 'a batch with the flag null refused with 400 fails unset-ignore-warnings-equals-false ("missing or null")',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: REJECTED }), {
      related: {
        twin: batch({ [C11]: spec(false) }, 200, { [C11]: REJECTED }),
        nullTwin: batch({ [C11]: spec(null) }, 400, stdError('INVALID_ARGUMENT')),
      },
    }),
    expectedIssues: [{ check: 'unset-ignore-warnings-equals-false', received: 'unset: 200; null: 400 INVALID_ARGUMENT' }],
  },
  {
    description: 'a cluster REJECTED when unset but STARTED when null fails unset-ignore-warnings-equals-false',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: REJECTED }), {
      related: { nullTwin: batch({ [C11]: spec(null) }, 200, { [C11]: STARTED }) },
    }),
    expectedIssues: [{ check: 'unset-ignore-warnings-equals-false', pointer: `/${C11}/res`, received: 'unset: REJECTED; null: STARTED' }],
  },
  {
    description: 'a different status with the flag unset and false fails unset-ignore-warnings-equals-false',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: REJECTED }), {
      related: { twin: batch({ [C11]: spec(false) }, 500, stdError('ERROR')) },
    }),
    expectedIssues: [{ check: 'unset-ignore-warnings-equals-false', received: 'unset: 200; false: 500 ERROR' }],
  },
  // rejected-cluster-does-not-upgrade, started-cluster-shows-upgrade
  {
    description: 'read-backs showing STARTED PENDING and REJECTED unchanged pass',
    evidence: evidence(batch(mixed, 200, mixedOk), {
      facts: { ...facts, ...polled([C10, C11, C12], 4, 1) },
      related: {
        before: [get(C10, ready()), get(C11, ready()), get(C12, ready())],
        readBack: [get(C10, pending()), get(C11, ready()), get(C12, ready())],
      },
    }),
    expectedIssues: [],
  },
  {
    description: 'a STARTED cluster already READY at the requested version passes',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10], 2, 1),
      related: { before: [get(C10, ready())], readBack: [get(C10, ready(v, { last_upgraded_date: '2026-01-01T00:01:00Z' }))] },
    }),
    expectedIssues: [],
  },
  {
    description: 'a STARTED cluster whose upgrade already failed (ERROR) shows that it began: passes',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10], 2, 1),
      related: { readBack: [get(C10, { ...ready(), state: 'ERROR' })] },
    }),
    expectedIssues: [],
  },
  {
    description: 'a STARTED cluster PENDING with an upgrade_status naming no version passes',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10], 2, 1),
      related: { readBack: [get(C10, { ...ready(), state: 'PENDING', upgrade_status: { messages: [] } })] },
    }),
    expectedIssues: [],
  },
  {
    description:
      'a STARTED cluster still READY at the old version after polling to the budget fails ' +
      'started-cluster-shows-upgrade, naming the cluster, what it showed and how long it was polled',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10], 3004, 9),
      related: { before: [get(C10, ready())], readBack: [get(C10, ready())] },
    }),
    expectedIssues: [
      {
        check: 'started-cluster-shows-upgrade',
        severity: 'failure',
        pointer: `/${C10}/res`,
        received: 'READY v1.29.7',
        message:
          `cluster ${C10} was STARTED but get still showed no upgrade to ${v} after ` +
          'polling it for 3004 ms (9 reads; budget 3000 ms): READY v1.29.7',
      },
    ],
  },
  {
    description: 'a STARTED cluster PENDING without upgrade_status ("not in progress") fails started-cluster-shows-upgrade',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10]),
      related: { readBack: [get(C10, { ...ready(), state: 'PENDING' })] },
    }),
    expectedIssues: [{ check: 'started-cluster-shows-upgrade', received: 'PENDING v1.29.7' }],
  },
  {
    description: 'a STARTED cluster PENDING towards another version fails started-cluster-shows-upgrade',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10]),
      related: { readBack: [get(C10, pending('v1.31.2'))] },
    }),
    expectedIssues: [{ check: 'started-cluster-shows-upgrade', received: 'PENDING v1.29.7 upgrading to v1.31.2' }],
  },
  {
    description: 'a read-back that was not polled (no upgradePoll fact) is not judged by started-cluster-shows-upgrade',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), { related: { readBack: [get(C10, ready())] } }),
    expectedIssues: [],
  },
  {
    description: 'a STARTED cluster whose last read is not a 200 is not judged by started-cluster-shows-upgrade',
    evidence: evidence(batch({ [C10]: spec() }, 200, { [C10]: STARTED }), {
      facts: polled([C10]),
      related: { readBack: [get(C10, stdError('ERROR'), 500)] },
    }),
    expectedIssues: [],
  },
  {
    description: 'a single upgrade answered 204 and then PENDING passes',
    evidence: evidence(single(C10, spec(), 204), { facts: polled([C10], 2, 1), related: { readBack: [get(C10, pending())] } }),
    expectedIssues: [],
  },
  {
    description: 'a single upgrade answered 204 but still READY at the old version after polling fails started-cluster-shows-upgrade',
    evidence: evidence(single(C10, spec(), 204), { facts: polled([C10]), related: { readBack: [get(C10, ready())] } }),
    expectedIssues: [
      {
        check: 'started-cluster-shows-upgrade',
        message: expect.stringMatching(
          new RegExp(`^cluster ${C10} was upgraded with 204 but get still showed no upgrade`),
        ) as unknown as string,
        received: 'READY v1.29.7',
      },
    ],
  },
  {
    description: 'a single upgrade refused with 400 says nothing started: not judged',
    evidence: evidence(single(C11, spec(), 400, stdError('UNSUPPORTED')), {
      facts: polled([C11], 2, 1),
      related: { readBack: [get(C11, ready())] },
    }),
    expectedIssues: [],
  },
  {
    description: 'a REJECTED cluster that began upgrading fails rejected-cluster-does-not-upgrade',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: REJECTED }), {
      facts,
      related: { before: [get(C11, ready())], readBack: [get(C11, pending())] },
    }),
    expectedIssues: [{ check: 'rejected-cluster-does-not-upgrade', received: 'READY v1.29.7 → PENDING v1.29.7 upgrading to v1.30.4' }],
  },
  // unprivileged-batch-starts-nothing
  {
    description: 'a refused batch with an unchanged read-back passes',
    evidence: evidence(
      batch({ [C10]: spec(), [C12]: spec() }, 403, stdError('UNAUTHORIZED')),
      { related: { before: [get(C10, ready()), get(C12, ready())], readBack: [get(C10, ready()), get(C12, ready())] } },
      operator,
    ),
    expectedIssues: [],
  },
  {
    description: 'a refused batch after which a permitted cluster is upgrading fails unprivileged-batch-starts-nothing',
    evidence: evidence(
      batch({ [C10]: spec(), [C12]: spec() }, 403, stdError('UNAUTHORIZED')),
      { related: { before: [get(C10, ready()), get(C12, ready())], readBack: [get(C10, pending()), get(C12, ready())] } },
      operator,
    ),
    expectedIssues: [{ check: 'unprivileged-batch-starts-nothing', message: expect.stringContaining(C10) as unknown as string }],
  },
  {
    description: 'an upgrade that already finished is caught by its new version',
    evidence: evidence(
      batch({ [C10]: spec(), [C12]: spec() }, 403, stdError('UNAUTHORIZED')),
      { related: { before: [get(C10, ready())], readBack: [get(C10, ready(v))] } },
      operator,
    ),
    expectedIssues: [{ check: 'unprivileged-batch-starts-nothing' }],
  },
  {
    description: 'a cluster already PENDING before the batch says nothing about the batch',
    evidence: evidence(
      batch({ [C10]: spec() }, 403, stdError('UNAUTHORIZED')),
      { related: { before: [get(C10, pending())], readBack: [get(C10, ready(v))] } },
      operator,
    ),
    expectedIssues: [],
  },
  // single-and-batch-agree
  {
    description: 'single 204 / 400 UNSUPPORTED matching batch STARTED / REJECTED pass',
    evidence: evidence(batch({ [C10]: spec(), [C12]: spec() }, 200, { [C10]: STARTED, [C12]: REJECTED }), {
      related: { single: [single(C10, spec(), 204), single(C12, spec(), 400, stdError('UNSUPPORTED'))] },
    }),
    expectedIssues: [],
  },
  {
    description: 'single 400 UNSUPPORTED but batch STARTED is a single-and-batch-agree warning',
    evidence: evidence(batch({ [C11]: spec() }, 200, { [C11]: STARTED }), {
      related: { single: [single(C11, spec(), 400, stdError('UNSUPPORTED'))] },
    }),
    expectedIssues: [
      {
        check: 'single-and-batch-agree',
        severity: 'warning',
        received: 'single 400 UNSUPPORTED; batch STARTED',
        documented: 'batch REJECTED',
      },
    ],
  },
  {
    description: 'single 204 but batch REJECTED is a single-and-batch-agree warning',
    evidence: evidence(batch({ [C11]: spec(true) }, 200, { [C11]: REJECTED }), { related: { single: [single(C11, spec(true), 204)] } }),
    expectedIssues: [{ check: 'single-and-batch-agree', pointer: `/${C11}/res` }],
  },
  {
    description: 'single-and-batch-agree compares only the same spec, and only 204 / 400 UNSUPPORTED',
    evidence: evidence(batch({ [C10]: spec(), [C11]: spec() }, 200, { [C10]: STARTED, [C11]: STARTED }), {
      related: { single: [single(C10, spec(true), 400, stdError('UNSUPPORTED')), single(C11, spec(), 404, stdError('NOT_FOUND'))] },
    }),
    expectedIssues: [],
  },
  // unknown-cluster-outcome-is-observed
  {
    description: 'an unknown cluster reported REJECTED is recorded as an observation',
    evidence: evidence(
      batch({ 'domain-c777': spec() }, 200, { 'domain-c777': { res: 'REJECTED', exception: stdError('NOT_FOUND') } }),
      { facts: { unknownClusters: ['domain-c777'] } },
      probe,
    ),
    expectedIssues: [
      { check: 'unknown-cluster-outcome-is-observed', severity: 'observation', received: 'res REJECTED (exception NOT_FOUND)' },
    ],
  },
  {
    description: 'an unknown cluster answered 500 for the whole batch is recorded, not failed',
    evidence: evidence(batch({ 'domain-c777': spec() }, 500, stdError('ERROR')), { facts: { unknownClusters: ['domain-c777'] } }, probe),
    expectedIssues: [{ check: 'unknown-cluster-outcome-is-observed', severity: 'observation', received: '500 ERROR' }],
  },
  {
    description: 'a non-WCP cluster reported STARTED is recorded as an observation',
    evidence: evidence(
      batch({ 'domain-c13': spec() }, 200, { 'domain-c13': STARTED }),
      { facts: { nonWcpClusters: ['domain-c13'] } },
      probe,
    ),
    expectedIssues: [{ check: 'unknown-cluster-outcome-is-observed', received: 'res STARTED' }],
  },
];

test.describe('upgradeMultiple checks', () => {
  test('every check of the group is registered, with a reason citing the contract', () => {
    for (const c of group) {
      expect(checkNamed(c.name)).toBe(c);
      expect(c.reason, c.name).toMatch(/§|prior-art/);
    }
  });

  for (const c of cases) {
    test(c.description, () => {
      const issues = runChecks(c.evidence, group).flatMap((r) => r.issues);
      expect(issues).toEqual(c.expectedIssues.map((i) => expect.objectContaining(i)));
    });
  }

  test('every check of the group is shown both failing and passing by some case', () => {
    const failing = new Set(cases.flatMap((c) => c.expectedIssues.map((i) => i.check)));
    const passing = new Set(
      cases.flatMap((c) =>
        runChecks(c.evidence, group)
          .filter((r) => r.status === 'passed')
          .map((r) => r.check.name),
      ),
    );
    const observations = group.filter((c) => c.severity === 'observation').map((c) => c.name);
    expect(group.map((c) => c.name).filter((n) => !failing.has(n))).toEqual([]);
    expect(group.map((c) => c.name).filter((n) => !passing.has(n) && !observations.includes(n))).toEqual([]);
  });
});
