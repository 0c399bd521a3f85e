import type { Transport } from '../client/api-client';
import { pathAndQuery } from '../client/path-and-query';
import type { Role } from './roles';

/** What happened to a session, in the order it happened: for the report, never hidden. */
export interface SessionEvent {
  at: string;
  role: Role;
  kind: 'created' | 'expired' | 'recreated' | 'deleted' | 'undeleted';
  /** For `expired`: the request that was answered 401 with a session the harness held live; for `undeleted`: why the logout failed. */
  detail?: string;
}

/** Logs a role in (POST /api/session) and returns the session id, or throws naming why it could not. */
export type Login = (role: Role) => Promise<string>;
/** Deletes a session (DELETE /api/session); failures are the caller's to report. */
export type Logout = (sessionId: string) => Promise<void>;

const SESSION_HEADER = 'vmware-api-session-id';

/**
 * One session per role, reused across tests (vcenter-contract.md §7: a session lives until deleted
 * or idle for the server's timeout). It knows which ids it holds, so a 401 for one of them — one it
 * did not delete — means the session expired under the run: `recovering()` re-creates that role's
 * session once, retries the request with it, and records both events. A 401 for the fresh session
 * right after is the target's answer: it is returned as is, and that role is not recovered again.
 */
export class SessionKeeper {
  private readonly live = new Map<Role, string>();
  private readonly roleOf = new Map<string, Role>();
  /** Expired id → the id that replaced it (requests still carrying the old id are sent with the new). */
  private readonly replaced = new Map<string, string>();
  private readonly pending = new Map<Role, Promise<string>>();
  /** Expired id → its re-creation in flight (concurrent 401s on one session share it). */
  private readonly renewing = new Map<string, Promise<string>>();
  /** Roles whose fresh session was refused at once: no more recovery for them. */
  private readonly refusing = new Set<Role>();
  readonly events: SessionEvent[] = [];

  constructor(
    private readonly login: Login,
    private readonly listeners: { onEvent?: (e: SessionEvent) => void } = {},
  ) {}

  /** The role's live session, created on first use. */
  async get(role: Role): Promise<string> {
    const held = this.live.get(role);
    if (held) return held;
    const inFlight = this.pending.get(role);
    if (inFlight) return inFlight;
    const created = this.create(role, 'created');
    this.pending.set(role, created);
    try {
      return await created;
    } finally {
      this.pending.delete(role);
    }
  }

  /** The role a live session id belongs to (undefined for ids the keeper does not hold). */
  role(sessionId: string): Role | undefined {
    return this.roleOf.get(sessionId);
  }

  /** Forgets every session without deleting it (the target forgot them: a reset). */
  forget(): void {
    this.live.clear();
    this.roleOf.clear();
    this.replaced.clear();
  }

  /**
   * Deletes every live session (the end of a run, or before a reset of a real target). A logout that
   * throws does not stop the others: it is recorded as `undeleted` with its reason (never the id) and
   * returned, so the run can list what it left on the target.
   */
  async close(logout: Logout): Promise<SessionEvent[]> {
    const held = [...this.live.entries()];
    this.forget();
    const left: SessionEvent[] = [];
    for (const [role, id] of held) {
      try {
        await logout(id);
        this.record({ role, kind: 'deleted' });
      } catch (e) {
        left.push(this.record({ role, kind: 'undeleted', detail: (e as Error).message }));
      }
    }
    return left;
  }

  /**
   * Wraps a transport: a request carrying a session this keeper holds that is answered 401 is
   * recorded as an expiry, the role's session is re-created once, and the request is sent again
   * with the new id. A DELETE /api/session of a held id (a test ending its own session) drops it.
   */
  recovering(transport: Transport): Transport {
    return async (request) => {
      const headerName = Object.keys(request.headers).find((h) => h.toLowerCase() === SESSION_HEADER);
      const sent = headerName === undefined ? undefined : request.headers[headerName]!;
      const current = sent === undefined ? undefined : this.newest(sent);
      const withSession = (id: string | undefined) =>
        headerName === undefined || id === undefined ? request : { ...request, headers: { ...request.headers, [headerName]: id } };
      const response = await transport(withSession(current));
      if (current === undefined) return response;
      const path = pathAndQuery(request.url);
      if (request.method.toUpperCase() === 'DELETE' && /^\/api\/session(\?|$)/.test(path) && response.status < 300) {
        this.drop(current);
        return response;
      }
      if (response.status !== 401) return response;
      // Another request met the same expiry first: its re-created session serves this one too.
      const renewing = this.renewing.get(current);
      const role = this.roleOf.get(current);
      if (!renewing && (role === undefined || this.refusing.has(role))) return response;
      const renewed = await (renewing ??
        this.renew(
          current,
          role!,
          `${request.method.toUpperCase()} ${path.split('?')[0]} answered 401 with the ${role} session the run held`,
        ));
      const retried = await transport(withSession(renewed));
      // A brand-new session refused at once did not expire: the target refuses live sessions. That is for the
      // checks to judge, so this role's 401s are passed on as they come from now on.
      if (retried.status === 401 && role !== undefined) this.refusing.add(role);
      return retried;
    };
  }

  /** The id a request carrying `id` is sent with: followed through every re-creation since. */
  private newest(id: string): string {
    let at = id;
    for (let next = this.replaced.get(at); next !== undefined && next !== at; next = this.replaced.get(at)) at = next;
    return at;
  }

  /** Records the expiry, re-creates the role's session once and maps the expired id to the new one. */
  private renew(expired: string, role: Role, detail: string): Promise<string> {
    this.drop(expired);
    this.record({ role, kind: 'expired', detail });
    const renewal = this.create(role, 'recreated')
      .then((renewed) => {
        this.replaced.set(expired, renewed);
        return renewed;
      })
      .finally(() => this.renewing.delete(expired));
    this.renewing.set(expired, renewal);
    return renewal;
  }

  private drop(id: string): void {
    const role = this.roleOf.get(id);
    this.roleOf.delete(id);
    if (role !== undefined && this.live.get(role) === id) this.live.delete(role);
  }

  private async create(role: Role, kind: 'created' | 'recreated'): Promise<string> {
    const id = await this.login(role);
    this.live.set(role, id);
    this.roleOf.set(id, role);
    this.record({ role, kind });
    return id;
  }

  private record(event: Omit<SessionEvent, 'at'>): SessionEvent {
    const e = { at: new Date().toISOString(), ...event };
    this.events.push(e);
    this.listeners.onEvent?.(e);
    return e;
  }
}
