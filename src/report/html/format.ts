import type { ResultStatus } from '../conformance-types';

/** Display order of result statuses, worst first. */
export const STATUSES: readonly ResultStatus[] = ['failed', 'warning', 'info', 'skipped', 'passed'];

/** How a status reads without colour: a symbol for the eye, a word for screen readers and print. */
export const STATUS_MARK: Record<ResultStatus, { symbol: string; label: string }> = {
  passed: { symbol: '✓', label: 'passed' },
  failed: { symbol: '✗', label: 'failed' },
  warning: { symbol: '!', label: 'warning' },
  info: { symbol: 'i', label: 'info' },
  skipped: { symbol: '⊘', label: 'skipped' },
};

/** A duration as people read it; deterministic (no locale). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return `${ms} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** `3 failed, 12 passed`: the non-zero counts, worst first. */
export function describeCounts(counts: Record<ResultStatus, number>): string {
  const parts = STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(', ') : 'nothing evaluated';
}

/** Pretty-prints a body when it parses as JSON; otherwise returns it unchanged. */
export function prettyBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '' || !/^[[{"\d\-tfn]/.test(trimmed)) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}

/** Cuts very long text so one huge body cannot swamp the page; says how much was left out. */
export function clip(text: string, max = 20_000): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}

/** Numbers in SVG coordinates: short and locale-free. */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}
