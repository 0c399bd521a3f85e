import type { StageHostPlan, TaskRecord } from './state';
import type { Timeline } from './task-engine';

/** `Vapi.Std.LocalizableMessage` as the mock writes it (no params, no localized text). */
export interface LocalizableMessage {
  id: string;
  default_message: string;
  args: string[];
}

/** `Cis.Task.Progress`. */
export interface Progress {
  total: number;
  completed: number;
  message: LocalizableMessage;
}

/** `Esx.Settings.Notification` (the mock sets `type`, never `resolution`, `originator` or `retriable`). */
export interface Notification {
  id: string;
  time: string;
  message: LocalizableMessage;
  type: 'INFO' | 'WARNING' | 'ERROR';
}

export interface Notifications {
  info?: Notification[];
  warnings?: Notification[];
  errors?: Notification[];
}

/** `Esx.Settings.Clusters.Software.StageStatus`: the stage enum, never the task enum. */
export interface StageStatus {
  status: 'RUNNING' | 'OK' | 'SKIPPED' | 'TIMED_OUT' | 'ERROR' | 'RETRY_PENDING';
  progress?: Progress;
  start_time: string;
  end_time: string;
  notifications: Notifications;
}

/** `Esx.Settings.Clusters.Software.StageResult`. */
export interface StageResult {
  status?: StageStatus;
  commit: string;
  host_info: Record<string, { name: string; is_vsan_witness?: boolean }>;
  host_status: Record<string, StageStatus>;
  successful_hosts: string[];
  failed_hosts: string[];
  skipped_hosts: string[];
}

/** Where one host stands at the instant a timeline describes. */
export type HostPhase =
  | { kind: 'waiting' }
  | { kind: 'running'; start: number; percent: number }
  | { kind: 'done'; start: number; end: number }
  /** Canceled while its slot ran: it counts as failed, at the percent reached. */
  | { kind: 'interrupted'; start: number; end: number; percent: number };

/** Work units of one host: the task's progress counts percent per host. */
export const UNITS_PER_HOST = 100;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const msg = (id: string, text: string, args: string[] = []): LocalizableMessage => ({
  id: `com.vmware.esx.settings.clusters.software.${id}`,
  default_message: text,
  args,
});

/** Hosts run one after another from the end of PENDING, each for `perHostMs`, in plan order. */
export function hostPhase(record: TaskRecord, index: number, timeline: Timeline): HostPhase {
  const start = record.createdAt + record.pendingMs + index * record.perHostMs;
  const end = start + record.perHostMs;
  const at = timeline.at;
  if (at < start) return { kind: 'waiting' };
  if (at >= end) return { kind: 'done', start, end };
  const percent = Math.floor(((at - start) * UNITS_PER_HOST) / record.perHostMs);
  return timeline.failure === 'canceled' ? { kind: 'interrupted', start, end: at, percent } : { kind: 'running', start, percent };
}

/** Units of work finished at the timeline's instant (total once terminal: no work is left). */
export function completedUnits(record: TaskRecord, timeline: Timeline): number {
  const total = record.hosts.length * UNITS_PER_HOST;
  if (timeline.status === 'SUCCEEDED' || timeline.status === 'FAILED') return total;
  return record.hosts.reduce((sum, _host, i) => {
    const phase = hostPhase(record, i, timeline);
    return sum + (phase.kind === 'done' ? UNITS_PER_HOST : phase.kind === 'running' ? phase.percent : 0);
  }, 0);
}

function hostStatus(host: StageHostPlan, phase: Exclude<HostPhase, { kind: 'waiting' }>, at: number): StageStatus {
  const progress = (completed: number, text: string): Progress => ({
    total: UNITS_PER_HOST,
    completed,
    message: msg('stage.host.progress', text, [host.name]),
  });
  const note = (type: Notification['type'], id: string, text: string, time: number): Notification => ({
    id: `com.vmware.esx.settings.clusters.software.${id}`,
    time: iso(time),
    message: msg(id, text, [host.name]),
    type,
  });
  const times = { start_time: iso(phase.start), end_time: iso(phase.kind === 'running' ? at : phase.end) };
  if (phase.kind === 'running')
    return { status: 'RUNNING', progress: progress(phase.percent, `Staging to ${host.name}`), ...times, notifications: {} };
  if (phase.kind === 'interrupted') {
    return {
      status: 'ERROR',
      progress: progress(phase.percent, `Staging to ${host.name} was canceled`),
      ...times,
      notifications: { errors: [note('ERROR', 'stage.host.canceled', `Staging to ${host.name} was canceled.`, phase.end)] },
    };
  }
  if (host.outcome === 'skipped')
    return {
      status: 'SKIPPED',
      ...times,
      notifications: { info: [note('INFO', 'stage.host.skipped', `${host.name} is already staged; skipped.`, phase.end)] },
    };
  if (host.outcome === 'fails') {
    return {
      status: 'ERROR',
      progress: progress(UNITS_PER_HOST, `Staging to ${host.name} failed`),
      ...times,
      notifications: { errors: [note('ERROR', 'stage.host.failed', `Staging to ${host.name} failed.`, phase.end)] },
    };
  }
  return { status: 'OK', progress: progress(UNITS_PER_HOST, `Staged to ${host.name}`), ...times, notifications: {} };
}

/**
 * The StageResult at the timeline's instant, or undefined when staging never began (still
 * PENDING, refused for a missing privilege, or canceled before it started). Hosts not reached
 * yet are in `host_info` but not in `host_status` nor in any set; `status` only once terminal.
 */
export function stageResult(record: TaskRecord, timeline: Timeline): StageResult | undefined {
  if (timeline.status === 'PENDING' || timeline.failure === 'denied' || timeline.at < record.createdAt + record.pendingMs) return undefined;
  const result: StageResult = {
    commit: record.commit,
    host_info: {},
    host_status: {},
    successful_hosts: [],
    failed_hosts: [],
    skipped_hosts: [],
  };
  record.hosts.forEach((host, i) => {
    result.host_info[host.id] =
      host.isVsanWitness === undefined ? { name: host.name } : { name: host.name, is_vsan_witness: host.isVsanWitness };
    const phase = hostPhase(record, i, timeline);
    if (phase.kind === 'waiting') return;
    result.host_status[host.id] = hostStatus(host, phase, timeline.at);
    if (phase.kind === 'interrupted') result.failed_hosts.push(host.id);
    else if (phase.kind === 'done')
      ({ ok: result.successful_hosts, fails: result.failed_hosts, skipped: result.skipped_hosts })[host.outcome].push(host.id);
  });
  if (timeline.endAt !== undefined && timeline.startAt !== undefined) {
    result.status = {
      status: timeline.status === 'SUCCEEDED' ? 'OK' : 'ERROR',
      start_time: iso(timeline.startAt),
      end_time: iso(timeline.endAt),
      notifications: {},
    };
  }
  return { ...(result.status ? { status: result.status } : {}), ...result };
}
