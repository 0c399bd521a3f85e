import { isObject } from '../util/is-object';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../checks/types';
import { writeFileAtomic } from '../util/write-file-atomic';

/**
 * A cassette: the exchanges of one test, in the order they were sent, as JSON. Secrets are
 * placeholders (`<redacted:session-id>`, `<redacted:password>`, `Basic <redacted>`): the cassette
 * is built from the ApiClient's exchanges, which are redacted at record time.
 */
export const CASSETTE_FORMAT = 'vcconform-cassette';
export const CASSETTE_VERSION = 1;

export interface CassetteRequest {
  method: string;
  /** Path and query as sent, e.g. `/api/cis/tasks/52a…?exclude_result=true`. */
  url: string;
  /** Request headers, lower-case names, credentials masked. */
  headers: Record<string, string>;
  /** The body text as sent (redacted), when there was one. */
  body?: string;
}

export interface CassetteResponse {
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body text as received (redacted). */
  text: string;
}

export interface CassetteEntry {
  /** The catalogue operation id, when the request addressed one. */
  operation?: string;
  request: CassetteRequest;
  response: CassetteResponse;
}

export interface Cassette {
  format: typeof CASSETTE_FORMAT;
  version: typeof CASSETTE_VERSION;
  /** The test's title path, joined with ` › ` (for messages). */
  test: string;
  recordedAt: string;
  exchanges: CassetteEntry[];
  /** Where it was read from; set by readCassette, never written. */
  file?: string;
}

/** A test's name: its title path (e.g. Playwright's `testInfo.titlePath`) or one string. */
export type TestName = string | readonly string[];

export function testTitle(name: TestName): string {
  return typeof name === 'string' ? name : name.join(' › ');
}

/**
 * A safe, stable file name for a test: a readable slug of its title path (ASCII letters, digits,
 * `.`, `_`, `-`; at most 100 characters) and a short hash of the full title, so titles that slug
 * alike (`a/b` and `a b`, or differing only in case) never share a cassette.
 */
export function cassetteFileName(name: TestName): string {
  const title = testTitle(name);
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100)
    .replace(/[-.]+$/, '');
  const hash = createHash('sha256').update(title).digest('hex').slice(0, 10);
  return `${slug || 'test'}-${hash}.cassette.json`;
}

export function cassettePath(dir: string, name: TestName): string {
  return join(dir, cassetteFileName(name));
}

/** The cassette entry for one (already redacted) exchange. */
export function toEntry(e: Exchange): CassetteEntry {
  return {
    ...(e.operation !== undefined && { operation: e.operation }),
    request: {
      method: e.request.method,
      url: e.request.url,
      headers: { ...e.request.headers },
      ...(e.request.rawBody !== undefined && { body: e.request.rawBody }),
    },
    response: { status: e.status, headers: { ...e.headers }, text: e.text },
  };
}

/** Writes the exchanges of one test as its cassette (atomically; the directory is created). Returns the file path. */
export function writeCassette(dir: string, name: TestName, exchanges: readonly Exchange[]): string {
  return writeCassetteEntries(dir, name, exchanges.map(toEntry));
}

/** Writes already redacted entries (as the wire carried them) as the test's cassette. Returns the file path. */
export function writeCassetteEntries(dir: string, name: TestName, entries: readonly CassetteEntry[]): string {
  const cassette: Cassette = {
    format: CASSETTE_FORMAT,
    version: CASSETTE_VERSION,
    test: testTitle(name),
    recordedAt: new Date().toISOString(),
    exchanges: [...entries],
  };
  mkdirSync(dir, { recursive: true });
  const file = cassettePath(dir, name);
  writeFileAtomic(file, `${JSON.stringify(cassette, null, 2)}\n`);
  return file;
}

/** Thrown when a test or a request has no recording: replay cannot answer it. */
export class NotRecordedError extends Error {
  override name = 'NotRecordedError';
}

/** Thrown for a cassette file that is not valid JSON or not a cassette of this version. */
export class CassetteError extends Error {
  override name = 'CassetteError';
}

/** Reads and validates the cassette of one test. */
export function readCassette(dir: string, name: TestName): Cassette {
  const file = cassettePath(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NotRecordedError(
        `[vcconform] not recorded: no cassette for ${testTitle(name)} (looked ` +
          `for ${file}). Record it with --record, or run without --replay.`,
      );
    }
    throw new CassetteError(`[vcconform] Failed to read cassette ${file}: ${(error as Error).message}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CassetteError(`[vcconform] Failed to read cassette ${file}: not valid JSON (${(error as Error).message}). Record it again.`);
  }
  const problem = cassetteProblem(value);
  if (problem) throw new CassetteError(`[vcconform] Failed to read cassette ${file}: ${problem}. Record it again.`);
  return { ...(value as Cassette), file };
}

const isStringMap = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** What makes the value not a cassette of this version, or undefined when it is one. */
export function cassetteProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'expected a JSON object';
  if (value.format !== CASSETTE_FORMAT) return `"format" is ${JSON.stringify(value.format)}, expected "${CASSETTE_FORMAT}"`;
  if (value.version !== CASSETTE_VERSION)
    return `"version" is ${JSON.stringify(value.version)}, this vcconform reads version ${CASSETTE_VERSION}`;
  if (typeof value.test !== 'string') return '"test" must be a string';
  if (typeof value.recordedAt !== 'string') return '"recordedAt" must be a string';
  if (!Array.isArray(value.exchanges)) return '"exchanges" must be an array';
  for (const [i, e] of value.exchanges.entries()) {
    const at = `/exchanges/${i}`;
    if (!isObject(e)) return `${at} must be an object`;
    if (e.operation !== undefined && typeof e.operation !== 'string') return `${at}/operation must be a string`;
    const { request, response } = e;
    if (!isObject(request)) return `${at}/request must be an object`;
    if (typeof request.method !== 'string' || request.method === '') return `${at}/request/method must be a non-empty string`;
    if (typeof request.url !== 'string') return `${at}/request/url must be a string`;
    if (!isStringMap(request.headers)) return `${at}/request/headers must be an object of strings`;
    if (request.body !== undefined && typeof request.body !== 'string') return `${at}/request/body must be a string`;
    if (!isObject(response)) return `${at}/response must be an object`;
    if (!Number.isInteger(response.status) || (response.status as number) < 100 || (response.status as number) > 599)
      return `${at}/response/status must be an HTTP status (100-599)`;
    if (!isStringMap(response.headers)) return `${at}/response/headers must be an object of strings`;
    if (typeof response.text !== 'string') return `${at}/response/text must be a string`;
  }
  return undefined;
}
