import { isObject } from '../../util/is-object';
import type { Evidence, Exchange } from '../types';
import { withoutNulls } from '../../util/without-nulls';
import { pollsOf, TERMINAL_STATUSES, type Poll } from '../task/task-polls';

/** The StageResult fields the stage checks read. */
export interface StageResultView {
  status?: unknown;
  commit?: unknown;
  host_info?: unknown;
  host_status?: unknown;
  successful_hosts?: unknown;
  failed_hosts?: unknown;
  skipped_hosts?: unknown;
}

/** The three host sets of a StageResult, by field name. */
export const HOST_SETS = ['successful_hosts', 'failed_hosts', 'skipped_hosts'] as const;

/** The stage request body as sent (StageSpec). */
export interface StageSpecView {
  commit?: unknown;
  hosts?: unknown;
}

/** One stage run: the spec sent and the result of the finished task (undefined if it did not finish with one). */
export interface StageRun {
  name: string;
  spec: StageSpecView;
  result: StageResultView | undefined;
  /** Where the final result sits, for pointers. */
  pointer: string;
}

export const isStage = (e: Evidence): boolean => e.exchange.operation === 'software.stage';

export { isObject };

/** The result of a poll when it is an object (partial results included). */
export function resultOf(poll: Poll): StageResultView | undefined {
  return isObject(poll.info.result) ? (poll.info.result as StageResultView) : undefined;
}

/** Every host id a StageResult names: host_info and host_status keys and the three sets. */
export function hostsNamedIn(result: StageResultView): string[] {
  const sets = HOST_SETS.flatMap((f) => stringsOf(result[f]));
  return [...new Set([...(mapKeys(result.host_info) ?? []), ...(mapKeys(result.host_status) ?? []), ...sets])];
}

/** The keys of a JSON map, or undefined when the value is not one (e.g. a legacy key/value list: the schema check reports it). */
export function mapKeys(value: unknown): string[] | undefined {
  return isObject(value) ? Object.keys(value) : undefined;
}

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The spec's hosts when it names some (absent, null or [] mean "all hosts", vcenter-contract.md §4). */
export function requestedHosts(spec: StageSpecView): string[] | undefined {
  const hosts = stringsOf(spec.hosts);
  return hosts.length ? hosts : undefined;
}

function finalResult(polls: Poll[]): { result: StageResultView | undefined; index: number } | undefined {
  const last = polls.at(-1);
  if (!last || !TERMINAL_STATUSES.has(last.status ?? '')) return undefined;
  return { result: resultOf(last), index: last.index };
}

/**
 * The runs a piece of evidence holds: its own (the stage exchange and `task`), and each `related`
 * entry given as `[stage exchange, ...its task polls]` (e.g. `related['hosts: []']`). Only runs
 * whose task finished are returned: a partial result may still grow.
 */
export function stageRuns(e: Evidence): StageRun[] {
  const runs: StageRun[] = [];
  const own = finalResult(pollsOf(e.task));
  if (own) runs.push({ name: 'this run', spec: specOf(e.exchange), result: own.result, pointer: `/polls/${own.index}/result` });
  for (const [name, value] of Object.entries(e.related ?? {})) {
    if (!Array.isArray(value) || value[0]?.operation !== 'software.stage') continue;
    const [stage, ...polls] = value;
    const done = finalResult(pollsOf({ taskId: '', polls, outcome: 'terminal', budgetMs: 0 }));
    if (done) runs.push({ name, spec: specOf(stage!), result: done.result, pointer: `/related/${name}/${done.index + 1}/body/result` });
  }
  return runs;
}

function specOf(exchange: Exchange): StageSpecView {
  const body = withoutNulls(exchange.request.body);
  return isObject(body) ? body : {};
}

/** A set of ids as sorted, readable text. */
export const showSet = (ids: Iterable<string>): string => `[${[...new Set(ids)].sort().join(', ')}]`;
