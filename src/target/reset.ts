import { execFile } from 'node:child_process';
import { ownLogin, type Send } from './own-session';
import { message } from '../errors';
import type { ResetCapability } from './profile';

/** Sends one HTTP request to the target (the fixtures pass the harness's wire). */
export type { Send } from './own-session';

/** A reset command gets this long before it is stopped and reported. */
export const RESET_COMMAND_TIMEOUT_MS = 15 * 60_000;

/**
 * Brings a target back to its initial state the way its profile says: an HTTP request to the target
 * (with the administrator's session, if one is given), or a local command without a shell. Anything
 * but success is an error naming the request or command and what it answered.
 */
export async function resetTarget(
  reset: ResetCapability,
  target: { url: string; session?: string; send: Send; cwd: string },
): Promise<void> {
  if ('http' in reset) {
    const { method, path } = reset.http;
    const headers: Record<string, string> = target.session ? { 'vmware-api-session-id': target.session } : {};
    const response = await target.send({ method, url: target.url + path, headers });
    if (response.status < 200 || response.status > 299) {
      throw new Error(
        message(
          `reset the target with ${method} ${path}`,
          `it answered ${response.status} ${response.text.slice(0, 200)}`,
          'Check capabilities.reset in the profile',
        ),
      );
    }
    return;
  }
  const [file, ...args] = reset.command;
  await new Promise<void>((done, fail) => {
    execFile(file!, args, { cwd: target.cwd, timeout: RESET_COMMAND_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return done();
      const why = error.killed
        ? `it did not finish within ${RESET_COMMAND_TIMEOUT_MS / 60_000} minutes`
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'the command was not found'
          : `it exited with ${error.code ?? error.signal}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`;
      fail(
        new Error(
          message(
            `reset the target with the command ${JSON.stringify(reset.command.join(' '))}`,
            why,
            'Check capabilities.reset in the profile',
          ),
        ),
      );
    });
  });
}

/** Logs a user in outside the test's client (for a reset request): the session id, or an error naming the answer. */
export async function directLogin(send: Send, url: string, username: string, password: string): Promise<string> {
  const { status, id } = await ownLogin(send, url, username, password);
  if (status !== 201 || id === undefined) throw new Error(message('log in to reset the target', `POST /api/session answered ${status}`));
  return id;
}
