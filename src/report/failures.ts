import { checks } from '../checks/index';
import type { Evidence, Exchange, TaskHistory } from '../checks/types';
import { excerpt } from '../checks/issue';
import { curlLine } from '../client/curl';
import { checkAnnotations, type CheckAnnotation } from './check-outcomes';
import { parseJson, type CollectedTest } from './collected-test';
import { isObject } from './coverage';
import type { FailedExchange, Failure, TaskPoll } from './conformance-types';

/** fixtures/verify.ts attaches the whole evidence of a failed evaluation under `evidence: <scenario>`. */
export const EVIDENCE_PREFIX = 'evidence: ';

/** The evidence attachment's JSON: the Evidence and the names of the checks that failed on it. */
type FailedEvidence = Evidence & { failedChecks: string[] };

// A response body is kept whole up to this size: enough for every catalogued payload, bounded for the file.
const MAX_BODY = 64 * 1024;
const ruleOf = new Map(checks.map((c) => [c.name, c.reason]));

/**
 * The failures of one test: one per failed check of each evidence attachment, with the issues of
 * the matching check annotation (same scenario and check, taken in order). `baseUrl` prefixes the
 * curl lines.
 */
export function failuresOf(test: CollectedTest, baseUrl: string): Failure[] {
  const failed = checkAnnotations(test).filter((a) => a.status === 'failed');
  const failures: Failure[] = [];
  for (const attachment of test.attachments.filter((a) => a.name.startsWith(EVIDENCE_PREFIX))) {
    const evidence = parseJson<FailedEvidence>(attachment.text, `attachment "${attachment.name}"`, test);
    for (const check of evidence.failedChecks) {
      const i = failed.findIndex((a) => a.check === check && a.scenario === evidence.scenario);
      const annotation: CheckAnnotation | undefined = i < 0 ? undefined : failed.splice(i, 1)[0];
      failures.push({
        operation: annotation?.operation ?? evidence.exchange.operation ?? '-',
        check,
        rule: ruleOf.get(check) ?? '',
        testId: test.id,
        test: test.titlePath,
        scenario: evidence.scenario,
        issues: (annotation?.issues ?? []).map(({ message, received, documented, pointer }) => ({
          message,
          ...defined({ received, documented, pointer }),
        })),
        exchange: failedExchange(evidence.exchange),
        curl: curlLine(baseUrl, evidence.exchange),
        replay: evidence.replay
          ? {
              seed: evidence.replay.seed,
              ...(evidence.replay.path !== undefined && { path: evidence.replay.path }),
              command: replayCommand(evidence.replay, test.title),
            }
          : null,
        task: evidence.task ? taskOf(evidence.task) : null,
      });
    }
  }
  return failures;
}

/**
 * The command fixtures/property.ts prints to replay a failed property: the flags that select the same
 * target and faults, the seed, the path (only when fast-check gave one) and the test's title.
 */
export function replayCommand(replay: { seed: number; path?: string; selects?: readonly string[] }, title: string): string {
  const selects = (replay.selects ?? []).map(shellWord).join(' ');
  const path = replay.path === undefined ? '' : ` --path ${replay.path}`;
  return `vcconform run ${selects ? `${selects} ` : ''}--seed ${replay.seed}${path} --grep '${title.replace(/'/g, '.')}'`;
}

/** A word as the shell reads it back: as is when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The exchange as the report shows it (already redacted when it was recorded). */
export function failedExchange(e: Exchange): FailedExchange {
  return {
    method: e.request.method,
    url: e.request.url,
    requestHeaders: e.request.headers,
    ...(e.request.rawBody !== undefined && { requestBody: e.request.rawBody }),
    status: e.status,
    responseHeaders: e.headers,
    responseBody: excerpt(e.text, MAX_BODY),
  };
}

/** The poll history with times relative to the first answer. */
export function taskOf(task: TaskHistory): Failure['task'] {
  const answered = task.polls.map((p) => Date.parse(p.at) + p.durationMs);
  const polls = task.polls.map((p, i): TaskPoll => {
    const body = isObject(p.body) ? p.body : {};
    const progress = isObject(body.progress) ? body.progress : {};
    return {
      at: new Date(answered[i]!).toISOString(),
      offsetMs: answered[i]! - answered[0]!,
      httpStatus: p.status,
      ...defined({
        status: typeof body.status === 'string' ? body.status : undefined,
        completed: typeof progress.completed === 'number' ? progress.completed : undefined,
        total: typeof progress.total === 'number' ? progress.total : undefined,
      }),
    };
  });
  return { taskId: task.taskId, outcome: task.outcome, budgetMs: task.budgetMs, polls };
}

/** The fields that have a value (optional properties are absent, never undefined, in the JSON). */
function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
