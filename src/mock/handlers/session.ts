import { basicCredentials, unauthenticated } from './auth';
import type { Handler } from '../types';

/** POST /api/session: Basic credentials → 201 and the session id as a bare JSON string. */
export const createSession: Handler = (request, { state }) => {
  const credentials = basicCredentials(request.headers.authorization);
  const user = credentials && state.users.get(credentials.username);
  if (!user || user.password !== credentials?.password) return unauthenticated();
  return { status: 201, body: state.createSession(user).id };
};

/** GET /api/session: who the session belongs to and its times. */
export const getSession: Handler = (request, { state }) => {
  const session = state.sessions.get(request.sessionId!)!;
  return {
    status: 200,
    body: {
      user: session.user.username,
      created_time: new Date(session.createdAt).toISOString(),
      last_accessed_time: new Date(session.lastAccessedAt).toISOString(),
    },
  };
};

/** DELETE /api/session: 204; the id is rejected afterwards. */
export const deleteSession: Handler = (request, { state }) => {
  state.sessions.delete(request.sessionId!);
  return { status: 204 };
};
