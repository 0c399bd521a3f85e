import { sessionIdIn } from '../client/api-client';
import { basicToken } from '../client/redactor';

/** A raw request, off every test's client and evidence (no recording, no guard, no tape). */
export type Send = (request: { method: string; url: string; headers: Record<string, string> }) => Promise<{ status: number; text: string }>;

/**
 * Logs a user in for the harness's own use (the build read, a reset request): POST /api/session with
 * Basic credentials. The status, and the session id when the answer is a 2xx with a bare JSON string.
 */
export async function ownLogin(send: Send, url: string, username: string, password: string): Promise<{ status: number; id?: string }> {
  const r = await send({
    method: 'POST',
    url: `${url}/api/session`,
    headers: { accept: 'application/json', authorization: `Basic ${basicToken(username, password)}` },
  });
  const id = r.status >= 200 && r.status < 300 ? sessionIdIn(r.text) : undefined;
  return { status: r.status, ...(id !== undefined && { id }) };
}

/** Ends a session of the harness's own; one that cannot be ended is left to the target's idle timeout. */
export async function ownLogout(send: Send, url: string, id: string): Promise<void> {
  await send({ method: 'DELETE', url: `${url}/api/session`, headers: { accept: 'application/json', 'vmware-api-session-id': id } }).catch(
    () => undefined,
  );
}
