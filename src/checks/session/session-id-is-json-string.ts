import type { Check, Evidence } from '../types';
import { issue } from '../issue';

/** The shape of a login answer, never its value: a wrapped id is not known to the redactor, so it must not be shown. */
function shapeOf(body: unknown): string {
  if (body === '') return 'an empty JSON string ""';
  if (Array.isArray(body)) return `a JSON array of ${body.length} items`;
  if (body !== null && typeof body === 'object') return `a JSON object with the keys ${Object.keys(body).join(', ') || '(none)'}`;
  return `a JSON ${body === null ? 'null' : typeof body}`;
}

export const sessionIdIsJsonString: Check<Evidence> = {
  name: 'session-id-is-json-string',
  reason:
    'POST /api/session answers with the session id as a bare JSON string (Cis.Session.Id), ' +
    'not wrapped as legacy /rest\'s {"value": …} (vcenter-contract.md §1, §2).',
  severity: 'failure',
  select: (e) => (e.exchange.operation === 'session.create' && e.exchange.status >= 200 && e.exchange.status < 300 ? e : undefined),
  run(e) {
    const { body, bodyIsJson, text } = e.exchange;
    // A session token "to be used for authenticating further requests" cannot be empty.
    if (bodyIsJson && typeof body === 'string' && body !== '') return [];
    const received = text === '' ? '(empty body)' : bodyIsJson ? shapeOf(body) : `${text.length} characters that are not JSON`;
    return [
      issue(this, 'the login answer does not carry the session id as a bare JSON string', {
        received,
        documented: 'a non-empty JSON string, e.g. "b7c4…"',
        pointer: '',
      }),
    ];
  },
};
