import { mkdirSync, readFileSync } from 'node:fs';
import { jsonFilesIn } from '../util/json-files';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic';
import type { SessionEvent } from './session-keeper';

/**
 * Sessions a run could not delete at its end (the logout failed twice: once on the worker's
 * connection, once on a fresh one): each worker writes them here, by role and reason — never the
 * id — and `vcconform run` lists them after the run. The target ends them at its idle timeout.
 */
export const SESSIONS_LEFT_DIR = 'sessions-left';

export interface SessionsLeft {
  target: string;
  sessions: { role: string; at: string; reason: string }[];
}

export function writeSessionsLeft(reports: string, worker: string, target: string, left: readonly SessionEvent[]): void {
  if (left.length === 0) return;
  const dir = join(reports, SESSIONS_LEFT_DIR);
  mkdirSync(dir, { recursive: true });
  const body: SessionsLeft = { target, sessions: left.map((e) => ({ role: e.role, at: e.at, reason: e.detail ?? 'unknown' })) };
  writeFileAtomic(join(dir, `${worker}.json`), `${JSON.stringify(body, null, 2)}\n`);
}

/** The lines `vcconform run` prints: one per session left on the target, or none. */
export function sessionsLeftSummary(reports: string): string[] {
  const dir = join(reports, SESSIONS_LEFT_DIR);
  const lines: string[] = [];
  for (const file of jsonFilesIn(dir)) {
    try {
      const { target, sessions } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SessionsLeft;
      for (const s of sessions)
        lines.push(
          `[vcconform] a session of the ${s.role} user could not be deleted ` +
            `on ${target} (it ends at the target's idle timeout): ${s.reason}`,
        );
    } catch (e) {
      lines.push(`[vcconform] ${join(dir, file)} is not a sessions-left file: ${(e as Error).message}`);
    }
  }
  return lines;
}
