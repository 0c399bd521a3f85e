/**
 * `conformance.json`: the verdict of one run, for people (conformance.html), for CI (compare) and
 * for archives. Published as the JSON Schema `Vcconform.Conformance.Report`
 * (specs/vcconform/conformance-report.schema.json); this file is its TypeScript twin, and a
 * self-test keeps the two in step.
 */
export const CONFORMANCE_FORMAT = 'vcconform-conformance';
export const CONFORMANCE_VERSION = 1;

export interface ConformanceReport {
  format: typeof CONFORMANCE_FORMAT;
  version: typeof CONFORMANCE_VERSION;
  /** What was tested: never credentials. */
  target: {
    kind: 'mock' | 'live' | 'replay';
    /** Base URL without credentials, query or fragment. */
    url: string;
    /** The build under test, as GET /api/appliance/system/version reported it; null: not reported by the target. */
    build: TargetBuild | null;
  };
  /** When the run started (ISO 8601) and how long it took. */
  startedAt: string;
  durationMs: number;
  harness: { name: 'vcconform'; version: string };
  /** The fast-check seed the run was given (null: each property drew its own, listed in `seeds`). */
  seed: number | null;
  /** Every property seed used in the run, sorted. */
  seeds: number[];
  /** `fail` when any check failed or a test failed outside a check (an error); `pass` otherwise. */
  verdict: 'pass' | 'fail';
  /** Tests by outcome, as Playwright counts them. */
  tests: { total: number; passed: number; failed: number; skipped: number; flaky: number };
  /** Results by status (one per `results` entry). */
  counts: Record<ResultStatus, number>;
  /** One per (operation, check) that some test evaluated, plus one per (operation, skip reason). */
  results: CheckOutcome[];
  /** Every failed check evaluation, with its evidence. */
  failures: Failure[];
  /** Tests that failed without a failed check (a harness error, a timeout, "not recorded"). */
  errors: TestError[];
  coverage: OperationCoverage[];
  /**
   * Only in a baseline (written by hand, never by a run): failures accepted for now, each with why
   * and until when. `vcconform compare` does not count them as new; past `expires` they count again.
   */
  knownFailures?: KnownFailure[];
}

/**
 * The build under test: the identifying fields of the Appliance.System.Version.VersionStruct that
 * GET /api/appliance/system/version answered the administrator at the start of the run, as given.
 */
export interface TargetBuild {
  /** Appliance name, e.g. `VMware vCenter Server`. */
  product: string;
  /** Appliance version, e.g. `9.1.0.0`. */
  version: string;
  /** Appliance build number, e.g. `24321653`. */
  build: string;
  /** Type of product: its deployment option. */
  type: string;
  /** Release date of the patch; empty if the appliance has not been patched. */
  releasedate: string;
}

export interface KnownFailure {
  operation: string;
  check: string;
  reason: string;
  /** Last day the acceptance holds (YYYY-MM-DD); from the next day on, the failure counts again. */
  expires: string;
}

/**
 * passed: every evaluation held; failed: one broke a failure-severity rule; warning: one broke an
 * advisory rule; info: the docs are silent, the answer was recorded (observations, probes);
 * skipped: the tests that would evaluate this operation were skipped (see `reason`).
 */
export type ResultStatus = 'passed' | 'failed' | 'warning' | 'info' | 'skipped';

export interface CheckOutcome {
  /** Catalogue operation id, or `-` for requests outside the catalogue (probes). */
  operation: string;
  /** Check name (src/checks), or `*` for a skipped entry (no check ran). */
  check: string;
  severity: 'failure' | 'warning' | 'observation' | null;
  status: ResultStatus;
  /** How many evaluations ended each way (a skipped entry counts its tests under `skipped`). */
  counts: { passed: number; failed: number; warning: number; info: number; skipped: number };
  /** For `skipped`: why (the skip annotation of the tests). */
  reason?: string;
  /** Stable ids of the tests that contributed (Playwright test ids). */
  tests: string[];
}

export interface Failure {
  operation: string;
  check: string;
  /** The check's documented rule (its `reason`). */
  rule: string;
  testId: string;
  /** Title path of the test: file › describe › title. */
  test: string;
  scenario: string;
  /** Issue by issue: what was received and what the docs say. */
  issues: { message: string; received?: string; documented?: string; pointer?: string }[];
  /** The redacted exchange the check judged. */
  exchange: FailedExchange;
  /** A curl line reproducing the request (secrets as shell variables, never values). */
  curl: string;
  /** The fast-check replay, when the evidence came from a property. */
  replay: { seed: number; path?: string; command: string } | null;
  /** The task poll history, when the evidence has one. */
  task: { taskId: string; outcome: string; budgetMs: number; polls: TaskPoll[] } | null;
}

export interface FailedExchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

export interface TaskPoll {
  /** When the poll was answered (ISO) and ms since the first poll. */
  at: string;
  offsetMs: number;
  httpStatus: number;
  status?: string;
  completed?: number;
  total?: number;
}

export interface TestError {
  testId: string;
  test: string;
  message: string;
}

export interface OperationCoverage {
  operation: string;
  /** deep: hand-written suites test its semantics; generic: the checks derived from the spec alone. */
  depth: 'deep' | 'generic';
  /** The checks some test of the run evaluated on this operation, sorted. */
  checks: string[];
  /** Present when no check was evaluated on it: why (its tests' skip reasons, or that no test sent it). */
  uncovered?: string[];
  /** Documented (status, error type) pairs and whether the run saw each; plus what it saw undocumented. */
  statuses: { status: number; errorType: string | null; documented: boolean; observed: number }[];
  /** Optional request fields and how often each was sent unset, explicit, or empty ('' / [] / {}). */
  optionalFields: { field: string; unset: number; explicit: number; empty: number }[];
}
