import { test, expect } from '@playwright/test';
import { operation, operations } from '../../specs/index';
import type { Exchange } from '../checks/types';
import type { CheckOutcome } from './conformance-types';
import { coverageOf, fieldUsage, optionalFieldsOf, publicUrl, runInfoOf, summariseExchanges, type OperationUse } from './coverage';

/** An exchange of `operation` answered with `status` (and a JSON error body when `errorType` is given). */
function exchange(
  operationId: string | undefined,
  status: number,
  options: { errorType?: string; body?: unknown; rawBody?: string; text?: string } = {},
): Exchange {
  const rawBody = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const responseBody = options.errorType ? { error_type: options.errorType, messages: [] } : undefined;
  return {
    ...(operationId !== undefined && { operation: operationId }),
    request: { method: 'POST', url: '/api/x', headers: {}, ...(rawBody !== undefined && { rawBody, body: safeParse(rawBody) }) },
    status,
    headers: {},
    body: responseBody,
    text: options.text ?? (responseBody ? JSON.stringify(responseBody) : ''),
    bodyIsJson: responseBody !== undefined,
    at: '2026-11-24T10:00:00.000Z',
    durationMs: 1,
  };
}
const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const UM = 'clusters.upgradeMultiple';

test.describe("coverage: one test's exchanges summarised, a run's summed against the catalogue", () => {
  test("a field is unset when absent or null, empty when '' / [] / {}, explicit otherwise (false and 0 included)", () => {
    const cases: [unknown, string][] = [
      [undefined, 'unset'],
      [null, 'unset'],
      ['', 'empty'],
      [[], 'empty'],
      [{}, 'empty'],
      [false, 'explicit'],
      [0, 'explicit'],
      ['x', 'explicit'],
      [['host-1'], 'explicit'],
      [{ a: 1 }, 'explicit'],
    ];
    for (const [value, usage] of cases) expect(fieldUsage(value), JSON.stringify(value)).toBe(usage);
  });

  test('optional fields come from the request schema: top level, or the values of a map body', () => {
    expect(optionalFieldsOf(operation(UM))).toEqual({ fields: ['ignore_precheck_warnings'], map: true });
    expect(optionalFieldsOf(operation('clusters.upgrade'))).toEqual({ fields: ['ignore_precheck_warnings'], map: false });
    expect(optionalFieldsOf(operation('software.stage'))).toEqual({ fields: ['commit', 'hosts'], map: false });
    expect(optionalFieldsOf(operation('tasks.list'))).toEqual({ fields: ['filter_spec', 'result_spec'], map: false });
    expect(optionalFieldsOf(operation('session.get'))).toEqual({ fields: [], map: false });
  });

  test('answers are counted per (status, error type); map values count one each; malformed bodies and probes count nothing', () => {
    const batch = {
      'domain-c10': { desired_version: 'v1', ignore_precheck_warnings: true },
      'domain-c11': { desired_version: 'v1' },
      'domain-c12': { desired_version: 'v1', ignore_precheck_warnings: null },
    };
    const uses = summariseExchanges([
      exchange(UM, 200, { body: batch }),
      exchange(UM, 403, { errorType: 'UNAUTHORIZED', body: { 'domain-c10': { desired_version: 'v1', ignore_precheck_warnings: false } } }),
      exchange(UM, 403, { errorType: 'UNAUTHORIZED', body: { 'domain-c10': { desired_version: 'v1' } } }),
      exchange(UM, 400, { errorType: 'INVALID_ARGUMENT', rawBody: '{not json' }),
      exchange(UM, 400, { errorType: 'INVALID_ARGUMENT', body: { 'domain-c10': 'not an object' } }),
      exchange('session.get', 401, { text: 'no body' }),
      exchange(undefined, 404, { errorType: 'NOT_FOUND' }),
      exchange('tasks.list', 200),
      exchange('software.stage', 202, { body: { commit: '', hosts: ['host-101'] } }),
    ]);
    expect(uses).toEqual([
      {
        operation: UM,
        statuses: [
          { status: 200, errorType: null, count: 1 },
          { status: 403, errorType: 'UNAUTHORIZED', count: 2 },
          { status: 400, errorType: 'INVALID_ARGUMENT', count: 2 },
        ],
        optionalFields: [{ field: 'ignore_precheck_warnings', unset: 3, explicit: 2, empty: 0 }],
      },
      { operation: 'session.get', statuses: [{ status: 401, errorType: null, count: 1 }], optionalFields: [] },
      // tasks.list takes an optional body: none sent leaves every optional field unset.
      {
        operation: 'tasks.list',
        statuses: [{ status: 200, errorType: null, count: 1 }],
        optionalFields: [
          { field: 'filter_spec', unset: 1, explicit: 0, empty: 0 },
          { field: 'result_spec', unset: 1, explicit: 0, empty: 0 },
        ],
      },
      {
        operation: 'software.stage',
        statuses: [{ status: 202, errorType: null, count: 1 }],
        optionalFields: [
          { field: 'commit', unset: 0, explicit: 0, empty: 1 },
          { field: 'hosts', unset: 0, explicit: 1, empty: 0 },
        ],
      },
    ]);
  });

  test('the run lists every certified operation: documented pairs (observed or 0), then undocumented ones seen, fields summed', () => {
    const uses: OperationUse[] = [
      {
        operation: 'session.create',
        statuses: [
          { status: 201, errorType: null, count: 3 },
          { status: 200, errorType: null, count: 1 },
        ],
        optionalFields: [],
      },
      {
        operation: 'session.create',
        statuses: [
          { status: 201, errorType: null, count: 2 },
          { status: 401, errorType: null, count: 1 },
          { status: 200, errorType: 'ERROR', count: 1 },
        ],
        optionalFields: [],
      },
      { operation: UM, statuses: [], optionalFields: [{ field: 'ignore_precheck_warnings', unset: 1, explicit: 2, empty: 0 }] },
      { operation: UM, statuses: [], optionalFields: [{ field: 'ignore_precheck_warnings', unset: 3, explicit: 0, empty: 1 }] },
    ];
    const coverage = coverageOf(uses);
    expect(coverage.map((c) => c.operation)).toEqual(operations.filter((o) => o.id !== 'appliance.version').map((o) => o.id));
    // Outside the contract: asked once per run for the build, never by a test, so it has no coverage to show.
    expect(
      coverageOf([{ operation: 'appliance.version', statuses: [{ status: 200, errorType: null, count: 1 }], optionalFields: [] }]).map(
        (c) => c.operation,
      ),
    ).not.toContain('appliance.version');
    expect(coverage.find((c) => c.operation === 'session.create')!.statuses).toEqual([
      { status: 201, errorType: null, documented: true, observed: 5 },
      { status: 401, errorType: 'UNAUTHENTICATED', documented: true, observed: 0 },
      { status: 503, errorType: 'SERVICE_UNAVAILABLE', documented: true, observed: 0 },
      { status: 200, errorType: null, documented: false, observed: 1 },
      { status: 200, errorType: 'ERROR', documented: false, observed: 1 },
      { status: 401, errorType: null, documented: false, observed: 1 },
    ]);
    expect(coverage.find((c) => c.operation === UM)!.optionalFields).toEqual([
      { field: 'ignore_precheck_warnings', unset: 4, explicit: 2, empty: 1 },
    ]);
    // Each documented error type of a status is its own pair.
    const stage = coverage
      .find((c) => c.operation === 'software.stage')!
      .statuses.filter((s) => s.status === 400)
      .map((s) => s.errorType);
    expect(stage).toEqual(['INVALID_ARGUMENT', 'NOT_ALLOWED_IN_CURRENT_STATE']);
    expect(coverageOf([]).every((c) => c.statuses.every((s) => s.documented && s.observed === 0))).toBe(true);
  });

  test('each operation names the checks evaluated on it, and one with none says why: its skip reasons, or that nothing sent it', () => {
    const counts = { passed: 1, failed: 0, warning: 0, info: 0, skipped: 0 };
    const skipped = { ...counts, passed: 0, skipped: 1 };
    const results: CheckOutcome[] = [
      { operation: 'vcenter.datacenter.get', check: 'status-is-documented', severity: 'failure', status: 'passed', counts, tests: ['a'] },
      { operation: 'vcenter.datacenter.get', check: 'body-matches-schema', severity: 'failure', status: 'failed', counts, tests: ['a'] },
      {
        operation: 'vcenter.datacenter.get',
        check: '*',
        severity: null,
        status: 'skipped',
        counts: skipped,
        reason: 'safe mode',
        tests: ['b'],
      },
      {
        operation: 'vcenter.datacenter.delete',
        check: '*',
        severity: null,
        status: 'skipped',
        counts: skipped,
        reason: 'not in scope',
        tests: ['c'],
      },
      {
        operation: 'vcenter.datacenter.delete',
        check: '*',
        severity: null,
        status: 'skipped',
        counts: skipped,
        reason: 'safe mode',
        tests: ['d'],
      },
    ];
    const coverage = coverageOf([], results);
    expect(coverage.find((c) => c.operation === 'vcenter.datacenter.get')).toMatchObject({
      depth: 'generic',
      checks: ['body-matches-schema', 'status-is-documented'],
    });
    expect(coverage.find((c) => c.operation === 'vcenter.datacenter.get')).not.toHaveProperty('uncovered');
    expect(coverage.find((c) => c.operation === 'vcenter.datacenter.delete')).toMatchObject({
      checks: [],
      uncovered: ['not in scope', 'safe mode'],
    });
    expect(coverage.find((c) => c.operation === 'vcenter.host.list')).toMatchObject({
      checks: [],
      uncovered: ['no test of the run sent it'],
    });
    expect(coverage.find((c) => c.operation === 'software.stage')?.depth).toBe('deep');
  });

  test('the run names the target without credentials: embedded mock, live URL, replay', () => {
    expect(runInfoOf('mock', { seed: 7 })).toEqual({ kind: 'mock', url: 'embedded', seed: 7, build: null });
    expect(runInfoOf('live', { live: { profile: { url: 'https://admin:secret@vcsa.lab.example:443/?x=1#top' } } })).toEqual({
      kind: 'live',
      url: 'https://vcsa.lab.example',
      seed: null,
      build: null,
    });
    expect(runInfoOf('live', { replay: '/tmp/rec', live: { profile: { url: 'https://vcsa.lab.example:8443/base/' } } })).toEqual({
      kind: 'replay',
      url: 'https://vcsa.lab.example:8443/base',
      seed: null,
      build: null,
    });
    // A live target's build comes with the options (vcconform run's pre-flight, or the recording); the mock's is read per worker.
    const build = { product: 'VMware vCenter Server', version: '9.1.0.0', build: '24321653', type: 'x', releasedate: '' };
    expect(runInfoOf('live', { build, live: { profile: { url: 'https://vcsa.lab.example' } } }).build).toEqual(build);
    expect(runInfoOf('mock', { build }).build).toBeNull();
    expect(publicUrl('not a url')).toBe('not a url');
  });
});
