import type { Operation } from '../../specs/catalogue-types';
import type { Clock } from './clock';
import type { MockState, User } from './state';

/** A request as handlers see it: parsed, no socket. */
export interface MockRequest {
  method: string;
  /** Path without query, e.g. `/api/cis/tasks/abc`. */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body text ('' when none). */
  rawBody: string;
}

/** What a handler returns; the server adapter serialises it. */
export interface MockResponse {
  status: number;
  /** JSON value; `undefined` means no body (204, or a fault that drops it). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request matched to a catalogued operation, authenticated and with its body parsed and valid. */
export interface RoutedRequest extends MockRequest {
  operation: Operation;
  params: Record<string, string>;
  body: unknown;
  /** The session's user; undefined only for operations that do not use a session. */
  user?: User;
  sessionId?: string;
}

/** Everything a handler may touch. */
export interface HandlerContext {
  state: MockState;
  clock: Clock;
}

export type Handler = (request: RoutedRequest, context: HandlerContext) => MockResponse;
