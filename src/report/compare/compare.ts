import { UsageError } from '../../errors';
import { sameBuild } from '../build-name';
import type { CheckOutcome, ConformanceReport, KnownFailure, OperationCoverage, ResultStatus } from '../conformance-types';

/**
 * What happened to one (operation, check) between a baseline run and the current run.
 * new-failure and expired-known are regressions (exit 1); the others are not.
 */
export type FindingKind = 'new-failure' | 'expired-known' | 'fixed' | 'no-longer-evaluated' | 'still-failing' | 'known' | 'stale-known';

/** The order findings are grouped and counted in: regressions first. */
export const FINDING_KINDS: readonly FindingKind[] = [
  'new-failure',
  'expired-known',
  'fixed',
  'no-longer-evaluated',
  'still-failing',
  'known',
  'stale-known',
];

export interface CheckKey {
  operation: string;
  check: string;
}

export interface Finding extends CheckKey {
  kind: FindingKind;
  /** known, expired-known, stale-known: the baseline's entry. */
  known?: KnownFailure;
  /** Failing now (new-failure, expired-known, still-failing, known): how many evaluations failed, and the first. */
  evidence?: { failures: number; test: string; message: string };
  /** fixed: the status now; no-longer-evaluated: `skipped`, or `absent` when no result names the key. */
  now?: ResultStatus | 'absent';
  /** no-longer-evaluated: why the operation's tests were skipped now, when they were. */
  skipReason?: string;
}

/** An observed (status, error type) pair of an operation (coverage.statuses with observed > 0). */
export interface StatusPair {
  status: number;
  errorType: string | null;
  documented: boolean;
}

/** Per operation: the pairs seen now but not in the baseline, and those seen then but no longer. */
export interface StatusChange {
  operation: string;
  appeared: StatusPair[];
  disappeared: StatusPair[];
}

export interface RunInfo {
  target: ConformanceReport['target'];
  startedAt: string;
  verdict: ConformanceReport['verdict'];
  harnessVersion: string;
}

export interface Comparison {
  /** The day known failures were judged against (YYYY-MM-DD). */
  today: string;
  baseline: RunInfo;
  current: RunInfo;
  /** False when the runs tested different targets (a mock against a live vCenter, two vCenters). */
  sameTarget: boolean;
  /** True when both runs name their build and the builds differ; false when they are the same or either is not reported. */
  buildChanged: boolean;
  /** Grouped by kind in FINDING_KINDS order, then by operation and check. */
  findings: Finding[];
  counts: Record<FindingKind, number>;
  /** Warning-severity results that appeared or went away (information, never a regression). */
  warnings: { appeared: CheckKey[]; gone: CheckKey[] };
  statusChanges: StatusChange[];
  /** True when a failure counts against the current run: a new failure or an expired known failure. */
  regressed: boolean;
}

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const keyOf = (k: CheckKey) => `${k.operation}\u0000${k.check}`;
const byKey = (a: CheckKey, b: CheckKey) => a.operation.localeCompare(b.operation) || a.check.localeCompare(b.check);

/** Each (operation, check) result's status; a failed evaluation wins over any other entry for the key. */
function statusesOf(results: readonly CheckOutcome[]): Map<string, { key: CheckKey; status: ResultStatus }> {
  const map = new Map<string, { key: CheckKey; status: ResultStatus }>();
  for (const r of results) {
    const prior = map.get(keyOf(r));
    if (!prior || r.status === 'failed') map.set(keyOf(r), { key: { operation: r.operation, check: r.check }, status: r.status });
  }
  return map;
}

/** The baseline's known failures, each `expires` checked; a bad date names its entry. */
function knownEntries(baseline: ConformanceReport): KnownFailure[] {
  const entries = baseline.knownFailures ?? [];
  entries.forEach((k, i) => {
    if (!isIsoDate(k.expires)) {
      throw new UsageError(
        `knownFailures[${i}] (${k.operation} › ${k.check}) has expires ${JSON.stringify(k.expires)}, which is not a YYYY-MM-DD date`,
      );
    }
  });
  return entries;
}

/** The entry for this key that lasts longest, if any. */
function knownFor(entries: readonly KnownFailure[], key: CheckKey): KnownFailure | undefined {
  return entries
    .filter((k) => k.operation === key.operation && k.check === key.check)
    .sort((a, b) => b.expires.localeCompare(a.expires))[0];
}

function evidenceOf(report: ConformanceReport, key: CheckKey): Finding['evidence'] {
  const failures = report.failures.filter((f) => f.operation === key.operation && f.check === key.check);
  const first = failures[0];
  return { failures: failures.length, test: first?.test ?? '', message: first?.issues[0]?.message ?? '' };
}

/** Classifies the failures of the current run against the baseline and its known failures. */
function failureFindings(
  baseline: ConformanceReport,
  current: ConformanceReport,
  known: readonly KnownFailure[],
  today: string,
): Finding[] {
  const before = statusesOf(baseline.results);
  const now = statusesOf(current.results);
  const findings: Finding[] = [];
  for (const [id, { key, status }] of now) {
    if (status !== 'failed') continue;
    const entry = knownFor(known, key);
    const evidence = evidenceOf(current, key);
    // `expires` is the last day the acceptance holds: on that day it still covers the failure.
    if (entry && entry.expires >= today) findings.push({ kind: 'known', ...key, known: entry, evidence });
    else if (entry) findings.push({ kind: 'expired-known', ...key, known: entry, evidence });
    else findings.push({ kind: before.get(id)?.status === 'failed' ? 'still-failing' : 'new-failure', ...key, evidence });
  }
  for (const [id, { key, status }] of before) {
    if (status !== 'failed') continue;
    const after = now.get(id)?.status;
    if (after === 'failed') continue;
    if (after === undefined || after === 'skipped') {
      // Skipped tests evaluate nothing, so their entry names the operation only (check `*`).
      const skip = current.results.find(
        (r) => r.operation === key.operation && r.status === 'skipped' && (r.check === '*' || r.check === key.check),
      );
      findings.push({
        kind: 'no-longer-evaluated',
        ...key,
        now: skip ? 'skipped' : 'absent',
        ...(skip?.reason !== undefined && { skipReason: skip.reason }),
      });
    } else findings.push({ kind: 'fixed', ...key, now: after });
  }
  const failingNow = new Set([...now].filter(([, v]) => v.status === 'failed').map(([id]) => id));
  for (const entry of known)
    if (!failingNow.has(keyOf(entry))) findings.push({ kind: 'stale-known', operation: entry.operation, check: entry.check, known: entry });
  return findings;
}

function warningChanges(baseline: ConformanceReport, current: ConformanceReport): Comparison['warnings'] {
  const warned = (r: ConformanceReport) =>
    new Map([...statusesOf(r.results)].filter(([, v]) => v.status === 'warning').map(([id, v]) => [id, v.key]));
  const before = warned(baseline);
  const now = warned(current);
  return {
    appeared: [...now]
      .filter(([id]) => !before.has(id))
      .map(([, k]) => k)
      .sort(byKey),
    gone: [...before]
      .filter(([id]) => !now.has(id))
      .map(([, k]) => k)
      .sort(byKey),
  };
}

function observedPairs(coverage: readonly OperationCoverage[], operation: string): Map<string, StatusPair> {
  const statuses = coverage.filter((c) => c.operation === operation).flatMap((c) => c.statuses);
  return new Map(
    statuses
      .filter((s) => s.observed > 0)
      .map((s) => [`${s.status} ${s.errorType}`, { status: s.status, errorType: s.errorType, documented: s.documented }]),
  );
}

/** Per operation, the (status, error type) pairs observed now but not before, and before but not now. */
function statusChanges(baseline: ConformanceReport, current: ConformanceReport): StatusChange[] {
  const operations = [...new Set([...baseline.coverage, ...current.coverage].map((c) => c.operation))].sort();
  const byPair = (a: StatusPair, b: StatusPair) => a.status - b.status || String(a.errorType).localeCompare(String(b.errorType));
  return operations.flatMap((operation) => {
    const before = observedPairs(baseline.coverage, operation);
    const now = observedPairs(current.coverage, operation);
    const appeared = [...now]
      .filter(([p]) => !before.has(p))
      .map(([, s]) => s)
      .sort(byPair);
    const disappeared = [...before]
      .filter(([p]) => !now.has(p))
      .map(([, s]) => s)
      .sort(byPair);
    return appeared.length || disappeared.length ? [{ operation, appeared, disappeared }] : [];
  });
}

const runInfo = (r: ConformanceReport): RunInfo => ({
  target: r.target,
  startedAt: r.startedAt,
  verdict: r.verdict,
  harnessVersion: r.harness.version,
});

/** Two runs tested the same target: both the mock (its URL changes every run), or the same URL. */
function sameTarget(a: ConformanceReport['target'], b: ConformanceReport['target']): boolean {
  return a.kind === b.kind && (a.kind === 'mock' || a.url === b.url);
}

/**
 * Compares the current run with a baseline: which failures are new, fixed, still failing, accepted
 * by the baseline's known failures (until their `expires` day, inclusive) or no longer evaluated.
 */
export function compare(baseline: ConformanceReport, current: ConformanceReport, options: { today: string }): Comparison {
  if (!isIsoDate(options.today)) throw new UsageError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(options.today)}`);
  const known = knownEntries(baseline);
  const order = (f: Finding) => FINDING_KINDS.indexOf(f.kind);
  const findings = failureFindings(baseline, current, known, options.today).sort((a, b) => order(a) - order(b) || byKey(a, b));
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<
    FindingKind,
    number
  >;
  return {
    today: options.today,
    baseline: runInfo(baseline),
    current: runInfo(current),
    sameTarget: sameTarget(baseline.target, current.target),
    buildChanged:
      baseline.target.build !== null && current.target.build !== null && !sameBuild(baseline.target.build, current.target.build),
    findings,
    counts,
    warnings: warningChanges(baseline, current),
    statusChanges: statusChanges(baseline, current),
    regressed: counts['new-failure'] + counts['expired-known'] > 0,
  };
}
