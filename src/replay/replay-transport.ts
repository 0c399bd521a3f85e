import { escapeRegExp } from '../util/escape-regexp';
import type { Transport } from '../client/api-client';
import { pathAndQuery } from '../client/path-and-query';
import { NotRecordedError, readCassette, type Cassette, type CassetteRequest, type TestName } from './cassette';

/**
 * Replays a cassette as the ApiClient's Transport: no network, no global state. Requests must come
 * in the recorded order; each is matched on method, path and query, body and request headers, where
 * a placeholder (`<redacted:KIND>`) in the recording matches any value in its place. A login is
 * answered with the recorded placeholder (`"<redacted:session-id>"`), so the session id the client
 * then sends is that placeholder, and matches the later recorded requests.
 */
export interface Replay {
  transport: Transport;
  cassette: Cassette;
  /** How many recorded requests have been answered. */
  readonly served: number;
  /** Throws unless every recorded request was sent (like nock's `scope.done()`). */
  done(): void;
}

/** Creates a replay of the cassette of one test in `dir` (see readCassette for its errors). */
export function loadReplay(dir: string, name: TestName): Replay {
  return createReplay(readCassette(dir, name));
}

export function createReplay(cassette: Cassette): Replay {
  let served = 0;
  const where = () => `${cassette.test}${cassette.file ? ` in ${cassette.file}` : ''}`;
  const transport: Transport = async (request) => {
    const actual = {
      method: request.method.toUpperCase(),
      url: pathAndQuery(request.url),
      headers: lowerCase(request.headers),
      body: request.body,
    };
    const entry = cassette.exchanges[served];
    if (!entry) {
      throw new NotRecordedError(
        `[vcconform] not recorded: ${actual.method} ${actual.url} (the cassette of ${where()} has only ${cassette.exchanges.length} ` +
          `request${cassette.exchanges.length === 1 ? '' : 's'}; this was request #${served + 1})`,
      );
    }
    const difference = differs(entry.request, actual);
    if (difference) {
      throw new NotRecordedError(
        `[vcconform] not recorded: ${actual.method} ${actual.url}${difference.actual} ` +
          `(expected ${entry.request.method} ${entry.request.url}${difference.expected} as request #${served + 1} of ${where()})`,
      );
    }
    served += 1;
    return { status: entry.response.status, headers: { ...entry.response.headers }, text: entry.response.text };
  };
  return {
    transport,
    cassette,
    get served() {
      return served;
    },
    done() {
      const left = cassette.exchanges.length - served;
      if (left <= 0) return;
      const next = cassette.exchanges[served]!.request;
      throw new NotRecordedError(
        `[vcconform] Replay of ${where()} incomplete: ${left} recorded request${left === 1 ? ' was' : 's were'} not sent, ` +
          `the first is ${next.method} ${next.url} (request #${served + 1}). ` +
          'The test sends fewer requests than when it was recorded; record it again.',
      );
    },
  };
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

const PLACEHOLDER = /<redacted(?::[\w-]+)?>/g;

/** A matcher for a recorded text: literal, except each placeholder matches any non-empty `slot`. */
function pattern(recorded: string, slot: string): RegExp {
  const parts = recorded.split(PLACEHOLDER).map(escapeRegExp);
  return new RegExp(`^${parts.join(slot)}$`);
}

const URL_SLOT = '[^/?&#]+';
/** Inside JSON strings (escapes included) or any other text up to a quote. */
const BODY_SLOT = '(?:[^"\\\\]|\\\\.)+';
const HEADER_SLOT = '.+';

/** How the request differs from the recorded one (each side phrased for the message), or undefined when it matches. */
function differs(
  recorded: CassetteRequest,
  actual: { method: string; url: string; headers: Record<string, string>; body?: string },
): { actual: string; expected: string } | undefined {
  if (recorded.method.toUpperCase() !== actual.method || !pattern(recorded.url, URL_SLOT).test(actual.url))
    return { actual: '', expected: '' };
  if (
    recorded.body !== actual.body &&
    (recorded.body === undefined || actual.body === undefined || !pattern(recorded.body, BODY_SLOT).test(actual.body))
  ) {
    return { actual: ` with ${bodyText(actual.body)}`, expected: ` with ${bodyText(recorded.body)}` };
  }
  const names = new Set([...Object.keys(recorded.headers), ...Object.keys(actual.headers)]);
  for (const name of [...names].sort()) {
    const want = recorded.headers[name];
    const got = actual.headers[name];
    if (!headerMatches(name, want, got))
      return { actual: ` with ${headerText(name, got, true)}`, expected: ` with ${headerText(name, want, false)}` };
  }
  return undefined;
}

function headerMatches(name: string, recorded: string | undefined, actual: string | undefined): boolean {
  if (recorded === undefined || actual === undefined) return recorded === actual;
  // Recorded as `<scheme> <redacted>`: any credentials of that scheme.
  if (name === 'authorization') return scheme(recorded) === scheme(actual);
  return pattern(recorded, HEADER_SLOT).test(actual);
}

const scheme = (value: string) => (value.split(' ')[0] ?? '').toLowerCase();

/** A header for a message; credentials of the live request are never shown. */
function headerText(name: string, value: string | undefined, live: boolean): string {
  if (value === undefined) return `no ${name} header`;
  if (live && name === 'authorization') return `${name}: ${value.split(' ')[0] ?? ''} …`;
  if (live && name === 'vmware-api-session-id' && value !== '' && !/^<redacted(?::[\w-]+)?>$/.test(value)) return `${name}: …`;
  return `${name}: ${JSON.stringify(value)}`;
}

function bodyText(body: string | undefined): string {
  if (body === undefined) return 'no body';
  return `body ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
}
