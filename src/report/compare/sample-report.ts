import {
  CONFORMANCE_FORMAT,
  CONFORMANCE_VERSION,
  type CheckOutcome,
  type ConformanceReport,
  type Failure,
  type KnownFailure,
  type ResultStatus,
  type TargetBuild,
} from '../conformance-types';

/** A compact description of a run, for the compare self-tests. */
export interface SampleRun {
  /** [operation, check, status] per evaluated check. */
  results?: [string, string, ResultStatus][];
  /** [operation, reason, check?] per skipped entry (check `*` unless given). */
  skipped?: [string, string, string?][];
  /** [operation, status, errorType, observed, documented?] per coverage row. */
  statuses?: [string, number, string | null, number, boolean?][];
  knownFailures?: KnownFailure[];
  target?: Partial<ConformanceReport['target']>;
  /** Failures per failed result (default 1), and a message override for the first. */
  failures?: Record<string, { count?: number; message?: string; test?: string }>;
  strings?: Partial<Pick<ConformanceReport, 'startedAt'>> & { version?: string };
}

/** A reported build (the reference mock's default, an unpatched 9.1), with `over` replacing fields. */
export function sampleBuild(over: Partial<TargetBuild> = {}): TargetBuild {
  return {
    product: 'VMware vCenter Server',
    version: '9.1.0.0',
    build: '24321653',
    type: 'vCenter Server with an embedded Platform Services Controller',
    releasedate: '',
    ...over,
  };
}

const SEVERITY = { passed: 'failure', failed: 'failure', warning: 'warning', info: 'observation', skipped: null } as const;
const zero = { passed: 0, failed: 0, warning: 0, info: 0, skipped: 0 };

function failureOf(operation: string, check: string, i: number, override: { message?: string; test?: string } | undefined): Failure {
  return {
    operation,
    check,
    rule: `the rule of ${check}`,
    testId: `t-${operation}-${check}-${i}`,
    test: i === 0 && override?.test ? override.test : `suites/x.spec.ts › ${operation} › case ${i}`,
    scenario: 'sample',
    issues: [
      {
        message: i === 0 && override?.message !== undefined ? override.message : `${check} broke on ${operation} (#${i})`,
        received: '200',
        documented: '201',
      },
    ],
    exchange: {
      method: 'GET',
      url: 'http://127.0.0.1:1/api/session',
      requestHeaders: {},
      status: 200,
      responseHeaders: {},
      responseBody: '""',
    },
    curl: 'curl http://127.0.0.1:1/api/session',
    replay: null,
    task: null,
  };
}

/** A complete, schema-shaped conformance report built from a SampleRun. */
export function sampleReport(run: SampleRun = {}): ConformanceReport {
  const results: CheckOutcome[] = [
    ...(run.results ?? []).map(
      ([operation, check, status]): CheckOutcome => ({
        operation,
        check,
        severity: SEVERITY[status],
        status,
        counts: { ...zero, [status]: 1 },
        tests: [`t-${operation}-${check}`],
      }),
    ),
    ...(run.skipped ?? []).map(
      ([operation, reason, check]): CheckOutcome => ({
        operation,
        check: check ?? '*',
        severity: null,
        status: 'skipped',
        counts: { ...zero, skipped: 1 },
        reason,
        tests: [`t-${operation}-skipped`],
      }),
    ),
  ];
  const failures = results
    .filter((r) => r.status === 'failed')
    .flatMap((r) => {
      const override = run.failures?.[`${r.operation} ${r.check}`];
      return Array.from({ length: override?.count ?? 1 }, (_, i) => failureOf(r.operation, r.check, i, override));
    });
  const operations = [...new Set((run.statuses ?? []).map(([op]) => op))];
  const counts = Object.fromEntries(
    (['passed', 'failed', 'warning', 'info', 'skipped'] as const).map((s) => [s, results.filter((r) => r.status === s).length]),
  ) as ConformanceReport['counts'];
  return {
    format: CONFORMANCE_FORMAT,
    version: CONFORMANCE_VERSION,
    target: { kind: 'mock', url: 'http://127.0.0.1:40000', build: null, ...run.target },
    startedAt: run.strings?.startedAt ?? '2026-11-24T10:00:00.000Z',
    durationMs: 1234,
    harness: { name: 'vcconform', version: run.strings?.version ?? '0.1.0' },
    seed: 20261124,
    seeds: [20261124],
    verdict: failures.length ? 'fail' : 'pass',
    tests: { total: results.length, passed: results.length - failures.length, failed: failures.length ? 1 : 0, skipped: 0, flaky: 0 },
    counts,
    results,
    failures,
    errors: [],
    coverage: operations.map((operation) => ({
      operation,
      depth: 'deep' as const,
      checks: [],
      statuses: (run.statuses ?? [])
        .filter(([op]) => op === operation)
        .map(([, status, errorType, observed, documented]) => ({ status, errorType, documented: documented ?? true, observed })),
      optionalFields: [],
    })),
    ...(run.knownFailures && { knownFailures: run.knownFailures }),
  };
}
