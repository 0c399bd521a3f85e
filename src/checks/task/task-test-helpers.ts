import { runChecks } from '../run-checks';
import type { Check, Evidence, Exchange, Intent, TaskHistory } from '../types';

/**
 * Builders for the task and stage check self-tests: hand-made exchanges, task Infos and poll
 * histories. Test-only; the suites never import this.
 */

const T0 = Date.parse('2026-01-01T00:00:00Z');
export const time = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

/** A recorded exchange; the body text follows the body unless given. */
export function exchange(x: {
  operation?: string;
  method?: string;
  url?: string;
  requestBody?: unknown;
  status?: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}): Exchange {
  const text = x.text ?? (x.body === undefined ? '' : JSON.stringify(x.body));
  let bodyIsJson = false;
  try {
    JSON.parse(text);
    bodyIsJson = text !== '';
  } catch {
    bodyIsJson = false;
  }
  return {
    operation: x.operation,
    request: {
      method: x.method ?? 'GET',
      url: x.url ?? '/api',
      headers: {},
      ...(x.requestBody !== undefined && { body: x.requestBody, rawBody: JSON.stringify(x.requestBody) }),
    },
    status: x.status ?? 200,
    headers: { 'content-type': 'application/json', ...x.headers },
    body: x.body,
    text,
    bodyIsJson,
    at: time(0),
    durationMs: 1,
  };
}

const message = (text: string) => ({ id: 'com.example.msg', default_message: text, args: [] });

type Status = 'PENDING' | 'RUNNING' | 'BLOCKED' | 'SUCCEEDED' | 'FAILED';

/**
 * A Cis.Task.Info with exactly the fields the §5.1 table gives its status (start at t=1 s, end at
 * t=31 s, progress out of 300), then `extra` merged over it (a field set to undefined is removed).
 */
export function info(
  status: Status,
  extra: Record<string, unknown> = {},
  completed = status === 'SUCCEEDED' || status === 'FAILED' ? 300 : 100,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    description: message('Stage'),
    service: 'com.vmware.esx.settings.clusters.software',
    operation: 'stage',
    status,
    cancelable: status !== 'SUCCEEDED' && status !== 'FAILED',
  };
  if (status !== 'PENDING') Object.assign(base, { progress: { total: 300, completed, message: message('Staging') }, start_time: time(1) });
  if (status === 'SUCCEEDED' || status === 'FAILED') base.end_time = time(31);
  if (status === 'FAILED') base.error = { error_type: 'ERROR', messages: [message('Staging failed')] };
  const merged = { ...base, ...extra };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

export const TASK_ID = '52a5c0de-7a5c-4d00-8000-000000000001:com.vmware.esx.settings.clusters.software';

/** A tasks.get answer. */
export const poll = (body: unknown, status = 200): Exchange =>
  exchange({ operation: 'tasks.get', url: `/api/cis/tasks/${TASK_ID}`, status, body });

/** The poll history of these Infos; the outcome is `terminal` once one is SUCCEEDED/FAILED, else as given (default `stuck`). */
export function history(infos: readonly unknown[], outcome?: TaskHistory['outcome']): TaskHistory {
  const ended = infos.some((i) => ['SUCCEEDED', 'FAILED'].includes(String((i as { status?: unknown } | undefined)?.status)));
  return { taskId: TASK_ID, polls: infos.map((b) => poll(b)), outcome: outcome ?? (ended ? 'terminal' : 'stuck'), budgetMs: 15_000 };
}

/** The 202 answer of a stage call with this spec. */
export const stageCall = (spec: unknown = {}, status = 202, body: unknown = TASK_ID): Exchange =>
  exchange({
    operation: 'software.stage',
    method: 'POST',
    url: '/api/esx/settings/clusters/domain-c10/software?action=stage&vmw-task=true',
    requestBody: spec,
    status,
    body,
  });

/** Evidence of a stage run: the stage call, its polls, and facts. */
export function stageEvidence(x: {
  spec?: unknown;
  infos?: readonly unknown[];
  outcome?: TaskHistory['outcome'];
  call?: Exchange;
  intent?: Intent;
  facts?: Evidence['facts'];
  related?: Evidence['related'];
}): Evidence {
  return {
    scenario: 'self-test',
    intent: x.intent ?? { kind: 'valid' },
    exchange: x.call ?? stageCall(x.spec ?? {}),
    ...(x.infos && { task: history(x.infos, x.outcome) }),
    ...(x.facts && { facts: x.facts }),
    ...(x.related && { related: x.related }),
  };
}

export const HOSTS = ['host-101', 'host-102', 'host-103'];

/** A StageResult for these hosts, all staged OK (or as `sets` says), with an aggregated status when `done`. */
export function stageResult(
  x: { hosts?: readonly string[]; commit?: string; done?: boolean; successful?: string[]; failed?: string[]; skipped?: string[] } = {},
): Record<string, unknown> {
  const hosts = x.hosts ?? HOSTS;
  const stageStatus = (status: string) => ({ status, start_time: time(1), end_time: time(31), notifications: {} });
  return {
    ...(x.done !== false && { status: stageStatus('OK') }),
    commit: x.commit ?? '3',
    host_info: Object.fromEntries(hosts.map((h) => [h, { name: `${h}.lab.local` }])),
    host_status: Object.fromEntries(hosts.map((h) => [h, stageStatus('OK')])),
    successful_hosts: x.successful ?? [...hosts],
    failed_hosts: x.failed ?? [],
    skipped_hosts: x.skipped ?? [],
  };
}

/** `check pointer` of every issue these checks find (the pointer is left out when there is none). */
export function issuesOf(evidence: Evidence, checks: readonly Check[]): string[] {
  return runChecks(evidence, checks).flatMap((r) => r.issues.map((i) => (i.pointer === undefined ? i.check : `${i.check} ${i.pointer}`)));
}
