import type { Handler } from './types';
import { createSession, deleteSession, getSession } from './handlers/session';
import { vapiError } from './errors';

const notServedYet: Handler = (request) => vapiError('ERROR', `The mock does not serve ${request.operation.id} yet.`);

/** The mocked API surface: catalogue operation id → handler (method, path and query come from the catalogue). */
export const handlers: Readonly<Record<string, Handler>> = {
  'session.create': createSession,
  'session.get': getSession,
  'session.delete': deleteSession,
  'clusters.list': notServedYet,
  'clusters.get': notServedYet,
  'clusters.upgrade': notServedYet,
  'clusters.upgradeMultiple': notServedYet,
  'software.stage': notServedYet,
  'tasks.get': notServedYet,
  'tasks.list': notServedYet,
  'tasks.cancel': notServedYet,
};
