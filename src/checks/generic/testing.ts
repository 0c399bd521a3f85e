import { judge } from '../run-checks';
import type { Check, Evidence, Exchange, Intent, Issue } from '../types';

/** A hand-built Exchange for check self-tests: give what matters, the rest is filled in consistently. */
export function exchange(x: {
  operation?: string;
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  method?: string;
  url?: string;
  requestBody?: string;
}): Exchange {
  const text = x.text ?? (x.body === undefined ? '' : JSON.stringify(x.body));
  let bodyIsJson = false;
  try {
    if (text !== '') JSON.parse(text);
    bodyIsJson = text !== '';
  } catch {
    bodyIsJson = false;
  }
  return {
    ...(x.operation !== undefined && { operation: x.operation }),
    request: {
      method: x.method ?? 'GET',
      url: x.url ?? '/api/session',
      headers: {},
      ...(x.requestBody !== undefined && { rawBody: x.requestBody }),
    },
    status: x.status,
    headers: x.headers ?? (text === '' ? {} : { 'content-type': 'application/json' }),
    body: bodyIsJson ? JSON.parse(text) : undefined,
    text,
    bodyIsJson,
    at: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

/** Evidence around one exchange; `valid` intent unless told. */
export function evidence(x: Exchange, intent: Intent = { kind: 'valid' }, more: Partial<Evidence> = {}): Evidence {
  return { scenario: 'a self-test case', intent, exchange: x, ...more };
}

/** A std error body (Vapi.Std.Errors.Error) of this type. */
export function vapiError(errorType: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error_type: errorType, messages: [{ id: 'vcconform.test', default_message: `A ${errorType} error.`, args: [] }], ...extra };
}

/** Whether the check finds anything to judge in the evidence. */
export const applies = (check: Check, e: Evidence): boolean => check.select(e) !== undefined;

/** The issues the check finds in the evidence ([] when it has nothing to judge there). */
export const judged = (check: Check, e: Evidence): Issue[] => judge(check, e) ?? [];
