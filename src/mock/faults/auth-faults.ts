import { unauthenticated } from '../handlers/auth';
import { SESSION, AUTH } from './proof-suites';
import type { Fault } from './fault';
import { errorTypeOf } from '../../util/error-type';
import { isObject, perMock } from './fault';

/** 401 with no body at all, as vcsim answers a request without a valid session (contract §9). */
export const unauthenticatedWithoutBody: Fault = {
  name: 'unauthenticated-without-body',
  breaks: '401 UNAUTHENTICATED answers carry no body, where the spec declares a Vapi.Std.Errors.Unauthenticated body (§2, §7)',
  after: (_request, response) =>
    response.status === 401 ? { status: 401, ...(response.headers && { headers: response.headers }) } : response,
  caughtBy: { checks: ['unauthenticated-is-401', 'body-matches-schema'], suites: SESSION },
};

/** UNAUTHORIZED at 400, as vcsim's error helper does (contract §9). */
export const unauthorizedAs400: Fault = {
  name: 'unauthorized-as-400',
  breaks: 'UNAUTHORIZED errors are answered with HTTP 400 instead of 403 (§7: UNAUTHORIZED → 403)',
  after: (_request, response) =>
    response.status === 403 && errorTypeOf(response.body) === 'UNAUTHORIZED' ? { ...response, status: 400 } : response,
  caughtBy: { checks: ['unprivileged-is-403-unauthorized', 'error-type-matches-status'], suites: ['suites/auth.privileges'] },
};

/** Login answers 200, as legacy /rest does (contract §2 note). */
export const sessionCreate200: Fault = {
  name: 'session-create-200',
  breaks: 'POST /api/session answers 200 instead of 201 on success (§2: create → 201, bare string)',
  operations: ['session.create'],
  after: (_request, response) => (response.status === 201 ? { ...response, status: 200 } : response),
  caughtBy: { checks: ['status-is-documented'], suites: SESSION },
};

/**
 * Logout says 204 but the session lives on. The app authenticates before any fault runs, so a
 * fault cannot resurrect a deleted session on a later call; instead this fault answers the delete
 * itself, and the handler that would remove the session never runs.
 */
export const deletedSessionAccepted: Fault = {
  name: 'deleted-session-accepted',
  breaks: 'a session id still works after DELETE /api/session answered 204 (§2: a deleted session gives 401 on any later call)',
  operations: ['session.delete'],
  before: () => ({ status: 204 }),
  caughtBy: { checks: ['unauthenticated-is-401'], suites: SESSION },
};

/** The session id comes wrapped, as legacy /rest answers `{"value": id}` (contract §2 note). */
export const sessionIdWrapped: Fault = {
  name: 'session-id-wrapped',
  breaks: 'POST /api/session answers {"value": id} instead of the bare JSON string (§1, §2: the session id is a bare string)',
  operations: ['session.create'],
  after: (_request, response) => (response.status === 201 ? { ...response, body: { value: response.body } } : response),
  caughtBy: { checks: ['session-id-is-json-string', 'body-matches-schema'], suites: SESSION },
};

/** GET /api/session reports a last access one second before the session was created. */
export const sessionAccessedBeforeCreated: Fault = {
  name: 'session-accessed-before-created',
  breaks:
    'GET /api/session reports last_accessed_time one second before created_time (§2: ' +
    'created_time ≤ last_accessed_time, which only moves forward)',
  operations: ['session.get'],
  after: (_request, response) => {
    if (response.status !== 200 || !isObject(response.body) || typeof response.body.created_time !== 'string') return response;
    const before = new Date(Date.parse(response.body.created_time) - 1000).toISOString();
    return { ...response, body: { ...response.body, last_accessed_time: before } };
  },
  caughtBy: { checks: ['session-times-are-ordered'], suites: SESSION },
};

/** 401 bodies without `challenge`, and no WWW-Authenticate header: a client cannot tell how to authenticate. */
export const unauthenticatedWithoutChallenge: Fault = {
  name: 'unauthenticated-without-challenge',
  breaks:
    '401 UNAUTHENTICATED bodies carry no challenge and no WWW-Authenticate ' +
    'header (Vapi.Std.Errors.Unauthenticated.challenge, §1, §6; advisory)',
  after(_request, response) {
    if (response.status !== 401 || !isObject(response.body)) return response;
    const { challenge: _challenge, ...body } = response.body;
    const { 'www-authenticate': _header, ...headers } = response.headers ?? {};
    return { ...response, body, headers };
  },
  caughtBy: { checks: ['unauthenticated-carries-challenge'], suites: AUTH, grep: 'session.get refuses' },
};

const getsOfSession = perMock(() => new Map<string, number>());

/**
 * The first get of a session reports last_accessed_time one second after created_time (or later, if
 * it was), every later get created_time again: the time goes back, and never before created_time.
 */
export const sessionAccessTimeGoesBack: Fault = {
  name: 'session-access-time-goes-back',
  breaks:
    'GET /api/session reports a last_accessed_time earlier than an earlier ' +
    'get of the same session did (§2: last_accessed_time only moves forward)',
  operations: ['session.get'],
  after(request, response, context) {
    const body = response.body;
    if (
      response.status !== 200 ||
      !isObject(body) ||
      typeof body.created_time !== 'string' ||
      typeof body.last_accessed_time !== 'string' ||
      !request.sessionId
    )
      return response;
    const gets = getsOfSession.of(context);
    const n = gets.get(request.sessionId) ?? 0;
    gets.set(request.sessionId, n + 1);
    const created = Date.parse(body.created_time);
    const accessed = n === 0 ? Math.max(Date.parse(body.last_accessed_time), created + 1000) : created;
    return { ...response, body: { ...body, last_accessed_time: new Date(accessed).toISOString() } };
  },
  reset: (context) => getsOfSession.forget(context),
  caughtBy: { checks: ['session-times-are-ordered'], suites: SESSION, grep: 'last_accessed_time never goes back' },
};

/** Every call that needs a session is refused as unauthenticated, although the session is live. */
export const liveSessionRefused: Fault = {
  name: 'live-session-refused',
  breaks: 'a request with a live session id is answered 401 UNAUTHENTICATED (§2: 401 is only for a missing or unknown session)',
  before: (request) => (request.operation.auth === 'session' ? unauthenticated() : request),
  caughtBy: { checks: ['authenticated-is-not-401'], suites: AUTH },
};

/** 401 and 403 bodies say which part of the credentials or which privilege was wrong, in `data`. */
export const authErrorsWithData: Fault = {
  name: 'auth-errors-with-data',
  breaks: 'UNAUTHENTICATED and UNAUTHORIZED errors carry data naming what was wrong (§6: data is missing or null on them)',
  after: (_request, response) =>
    isObject(response.body) && ['UNAUTHENTICATED', 'UNAUTHORIZED'].includes(String(errorTypeOf(response.body)))
      ? {
          ...response,
          body: { ...response.body, data: { reason: 'the session id is unknown or the privilege Namespaces.Upgrade is missing' } },
        }
      : response,
  caughtBy: { checks: ['auth-errors-carry-no-data'], suites: ['suites/auth'] },
};

export const authFaults: readonly Fault[] = [
  unauthenticatedWithoutBody,
  unauthenticatedWithoutChallenge,
  unauthorizedAs400,
  sessionCreate200,
  deletedSessionAccepted,
  sessionIdWrapped,
  sessionAccessedBeforeCreated,
  sessionAccessTimeGoesBack,
  liveSessionRefused,
  authErrorsWithData,
];
