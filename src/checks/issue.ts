import type { Check, Issue } from './types';

/** Builds an issue of this check. */
export function issue(
  check: Pick<Check, 'name' | 'severity'>,
  message: string,
  details: Omit<Issue, 'check' | 'severity' | 'message'> = {},
): Issue {
  return { check: check.name, severity: check.severity, message, ...details };
}

/** A short, single-line JSON rendering of a value for Received/Documented lines. */
export function show(value: unknown, max = 300): string {
  if (value === undefined) return '(nothing)';
  return excerpt(JSON.stringify(value) ?? String(value), max);
}

/** Text cut to `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
