import { test, expect } from '@playwright/test';
import { schemaFor, validatorFor } from '../../specs/index';
import type { ConformanceReport, Failure, TargetBuild } from './conformance-types';

const ID = 'Vcconform.Conformance.Report';

/** T with every optional property present, all the way down: the maximal sample has to name every field of the types. */
type Full<T> = T extends readonly (infer U)[] ? Full<U>[] : T extends object ? { [K in keyof T]-?: Full<T[K]> } : T;

const counts = { passed: 1, failed: 1, warning: 0, info: 0, skipped: 0 };
const failure: Full<Failure> = {
  operation: 'clusters.upgradeMultiple',
  check: 'unprivileged-is-403-unauthorized',
  rule: 'Where an operation declares 403 …',
  testId: 'a1-b2',
  test: 'suites/auth.privileges.spec.ts › calls without the documented privilege › upgradeMultiple …',
  scenario: 'upgradeMultiple of domain-c10 by the read-only user',
  issues: [{ message: 'answered 400', received: '400 UNAUTHORIZED', documented: '403 UNAUTHORIZED', pointer: '/error_type' }],
  exchange: {
    method: 'POST',
    url: '/api/x?action=upgradeMultiple',
    requestHeaders: { 'vmware-api-session-id': '<redacted:session-id>' },
    requestBody: '{}',
    status: 400,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: '{}',
  },
  curl: 'curl -sS -X POST "$VCENTER_URL"\'/api/x\'',
  replay: { seed: 20261124, path: '3:1', command: "vcconform run --seed 20261124 --path 3:1 --grep 'x'" },
  task: {
    taskId: 't-1',
    outcome: 'terminal',
    budgetMs: 3000,
    polls: [{ at: '2026-11-24T10:00:00.000Z', offsetMs: 0, httpStatus: 200, status: 'RUNNING', completed: 1, total: 2 }],
  },
};
const BUILD: TargetBuild = {
  product: 'VMware vCenter Server',
  version: '9.1.0.0',
  build: '24321653',
  type: 'vCenter Server with an embedded Platform Services Controller',
  releasedate: '',
};
const maximal: Full<ConformanceReport> = {
  format: 'vcconform-conformance',
  version: 1,
  target: { kind: 'live', url: 'https://vcsa.lab.example', build: BUILD },
  startedAt: '2026-11-24T10:00:00.000Z',
  durationMs: 1234.5,
  harness: { name: 'vcconform', version: '0.1.0' },
  seed: 20261124,
  seeds: [20261124],
  verdict: 'fail',
  tests: { total: 3, passed: 1, failed: 1, skipped: 1, flaky: 0 },
  counts,
  results: [
    {
      operation: 'clusters.upgradeMultiple',
      check: '*',
      severity: 'failure',
      status: 'skipped',
      counts,
      reason: 'safe mode',
      tests: ['a1-b2'],
    },
  ],
  failures: [failure],
  errors: [{ testId: 'a1-b3', test: 'suites/x.spec.ts › y', message: 'Test timeout of 30000ms exceeded.' }],
  coverage: [
    {
      operation: 'session.create',
      depth: 'deep',
      checks: ['status-is-documented'],
      uncovered: ['safe mode'],
      statuses: [{ status: 201, errorType: 'X', documented: true, observed: 2 }],
      optionalFields: [{ field: 'hosts', unset: 1, explicit: 0, empty: 0 }],
    },
  ],
  knownFailures: [
    { operation: 'clusters.upgradeMultiple', check: 'unprivileged-is-403-unauthorized', reason: 'ticket 42', expires: '2026-12-31' },
  ],
};
/** Only what the types require (nullable objects given, so that their required properties can be compared). */
const minimal: ConformanceReport = {
  format: 'vcconform-conformance',
  version: 1,
  target: { kind: 'mock', url: 'embedded', build: null },
  startedAt: '2026-11-24T10:00:00.000Z',
  durationMs: 0,
  harness: { name: 'vcconform', version: '0.1.0' },
  seed: null,
  seeds: [],
  verdict: 'pass',
  tests: { total: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 },
  counts,
  results: [{ operation: '-', check: 'probe-is-refused', severity: null, status: 'passed', counts, tests: [] }],
  failures: [
    {
      ...failure,
      issues: [{ message: 'm' }],
      exchange: { method: 'GET', url: '/api', requestHeaders: {}, status: 200, responseHeaders: {}, responseBody: '' },
      replay: { seed: 1, command: 'vcconform run --seed 1' },
      task: { taskId: 't', outcome: 'error', budgetMs: 1, polls: [{ at: '2026-11-24T10:00:00.000Z', offsetMs: 0, httpStatus: 500 }] },
    },
  ],
  errors: [{ testId: 't', test: 't', message: 'm' }],
  coverage: [
    {
      operation: 'session.get',
      depth: 'deep',
      checks: [],
      statuses: [{ status: 200, errorType: null, documented: true, observed: 0 }],
      optionalFields: [{ field: 'f', unset: 0, explicit: 0, empty: 0 }],
    },
  ],
};

type Node = Record<string, unknown>;
const sorted = (keys: Iterable<string>) => [...keys].sort();

/** Walks the schema beside both samples: at every object, properties = the maximal sample's keys, required = the minimal's. */
function assertInStep(schema: Node, max: unknown, min: unknown, at: string): void {
  if (Array.isArray(max)) {
    assertInStep(schema.items as Node, max[0], Array.isArray(min) ? min[0] : undefined, `${at}/0`);
    return;
  }
  if (typeof max !== 'object' || max === null) return;
  const properties = schema.properties as Record<string, Node> | undefined;
  if (!properties) {
    expect(typeof schema.additionalProperties, `${at} is a map`).toBe('object');
    return;
  }
  expect(schema.additionalProperties, `${at}: additionalProperties`).toBe(false);
  expect(sorted(Object.keys(properties)), `${at}: properties = every field of the type`).toEqual(sorted(Object.keys(max)));
  if (typeof min === 'object' && min !== null)
    expect(sorted(schema.required as string[]), `${at}: required = the type's required fields`).toEqual(sorted(Object.keys(min)));
  for (const [key, sub] of Object.entries(properties))
    assertInStep(sub, (max as Node)[key], (min as Node | undefined)?.[key], `${at}/${key}`);
}

test.describe('conformance-types.ts and Vcconform.Conformance.Report stay in step', () => {
  test('every field of the types is in the schema, required exactly where the types require it, nothing else allowed', () => {
    assertInStep(schemaFor(ID), maximal, minimal, '');
  });

  test('the schema accepts the typed samples, nulls where the types allow them, and nothing else', () => {
    const validate = validatorFor(ID);
    const errors = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
    expect(errors(maximal)).toEqual([]);
    expect(errors(minimal)).toEqual([]);
    expect(errors({ ...minimal, failures: [{ ...minimal.failures[0]!, replay: null, task: null }] })).toEqual([]);
    expect(errors({ ...minimal, target: { ...minimal.target, kind: 'vcsim' } })).toEqual([
      '/target/kind must be equal to one of the allowed values',
    ]);
    expect(errors({ ...minimal, seeds: [1, 1] })).toEqual(['/seeds must NOT have duplicate items (items ## 1 and 0 are identical)']);
    // The build is the VersionStruct extract, whole, or null: not a bare build number, nor the rest of the VersionStruct.
    expect(errors({ ...minimal, target: { ...minimal.target, build: '24321653' } })).toEqual(['/target/build must be object,null']);
    expect(errors({ ...maximal, target: { ...maximal.target, build: { ...BUILD, install_time: 'x' } } })).toEqual([
      '/target/build must NOT have additional properties',
    ]);
    const { version: _v, ...noVersion } = BUILD;
    expect(errors({ ...maximal, target: { ...maximal.target, build: noVersion } })).toEqual([
      "/target/build must have required property 'version'",
    ]);
    expect(errors({ ...minimal, coverage: [{ ...minimal.coverage[0]!, extra: 1 }] })).toEqual([
      '/coverage/0 must NOT have additional properties',
    ]);
    expect(errors({ ...minimal, startedAt: 'yesterday' })).toEqual(['/startedAt must match format "date-time"']);
  });
});
