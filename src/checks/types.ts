import type { ErrorType } from '../../specs/catalogue-types';
import type { Exchange, TaskHistory } from '../client/exchange';
import type { UpgradePoll } from '../tasks/upgrade-results';

// What a client records, below the checks (the client and the task pollers use them without knowing of checks).
export type { Exchange, RecordedRequest, TaskHistory } from '../client/exchange';

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
  /** Values the scenario knows from the target's inventory: named, so a misspelt one is a type error, never a silent skip. */
  facts?: Facts;
  /** fast-check seed and path of the run that produced this evidence, if any. */
  /** `selects`: the `vcconform run` flags that select the same target and faults (--fault, --profile, --target, --replay). */
  replay?: { seed: number; path?: string; selects?: string[] };
}

/**
 * What a scenario knows from the target's inventory or its own doing, for the checks that need it (each check
 * applies only when the facts it reads are given). Cluster ids come from the profile's roles.
 */
export interface Facts {
  /** Every HostSystem id of the staged cluster. */
  allHosts?: readonly string[];
  /** The staged cluster's commits, oldest first, and the latest of them. */
  commits?: readonly string[];
  latestCommit?: string;
  /** The target's WCP-enabled clusters (what the clusters list must include). */
  wcpClusters?: readonly string[];
  /** Clusters of an upgrade call whose pre-check of the requested version is clean, has warnings only, or has errors. */
  upgradableClusters?: readonly string[];
  warningsClusters?: readonly string[];
  errorsClusters?: readonly string[];
  /** Cluster ids the target does not have (verified), and clusters without WCP. */
  unknownClusters?: readonly string[];
  nonWcpClusters?: readonly string[];
  /** How the clusters an upgrade call started were read back (src/tasks/poll-upgrades.ts). */
  upgradePoll?: UpgradePoll;
  /** The member a read asks for was listed by its collection read (the operation id), under the same path parameters. */
  listedMember?: { param: string; id: string; collection: string };
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

/**
 * A named, pure check: no I/O, no Playwright, no throwing for a contract violation. `S` is its subject: what
 * `select` finds in the evidence (the task history, the batch's results, the operation…), handed to `run` as
 * found, so `run` neither derives it again nor asserts it is there.
 */
export interface Check<S = unknown> {
  /** Stable kebab-case id stating the property as true, e.g. `status-is-documented`. */
  name: string;
  /** One sentence citing the documented rule (vcenter-contract.md section or spec text). */
  reason: string;
  severity: Severity;
  /** The subject this check judges in the evidence, or undefined when there is nothing for it to judge. */
  select(evidence: Evidence): S | undefined;
  /** The issues found in the subject; empty means the rule held. */
  run(subject: S, evidence: Evidence): Issue[];
}

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'info';

export interface CheckResult {
  check: Pick<Check, 'name' | 'reason' | 'severity'>;
  /** The catalogue operation the evidence is about (or `-` for probes outside the catalogue). */
  operation: string;
  status: CheckStatus;
  issues: Issue[];
}
