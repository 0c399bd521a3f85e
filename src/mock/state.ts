import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { inventorySeed } from './generic/inventory-seed';
import { ObjectStore } from './generic/store';
import type { Inventory, InventoryAppliance, InventoryCluster, InventoryHost, InventorySupervisor, Timings } from './inventory';
import type { LocalizableMessage } from './stage-result';

export interface User {
  username: string;
  role: string;
  /** Privileges held everywhere; `*` means all. */
  privileges: ReadonlySet<string>;
  clusterPrivileges: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Session {
  id: string;
  user: User;
  /** Virtual times, as GET /api/session reports them. */
  createdAt: number;
  lastAccessedAt: number;
  /** Unscaled time of the last use (clock.wallNow()): idleness is measured on it, not on virtual time. */
  lastUsedWall: number;
}

/** A Supervisor upgrade in flight: it completes at `endsAt` (virtual time). */
export interface SupervisorUpgrade {
  to: string;
  startedAt: number;
  endsAt: number;
}

export interface ClusterState extends Omit<InventoryCluster, 'supervisor'> {
  supervisor?: InventorySupervisor & { upgrade?: SupervisorUpgrade };
  hosts: InventoryHost[];
}

/** One host's part of a stage task. */
export interface StageHostPlan {
  id: string;
  name: string;
  isVsanWitness?: boolean;
  outcome: 'ok' | 'fails' | 'skipped';
}

/**
 * A task as the mock stores it; its Info is computed from this and the clock by the pure
 * task engine (task-engine.ts). Only a cancel changes a stored record.
 */
export interface TaskRecord {
  id: string;
  /** vAPI service id, e.g. `com.vmware.esx.settings.clusters.software`. */
  service: string;
  operation: string;
  /** The task's target (a ClusterComputeResource id); one non-terminal task per cluster. */
  clusterId: string;
  username: string;
  /** Virtual times and durations, in ms, copied from the timings when the task was created. */
  createdAt: number;
  pendingMs: number;
  perHostMs: number;
  /** The commit actually staged (the cluster's latest). */
  commit: string;
  /** The hosts to stage, in the order they are staged. */
  hosts: StageHostPlan[];
  /** Set when the user does not hold this privilege: the task fails with UNAUTHORIZED, nothing is staged. */
  deniedPrivilege?: string;
  /** Virtual time of an accepted cancel: the task is FAILED (CANCELED) from then on. */
  canceledAt?: number;
  /**
   * Set for a task the generic handler started (src/mock/generic): one piece of work, no hosts (`hosts` is
   * empty, `commit` '', `perHostMs` 0). Absent for a stage task. `clusterId` is '' when the operation names no cluster.
   */
  generic?: GenericTaskPart;
}

/** What a generic task adds to a TaskRecord. */
export interface GenericTaskPart {
  /** Virtual ms it runs once it leaves PENDING. */
  runMs: number;
  description: LocalizableMessage;
  /** Cis.Task.Info.result once SUCCEEDED, built from the operation's resultSchema; absent where it documents none. */
  result?: unknown;
}

/** Everything the mock knows, explicit and resettable. Handlers read and change only this. */
export class MockState {
  users = new Map<string, User & { password: string }>();
  sessions = new Map<string, Session>();
  clusters = new Map<string, ClusterState>();
  hosts = new Map<string, InventoryHost>();
  tasks = new Map<string, TaskRecord>();
  /** The objects the generic handler serves (drafts, datacenters, components, …), made afresh by reset(). */
  objects!: ObjectStore;
  timings!: Timings;
  /** The appliance GET /api/appliance/system/version describes. */
  appliance!: InventoryAppliance;
  /** Never reset: ids stay unique across reset() so a harness never sees a recycled task id. */
  private taskCounter = 0;
  /** Unscaled time of the last sweep of idle-expired sessions. */
  private lastSweepWall = -Infinity;

  constructor(
    private readonly inventory: Inventory,
    private readonly clock: Clock,
  ) {
    this.reset();
  }

  /** Back to the inventory as loaded: no sessions, no tasks, no upgrades, no generic objects created or deleted. */
  reset(): void {
    const inv = structuredClone(this.inventory);
    this.timings = inv.timings;
    this.appliance = inv.appliance;
    this.users = new Map(
      inv.users.map((u) => [
        u.username,
        {
          username: u.username,
          password: u.password,
          role: u.role,
          privileges: new Set(u.privileges),
          clusterPrivileges: new Map(Object.entries(u.clusterPrivileges ?? {}).map(([c, p]) => [c, new Set(p)])),
        },
      ]),
    );
    this.hosts = new Map(inv.hosts.map((h) => [h.id, h]));
    this.clusters = new Map(inv.clusters.map((c) => [c.id, { ...c, hosts: inv.hosts.filter((h) => h.cluster === c.id) }]));
    this.sessions.clear();
    this.tasks.clear();
    this.objects = new ObjectStore(inventorySeed(() => this));
    this.lastSweepWall = -Infinity;
  }

  now(): number {
    return this.clock.now();
  }

  /** A user who holds every privilege (the inventory's administrator role), for a fault that serves without a session. */
  administrator(): User {
    const all = [...this.users.values()];
    return all.find((u) => u.role === 'administrator') ?? all.find((u) => u.privileges.has('*')) ?? all[0]!;
  }

  /** Whether the user holds the privilege globally or on the given cluster. */
  can(user: User, privilege: string, clusterId?: string): boolean {
    if (user.privileges.has('*') || user.privileges.has(privilege)) return true;
    return clusterId !== undefined && (user.clusterPrivileges.get(clusterId)?.has(privilege) ?? false);
  }

  /**
   * A new session. Sessions left to idle out are swept here, at most once per idle timeout of
   * real time, so a long-running mock holds only sessions used within the last two timeouts.
   */
  createSession(user: User): Session {
    const wall = this.clock.wallNow();
    if (wall - this.lastSweepWall >= this.timings.sessionIdleTimeoutMs) this.sweepIdleSessions();
    const now = this.now();
    const session = { id: randomBytes(16).toString('hex'), user, createdAt: now, lastAccessedAt: now, lastUsedWall: wall };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id, touched; an idle-expired one is removed and not returned. */
  useSession(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const wall = this.clock.wallNow();
    if (this.idleExpired(session, wall)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastAccessedAt = this.now();
    session.lastUsedWall = wall;
    return session;
  }

  /** Removes every idle-expired session; returns how many were removed. */
  sweepIdleSessions(): number {
    const wall = this.clock.wallNow();
    this.lastSweepWall = wall;
    let removed = 0;
    for (const [id, session] of this.sessions) {
      if (this.idleExpired(session, wall)) {
        this.sessions.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  /** Idle longer than timings.sessionIdleTimeoutMs of unscaled time (real time unless the clock is manual). */
  private idleExpired(session: Session, wall: number): boolean {
    return wall - session.lastUsedWall > this.timings.sessionIdleTimeoutMs;
  }

  /** A new task id, unique for the mock's lifetime, in vCenter's `<uuid>:<service>` shape. */
  nextTaskId(service: string): string {
    this.taskCounter += 1;
    const n = this.taskCounter.toString(16).padStart(12, '0');
    return `52a5c0de-7a5c-4d00-8000-${n}:${service}`;
  }
}
