import { test, expect } from '@playwright/test';
import { validatorFor } from '../../specs/index';
import type { StageHostPlan, TaskRecord } from './state';
import { taskInfo, timeline, type TaskInfo } from './task-engine';
import { TASK_FIELDS_BY_STATUS } from '../../specs/task-status-fields';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function record(hosts: Partial<StageHostPlan>[] = [{}, {}, {}], extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: 'task-1',
    service: 'com.vmware.esx.settings.clusters.software',
    operation: 'stage',
    clusterId: 'domain-c10',
    username: 'administrator@vsphere.local',
    createdAt: T0,
    pendingMs: 1000,
    perHostMs: 10_000,
    commit: '3',
    hosts: hosts.map((h, i) => ({ id: `host-${101 + i}`, name: `esx-${101 + i}`, outcome: 'ok', ...h })),
    ...extra,
  };
}

/** The SDK 8.0U2 per-status table (vcenter-contract.md §5.1), from specs/, not from the engine. */
const FIELDS = TASK_FIELDS_BY_STATUS as Readonly<Record<string, { required: readonly string[]; notExpected: readonly string[] }>>;

/** Everything that must hold for any Info, whatever the time: schema, field table, result rules. */
function infoProblems(info: TaskInfo): string[] {
  const problems: string[] = [];
  const check = (id: string, value: unknown, where: string) => {
    const v = validatorFor(id);
    if (!v(value)) problems.push(`${where} does not match ${id}: ${JSON.stringify(v.errors)}`);
  };
  check('Cis.Task.Info', info, 'info');
  const row = FIELDS[info.status];
  if (!row) return [...problems, `unexpected status ${info.status}`];
  for (const f of row.required) if (!(f in info)) problems.push(`${info.status} lacks ${f}`);
  for (const f of row.notExpected) if (f in info) problems.push(`${info.status} has ${f}`);
  if (info.cancelable !== (info.status === 'PENDING' || info.status === 'RUNNING'))
    problems.push(`cancelable ${info.cancelable} in ${info.status}`);
  if (info.progress && info.progress.completed > info.progress.total) problems.push('completed > total');
  if (info.start_time && info.end_time && info.start_time > info.end_time) problems.push('start_time > end_time');
  const r = info.result;
  if (r) {
    check('Esx.Settings.Clusters.Software.StageResult', r, 'result');
    const terminal = info.status === 'SUCCEEDED' || info.status === 'FAILED';
    if (terminal !== 'status' in r) problems.push(`result.status ${'status' in r ? 'present' : 'absent'} in ${info.status}`);
    const sets = [...r.successful_hosts, ...r.failed_hosts, ...r.skipped_hosts];
    if (new Set(sets).size !== sets.length) problems.push(`host sets overlap or repeat: ${sets}`);
    const expected = { OK: r.successful_hosts, ERROR: r.failed_hosts, SKIPPED: r.skipped_hosts } as Record<string, string[]>;
    for (const [host, s] of Object.entries(r.host_status)) {
      if (!(host in r.host_info)) problems.push(`${host} has a status but no host_info`);
      if (s.status === 'RUNNING' ? sets.includes(host) : !expected[s.status]?.includes(host))
        problems.push(`${host} is ${s.status} but in the wrong set`);
      if (s.start_time > s.end_time) problems.push(`${host} start_time > end_time`);
    }
  }
  return problems;
}

/** Infos every `step` ms from creation until `until`. */
function sweep(rec: TaskRecord, until: number, step = 250): TaskInfo[] {
  const infos: TaskInfo[] = [];
  for (let t = 0; t <= until; t += step) infos.push(taskInfo(rec, T0 + t));
  return infos;
}

function expectMonotone(infos: TaskInfo[]) {
  const completed = infos.flatMap((i) => (i.progress ? [i.progress.completed] : []));
  expect(completed).toEqual([...completed].sort((a, b) => a - b));
}

test.describe('task engine (pure): TaskRecord + now → Cis.Task.Info', () => {
  test('PENDING until taskPendingMs: only description, service, operation, status, cancelable, user and target', () => {
    const rec = record();
    for (const t of [0, 500, 999]) {
      const info = taskInfo(rec, T0 + t);
      expect(Object.keys(info).sort()).toEqual(['cancelable', 'description', 'operation', 'service', 'status', 'target', 'user']);
      expect(info).toMatchObject({
        status: 'PENDING',
        cancelable: true,
        service: 'com.vmware.esx.settings.clusters.software',
        operation: 'stage',
        user: 'administrator@vsphere.local',
        target: { type: 'ClusterComputeResource', id: 'domain-c10' },
      });
    }
    expect(taskInfo(rec, T0 + 1000).status).toBe('RUNNING');
  });

  test('RUNNING stages hosts one after another; the current host is RUNNING with progress, unreached hosts are absent', () => {
    const rec = record([{}, {}, { outcome: 'skipped' }]);
    const info = taskInfo(rec, T0 + 1000 + 10_000 + 2500);
    expect(info).toMatchObject({ status: 'RUNNING', start_time: at(1000), progress: { total: 300, completed: 125 } });
    expect(info.result).toBeDefined();
    expect(info.result).not.toHaveProperty('status');
    expect(Object.keys(info.result!.host_info)).toEqual(['host-101', 'host-102', 'host-103']);
    expect(Object.keys(info.result!.host_status)).toEqual(['host-101', 'host-102']);
    expect(info.result!.host_status['host-101']).toMatchObject({ status: 'OK', start_time: at(1000), end_time: at(11_000) });
    expect(info.result!.host_status['host-102']).toMatchObject({
      status: 'RUNNING',
      progress: { total: 100, completed: 25 },
      start_time: at(11_000),
      end_time: at(13_500),
    });
    expect(info.result).toMatchObject({ successful_hosts: ['host-101'], failed_hosts: [], skipped_hosts: [] });
    expect(infoProblems(info)).toEqual([]);
  });

  test('the whole success lifecycle obeys the field table; progress rises to total; the final Info never changes', () => {
    const rec = record([{}, { isVsanWitness: true }, { outcome: 'skipped' }]);
    const infos = sweep(rec, 40_000);
    for (const info of infos) expect(infoProblems(info)).toEqual([]);
    expect([...new Set(infos.map((i) => i.status))]).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expectMonotone(infos);
    const last = infos.at(-1)!;
    expect(last).toMatchObject({
      status: 'SUCCEEDED',
      cancelable: false,
      start_time: at(1000),
      end_time: at(31_000),
      progress: { total: 300, completed: 300 },
    });
    expect(last.result).toMatchObject({
      status: { status: 'OK', start_time: at(1000), end_time: at(31_000), notifications: {} },
      commit: '3',
      successful_hosts: ['host-101', 'host-102'],
      failed_hosts: [],
      skipped_hosts: ['host-103'],
      host_info: {
        'host-101': { name: 'esx-101' },
        'host-102': { name: 'esx-102', is_vsan_witness: true },
        'host-103': { name: 'esx-103' },
      },
    });
    expect(last.result!.host_info['host-101']).not.toHaveProperty('is_vsan_witness');
    expect(last.result!.host_status['host-103']).toMatchObject({
      status: 'SKIPPED',
      notifications: { info: [expect.objectContaining({ type: 'INFO' })] },
    });
    expect(last.result!.host_status['host-103']).not.toHaveProperty('progress');
    expect(taskInfo(rec, T0 + 31_000)).toEqual(last);
    expect(taskInfo(rec, T0 + 30_999).status).toBe('RUNNING');
  });

  test('a failing host makes the task FAILED with an ERROR std error; the other hosts still run', () => {
    const rec = record([{ outcome: 'fails' }, {}]);
    const infos = sweep(rec, 25_000);
    for (const info of infos) expect(infoProblems(info)).toEqual([]);
    expectMonotone(infos);
    expect(taskInfo(rec, T0 + 15_000).status).toBe('RUNNING');
    const last = infos.at(-1)!;
    expect(last).toMatchObject({ status: 'FAILED', end_time: at(21_000), progress: { total: 200, completed: 200 } });
    expect(validatorFor('Vapi.Std.Errors.Error')(last.error)).toBe(true);
    expect(last.error).toMatchObject({ error_type: 'ERROR' });
    expect(last.result).toMatchObject({
      status: { status: 'ERROR' },
      successful_hosts: ['host-102'],
      failed_hosts: ['host-101'],
      skipped_hosts: [],
    });
    expect(last.result!.host_status['host-101']).toMatchObject({
      status: 'ERROR',
      notifications: { errors: [expect.objectContaining({ type: 'ERROR' })] },
    });
  });

  test('a refused caller: PENDING, then FAILED with UNAUTHORIZED as it would start; no result, nothing staged', () => {
    const rec = record(undefined, { deniedPrivilege: 'VcIntegrity.lifecycleSoftwareRemediation.Write' });
    expect(taskInfo(rec, T0 + 999).status).toBe('PENDING');
    const info = taskInfo(rec, T0 + 50_000);
    expect(infoProblems(info)).toEqual([]);
    expect(info).toMatchObject({
      status: 'FAILED',
      cancelable: false,
      start_time: at(1000),
      end_time: at(1000),
      error: { error_type: 'UNAUTHORIZED' },
    });
    expect(info).not.toHaveProperty('result');
    expect(JSON.stringify(info.error)).not.toContain('VcIntegrity');
  });

  test('cancel while PENDING or RUNNING freezes the task at the cancel time as FAILED (CANCELED); a late cancel is ignored', () => {
    const pending = taskInfo(record(undefined, { canceledAt: T0 + 400 }), T0 + 90_000);
    expect(infoProblems(pending)).toEqual([]);
    expect(pending).toMatchObject({
      status: 'FAILED',
      cancelable: false,
      start_time: at(400),
      end_time: at(400),
      error: { error_type: 'CANCELED' },
    });
    expect(pending).not.toHaveProperty('result');

    const rec = record(undefined, { canceledAt: T0 + 16_000 });
    expect(taskInfo(rec, T0 + 15_999).status).toBe('RUNNING');
    const infos = sweep(rec, 60_000, 500);
    expectMonotone(infos);
    const running = infos.at(-1)!;
    expect(infoProblems(running)).toEqual([]);
    expect(running).toMatchObject({
      status: 'FAILED',
      end_time: at(16_000),
      progress: { total: 300, completed: 300 },
      error: { error_type: 'CANCELED' },
    });
    expect(running.result).toMatchObject({
      status: { status: 'ERROR', end_time: at(16_000) },
      successful_hosts: ['host-101'],
      failed_hosts: ['host-102'],
      skipped_hosts: [],
    });
    expect(running.result!.host_status['host-102']).toMatchObject({ status: 'ERROR', progress: { completed: 50 }, end_time: at(16_000) });
    expect(Object.keys(running.result!.host_status)).toEqual(['host-101', 'host-102']);

    const late = record(undefined, { canceledAt: T0 + 31_000 });
    expect(taskInfo(late, T0 + 40_000)).toEqual(taskInfo(record(), T0 + 40_000));
    expect(timeline(late, T0 + 40_000).failure).toBeUndefined();
  });

  test('excludeResult omits result in every status that has one', () => {
    const rec = record([{ outcome: 'fails' }]);
    for (const t of [5000, 20_000]) {
      expect(taskInfo(rec, T0 + t)).toHaveProperty('result');
      const info = taskInfo(rec, T0 + t, { excludeResult: true });
      expect(info).not.toHaveProperty('result');
      expect(infoProblems(info)).toEqual([]);
    }
  });

  test('edge timings: no hosts, and zero-length host slots, go straight from PENDING to SUCCEEDED', () => {
    for (const rec of [record([]), record(undefined, { perHostMs: 0 })]) {
      expect(taskInfo(rec, T0 + 999).status).toBe('PENDING');
      const info = taskInfo(rec, T0 + 1000);
      expect(infoProblems(info)).toEqual([]);
      expect(info).toMatchObject({ status: 'SUCCEEDED', start_time: at(1000), end_time: at(1000) });
      expect(info.progress!.completed).toBe(info.progress!.total);
    }
  });
});
