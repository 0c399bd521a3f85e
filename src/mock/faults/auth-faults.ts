import type { Fault } from './fault';
import { errorTypeOf } from './fault';

/** 401 with no body at all, as vcsim answers a request without a valid session (contract §9). */
export const unauthenticatedWithoutBody: Fault = {
  name: 'unauthenticated-without-body',
  breaks: '401 UNAUTHENTICATED answers carry no body, where the spec declares a Vapi.Std.Errors.Unauthenticated body (§2, §7)',
  after: (_request, response) => (response.status === 401 ? { status: 401, ...(response.headers && { headers: response.headers }) } : response),
};

/** UNAUTHORIZED at 400, as vcsim's error helper does (contract §9). */
export const unauthorizedAs400: Fault = {
  name: 'unauthorized-as-400',
  breaks: 'UNAUTHORIZED errors are answered with HTTP 400 instead of 403 (§7: UNAUTHORIZED → 403)',
  after: (_request, response) => (response.status === 403 && errorTypeOf(response) === 'UNAUTHORIZED' ? { ...response, status: 400 } : response),
};

/** Login answers 200, as legacy /rest does (contract §2 note). */
export const sessionCreate200: Fault = {
  name: 'session-create-200',
  breaks: 'POST /api/session answers 200 instead of 201 on success (§2: create → 201, bare string)',
  operations: ['session.create'],
  after: (_request, response) => (response.status === 201 ? { ...response, status: 200 } : response),
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
};

export const authFaults: readonly Fault[] = [unauthenticatedWithoutBody, unauthorizedAs400, sessionCreate200, deletedSessionAccepted];
