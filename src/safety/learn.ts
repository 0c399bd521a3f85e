import type { Role } from '../target/roles';
import type { DeclaredLacks } from '../target/privileges';
import type { OutgoingRequest } from './classify';
import { readRequest } from './read-request';

/** The facts a guard keeps, updated from the target's answers. */
export interface LearnedFacts {
  /** Live sessions of this run, by id (never printed). */
  sessions: Map<string, Role>;
  /** Clusters an administrator's read answered 404 NOT_FOUND for. */
  absent: Set<string>;
  /** Task id → the cluster whose stage started it. */
  tasks: Map<string, string>;
  /** What each role's user is declared to lack. */
  lacks: Readonly<Partial<Record<Role, DeclaredLacks>>>;
}

/**
 * Updates the facts from one answered request. Each fact is learned only when the answer proves
 * it: forgetting a session or marking a cluster absent lets later requests through as
 * expected-rejected, so a doubtful answer teaches nothing.
 */
export function learnFrom(request: OutgoingRequest, response: { status: number; text: string }, facts: LearnedFacts): void {
  const { match, sessionIds } = readRequest(request);
  if (!match) return;
  const ok = response.status >= 200 && response.status < 300;
  // Only one id can have been the one logged out; with several, any of them may still be live.
  const only = sessionIds.length === 1 ? sessionIds[0] : undefined;
  switch (match.operation.id) {
    case 'session.create': {
      // Any login the run makes yields a live session, whoever asked for it: trusted as the administrator (the
      // role that may do most, so its requests class as state-changing) until the harness names its role.
      const id = response.status === 201 ? parse(response.text) : undefined;
      if (typeof id === 'string' && id !== '' && !facts.sessions.has(id)) facts.sessions.set(id, 'administrator');
      return;
    }
    case 'session.delete':
      if (ok && only !== undefined) facts.sessions.delete(only);
      return;
    case 'clusters.get': {
      const cluster = match.params.cluster!;
      if (response.status === 200) facts.absent.delete(cluster);
      // A user who may not see a cluster can be told it is not found: trust only the administrator.
      else if (
        response.status === 404 &&
        errorType(response.text) === 'NOT_FOUND' &&
        only !== undefined &&
        facts.sessions.get(only) === 'administrator'
      )
        facts.absent.add(cluster);
      return;
    }
    case 'software.stage': {
      const task = ok ? parse(response.text) : undefined;
      if (typeof task === 'string') facts.tasks.set(task, match.params.cluster!);
      return;
    }
  }
}

function errorType(text: string): unknown {
  const body = parse(text);
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error_type : undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
