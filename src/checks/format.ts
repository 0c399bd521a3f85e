import type { CheckResult, Issue } from './types';

/** `title`, then `Received:` / `Documented:` / `at /pointer` lines, as every failure reads. */
export function formatIssue(i: Issue): string {
  return [
    `${i.check}: ${i.message}`,
    ...(i.received !== undefined ? [`  Received:   ${i.received}`] : []),
    ...(i.documented !== undefined ? [`  Documented: ${i.documented}`] : []),
    ...(i.pointer !== undefined ? [`  at ${i.pointer || '/'}`] : []),
  ].join('\n');
}

/** A failing check result with its reason, for test errors and reports. */
export function formatResult(r: CheckResult): string {
  return [`✘ ${r.check.name} (${r.operation}) — ${r.check.reason}`, ...r.issues.map((i) => formatIssue(i).replace(/^/gm, '  '))].join('\n');
}
