import { clustersNamed, type RouteMatch } from '../catalogue/router';
import type { Role } from '../target/roles';
import type { DeclaredLacks } from '../target/privileges';
import { clusterSegments, readBody, readRequest } from './read-request';
import { missingPrivilege } from './role-model';

export type RequestClass = 'read-only' | 'expected-rejected' | 'state-changing';

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SafetyFacts {
  /** The role of a live session the harness created and has not deleted; undefined for any other id. */
  sessionRole(sessionId: string): Role | undefined;
  /** Whether the target answered 404 NOT_FOUND for this cluster id on a read earlier in the run. */
  isAbsent(clusterId: string): boolean;
  /** What the user of each role is declared to lack (the profile's users.<role>.lacks/lacksOn). */
  lacksOf(role: Role): DeclaredLacks | undefined;
  /** The cluster whose stage started this task (learned from the stage answer); undefined if unknown. */
  taskCluster?(taskId: string): string | undefined;
}

export interface Classification {
  class: RequestClass;
  /** Catalogue operation id, or 'unlisted' for a request no catalogued operation matches (probes). */
  operation: string;
  /** One sentence for people: why this class (e.g. 'no session: a vCenter refuses it with 401 before acting'). */
  reason: string;
  /** Cluster ids the request could change (state-changing only; [] when it names none it can be pinned to). */
  clusters: string[];
}

const UNLISTED = 'unlisted';

/** The key a test's plan lists for a request it means to send, e.g. `software.stage:state-changing`. */
export function planKey(operation: string, cls: RequestClass): string {
  return `${operation}:${cls}`;
}

/**
 * Classifies a request by what it could do to the target. The rules run in order, the first that
 * applies wins; a request is expected-rejected only when every reading of it is refused.
 */
export function classify(request: OutgoingRequest, facts: SafetyFacts): Classification {
  const reading = readRequest(request);
  const { match } = reading;
  const operation = match?.operation.id ?? UNLISTED;
  const result = (cls: RequestClass, reason: string, clusters: string[] = []): Classification => ({
    class: cls,
    operation,
    reason,
    clusters,
  });

  // 1. HTTP makes GET and HEAD safe methods; the vCenter API changes nothing on them.
  if (reading.method === 'GET' || reading.method === 'HEAD') return result('read-only', `${reading.method} only reads`);
  // 1b. Logging in or out changes no inventory, whatever the credentials (session.create, session.delete).
  if (match?.operation.class === 'session')
    return result('read-only', 'a session is not inventory state: logging in or out changes no cluster');
  // 1c. POSTs the catalogue documents as reads (tasks.list) read only.
  if (match?.operation.class === 'read-only') return result('read-only', `the catalogue documents ${operation} as a read`);

  // 2. Without a live session of ours a vCenter refuses the request with 401 before acting.
  const roles = [...new Set(reading.sessionIds.map((id) => facts.sessionRole(id)).filter((r): r is Role => r !== undefined))];
  if (roles.length === 0)
    return result('expected-rejected', `${unauthenticatedWhy(reading.sessionIds)}: a vCenter refuses it with 401 before acting`);

  // A probe's meaning is unknown: only its path can pin it, absent or not (it might create what it names).
  if (!match) return result('state-changing', 'no catalogued operation matches it, so it may change state', clusterSegments(reading.path));

  // 3. A body the operation's schema rejects is refused with 400 INVALID_ARGUMENT before acting.
  const body = readBody(match.operation, request.body);
  if (!body.ok) return result('expected-rejected', `invalid input: ${body.why}: a vCenter refuses it with 400 before acting`);
  const named = clustersNamed(match, body.value);

  // 4. A role declared to lack the privilege is refused (403); upgradeMultiple refuses the whole batch if any key is denied.
  const missing = roles.map((role) => [role, missingPrivilege(facts.lacksOf(role), match.operation, named)] as const);
  if (missing.every(([, lacks]) => lacks !== undefined)) {
    const what = missing.map(([role, lacks]) => `the ${role} role lacks ${lacks}`).join(' and ');
    return result('expected-rejected', `unprivileged: ${what} (declared in the profile): a vCenter refuses it before acting`);
  }

  // 5. Clusters the target already said it cannot find (404 on a read) cannot be changed.
  const absent = named.filter((id) => facts.isAbsent(id));
  if (named.length > 0 && absent.length === named.length) {
    return result(
      'expected-rejected',
      `unknown id: the target answered 404 NOT_FOUND for ${absent.join(', ')}, so there is nothing to change`,
    );
  }

  // 6. upgradeMultiple with an empty map names no cluster: it is documented to act only on its keys.
  if (match.operation.id === 'clusters.upgradeMultiple' && named.length === 0)
    return result('read-only', 'names no cluster: nothing to change');

  // 7. Anything else may change the named clusters that exist (or, for a task, its stage's cluster).
  const clusters = named.length > 0 ? named.filter((id) => !facts.isAbsent(id)) : taskClusters(match, facts);
  return result(
    'state-changing',
    clusters.length > 0
      ? `${operation} may change ${clusters.join(', ')}`
      : `${operation} may change state and names no cluster to confine it to`,
    clusters,
  );
}

function unauthenticatedWhy(sessionIds: readonly string[]): string {
  return sessionIds.length === 0 ? 'no session' : 'the session id is not a live session of this run';
}

function taskClusters(match: RouteMatch, facts: SafetyFacts): string[] {
  const task = match.params.task;
  const cluster = task === undefined ? undefined : facts.taskCluster?.(task);
  return cluster === undefined ? [] : [cluster];
}
