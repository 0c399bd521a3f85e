import type { LocalizableMessage, Progress } from '../stage-result';
import type { TaskRecord } from '../state';
import type { Timeline } from '../task-engine';

/** Work units of a generic task: it is one piece of work, counted in percent. */
const UNITS = 100;

/** A generic task's record: a TaskRecord with its generic part. */
export type GenericTaskRecord = TaskRecord & { generic: NonNullable<TaskRecord['generic']> };

const message = (record: TaskRecord, key: string, text: string): LocalizableMessage => ({
  id: `${record.service}.${record.operation}.${key}`,
  default_message: text,
  args: [],
});

/** Cis.Task.Progress of a generic task: rises with the time it has run, and is complete in every terminal status. */
export function genericProgress(record: GenericTaskRecord, t: Timeline): Progress {
  const terminal = t.status === 'SUCCEEDED' || t.status === 'FAILED';
  const ran = t.startAt === undefined ? 0 : t.at - t.startAt;
  const completed = terminal ? UNITS : Math.min(UNITS - 1, Math.floor((ran * UNITS) / Math.max(1, record.generic.runMs)));
  const text =
    t.failure === 'denied'
      ? message(record, 'progress.denied', 'The operation was not started: permission denied.')
      : t.failure === 'canceled'
        ? message(record, 'progress.canceled', 'The operation was canceled.')
        : terminal
          ? message(record, 'progress.done', 'The operation is done.')
          : message(record, 'progress.running', `${record.generic.description.default_message} (${completed}%).`);
  return { total: UNITS, completed, message: text };
}

/** Cis.Task.Info.result of a generic task: the built result once SUCCEEDED (none before, none when it failed). */
export function genericResult(record: GenericTaskRecord, t: Timeline): unknown {
  return t.status === 'SUCCEEDED' ? record.generic.result : undefined;
}
