import type { ErrorType } from '../../specs/catalogue-types';

/** A request as sent, with every secret already replaced by a placeholder. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/api/cis/tasks/52a…?exclude_result=true`. */
  url: string;
  headers: Record<string, string>;
  /** The JSON value sent, if the body was JSON. */
  body?: unknown;
  /** The body text as sent (redacted), when there was one. */
  rawBody?: string;
}

/** One request/response pair, redacted at record time so nothing downstream can leak a secret. */
export interface Exchange {
  /** The catalogue operation id the request addressed; absent for probes of routes outside the catalogue. */
  operation?: string;
  request: RecordedRequest;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body: unknown;
  /** The body text (redacted). */
  text: string;
  /** Whether `text` parsed as JSON. */
  bodyIsJson: boolean;
  /** When it was sent (ISO) and how long the answer took. */
  at: string;
  durationMs: number;
}

/** What the test meant the request to be: the checks judge the answer against this. */
export type Intent =
  /** A well-formed request by a privileged user for resources that exist: success is expected. */
  | { kind: 'valid' }
  /** A request without a usable session (or with bad Basic credentials): 401 UNAUTHENTICATED is expected. */
  | { kind: 'unauthenticated'; credential: 'none' | 'malformed' | 'unknown' | 'deleted' | 'wrong-password' }
  /** An authenticated user without the documented privilege. */
  | { kind: 'unprivileged'; role: string; privilege: string }
  /**
   * Input that breaks the request schema (re-validated as invalid before sending). `mustRefuse`: the
   * runtime must refuse it (a 4xx, never a 5xx: mustBeRefused); otherwise the docs leave the answer open.
   */
  | { kind: 'invalid-input'; mutation: string; mustRefuse: boolean }
  /** A documented error condition: this status and error type are expected. */
  | { kind: 'documented-error'; status: number; errorType: ErrorType; when: string }
  /** The documentation is silent: the answer is recorded as information, never failed. */
  | { kind: 'probe'; question: string };

/** Everything a check may look at: one primary exchange and what the scenario gathered around it. */
export interface Evidence {
  /** What the test did, as a sentence (shown in reports). */
  scenario: string;
  intent: Intent;
  exchange: Exchange;
  /** For task operations: every task poll in order, and how polling ended. */
  task?: TaskHistory;
  /** Named related exchanges for comparisons and read-backs (e.g. `twin`, `readBack`). */
  related?: Record<string, Exchange | Exchange[] | undefined>;
  /** Values the scenario knows from the target's inventory (e.g. `allHosts`, `latestCommit`). */
  facts?: Record<string, unknown>;
  /** fast-check seed and path of the run that produced this evidence, if any. */
  /** `selects`: the `vcconform run` flags that select the same target and faults (--fault, --profile, --target, --replay). */
  replay?: { seed: number; path?: string; selects?: string[] };
}

/** The poll history of one task. */
export interface TaskHistory {
  taskId: string;
  polls: Exchange[];
  /**
   * terminal: reached SUCCEEDED/FAILED; slow: budget spent while progress still moved; stuck: budget spent without progress; error: a poll
   * was not 200.
   */
  outcome: 'terminal' | 'slow' | 'stuck' | 'error';
  budgetMs: number;
}

export type Severity = 'failure' | 'warning' | 'observation';

/** One finding of one check: data, phrased only at the edge (src/checks/format.ts). */
export interface Issue {
  check: string;
  severity: Severity;
  message: string;
  received?: string;
  documented?: string;
  /** JSON pointer into the response body (or `/polls/N/…` for task histories). */
  pointer?: string;
}

/** A named, pure check: no I/O, no Playwright, no throwing for a contract violation. */
export interface Check {
  /** Stable kebab-case id stating the property as true, e.g. `status-is-documented`. */
  name: string;
  /** One sentence citing the documented rule (vcenter-contract.md section or spec text). */
  reason: string;
  severity: Severity;
  /** Whether the check has anything to judge in this evidence. */
  appliesTo(evidence: Evidence): boolean;
  /** The issues found; empty means the rule held. */
  run(evidence: Evidence): Issue[];
}

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'info';

export interface CheckResult {
  check: Pick<Check, 'name' | 'reason' | 'severity'>;
  /** The catalogue operation the evidence is about (or `-` for probes outside the catalogue). */
  operation: string;
  status: CheckStatus;
  issues: Issue[];
}
