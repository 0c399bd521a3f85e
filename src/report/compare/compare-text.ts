import { excerpt } from '../../checks/issue';
import { BUILD_NOT_REPORTED, buildName } from '../build-name';
import type { CheckKey, Comparison, Finding, FindingKind, RunInfo, StatusPair } from './compare';
import { FINDING_KINDS } from './compare';

/** Where the two reports were read from, for the header lines. */
export interface CompareFiles {
  baseline: string;
  current: string;
}

/** Group headings, in FINDING_KINDS order. */
export const GROUP_TITLES: Readonly<Record<FindingKind, string>> = {
  'new-failure': 'New failures',
  'expired-known': 'Known failures past their expiry: they count again',
  fixed: 'Fixed',
  'no-longer-evaluated': 'No longer evaluated: failed in the baseline, not judged now',
  'still-failing': 'Still failing',
  known: 'Known failures, accepted',
  'stale-known': 'Stale known failures: nothing fails for them now, remove them from the baseline',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The one-line summary: `2 new failures, 1 fixed, 3 still failing, 1 known (accepted until 2026-12-31)`. */
export function summaryOf(c: Comparison): string {
  const n = c.counts;
  const parts = [plural(n['new-failure'], 'new failure', 'new failures')];
  if (n['expired-known']) parts.push(`${n['expired-known']} expired known (counting again)`);
  parts.push(`${n.fixed} fixed`, `${n['still-failing']} still failing`);
  if (n.known) {
    const days = [...new Set(c.findings.filter((f) => f.kind === 'known').map((f) => f.known!.expires))].sort();
    parts.push(`${n.known} known (accepted until ${days[0]}${days.length > 1 ? ' at the earliest' : ''})`);
  }
  if (n['no-longer-evaluated']) parts.push(`${n['no-longer-evaluated']} no longer evaluated`);
  if (n['stale-known']) parts.push(plural(n['stale-known'], 'stale known entry', 'stale known entries'));
  return parts.join(', ');
}

/** Said at the top when the two runs tested different targets; null when they tested the same one. */
export function targetNote(c: Comparison): string | null {
  if (c.sameTarget) return null;
  const t = (r: RunInfo) => `${r.target.kind} ${r.target.url}`;
  return (
    `Different targets: the baseline tested ${t(c.baseline)}, the current run ${t(c.current)}; ` +
    'a difference may come from the target rather than from a change.'
  );
}

/** Said at the top when both runs name their build and the builds differ; null otherwise. */
export function buildNote(c: Comparison): string | null {
  if (!c.buildChanged) return null;
  return (
    `Different builds: the baseline tested ${buildName(c.baseline.target.build!)}, the current ` +
    `run ${buildName(c.current.target.build!)}; a new or fixed failure may come from the build.`
  );
}

/** The build of a run as the comparison names it: `VMware vCenter Server 9.1.0.0 build 24321653`, or that it was not reported. */
export function runBuild(r: RunInfo): string {
  return r.target.build ? buildName(r.target.build) : `build ${BUILD_NOT_REPORTED}`;
}

/** A message on one line, cut to a readable length. */
const oneLine = (text: string, max = 200) => excerpt(text.replace(/\s+/g, ' ').trim(), max);

/** What one finding adds to its key, on one line. */
export function findingDetail(f: Finding): string {
  const first = f.evidence?.message ? `; first: ${oneLine(f.evidence.message)}` : '';
  const evals = f.evidence ? `${plural(f.evidence.failures, 'failed evaluation', 'failed evaluations')}${first}` : '';
  switch (f.kind) {
    case 'new-failure':
    case 'still-failing':
      return evals;
    case 'known':
      return `accepted until ${f.known!.expires}: ${oneLine(f.known!.reason)}`;
    case 'expired-known':
      return `was accepted until ${f.known!.expires} (${oneLine(f.known!.reason)}); ${evals}`;
    case 'stale-known':
      return `listed until ${f.known!.expires}: ${oneLine(f.known!.reason)}`;
    case 'fixed':
      return `now ${f.now}`;
    case 'no-longer-evaluated':
      return f.now === 'skipped' ? `now skipped${f.skipReason ? `: ${oneLine(f.skipReason)}` : ''}` : 'no result for it in the current run';
  }
}

export const keyText = (k: CheckKey) => `${k.operation} › ${k.check}`;

/** `500 ERROR (undocumented)`, `204`. */
export function pairText(p: StatusPair): string {
  return `${p.status}${p.errorType ? ` ${p.errorType}` : ''}${p.documented ? '' : ' (undocumented)'}`;
}

function runLine(label: string, r: RunInfo, file?: string): string {
  return (
    `${label}: ${file ? `${file} — ` : ''}${r.target.kind} ${r.target.url} (${runBuild(r)}), ` +
    `started ${r.startedAt}, verdict ${r.verdict}`
  );
}

/** The comparison for a terminal: summary first, then one line per finding, grouped. */
export function compareToText(c: Comparison, files?: CompareFiles): string {
  const lines = [summaryOf(c)];
  for (const note of [targetNote(c), buildNote(c)]) if (note) lines.push(note);
  lines.push(
    runLine('Baseline', c.baseline, files?.baseline),
    runLine('Current ', c.current, files?.current),
    `Known failures judged on ${c.today}.`,
  );
  const header = lines.length;
  const group = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  for (const kind of FINDING_KINDS) {
    group(
      GROUP_TITLES[kind],
      c.findings
        .filter((f) => f.kind === kind)
        .map((f) => {
          const detail = findingDetail(f);
          return detail ? `${keyText(f)} — ${detail}` : keyText(f);
        }),
    );
  }
  group('Warnings that appeared', c.warnings.appeared.map(keyText));
  group('Warnings that went away', c.warnings.gone.map(keyText));
  group(
    'Observed statuses that changed',
    c.statusChanges.flatMap((s) => [
      ...s.appeared.map((p) => `${s.operation} — now answers ${pairText(p)}`),
      ...s.disappeared.map((p) => `${s.operation} — no longer answers ${pairText(p)}`),
    ]),
  );
  if (lines.length === header) lines.push('', 'No differences in failures, warnings or observed statuses.');
  return `${lines.join('\n')}\n`;
}
