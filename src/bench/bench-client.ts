import { ApiClient } from '../client/api-client';
import { nodeTransport, type NodeTransport } from '../client/node-transport';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from '../target/profile';

/** The harness's own client and wire (as the suites' fixtures build them), with the profile's default limits. */
export function benchClient(baseUrl: string): { api: ApiClient; transport: NodeTransport } {
  const transport = nodeTransport({ timeoutMs: DEFAULT_TIMEOUT_MS, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES });
  return { api: new ApiClient(baseUrl, transport), transport };
}

/** Logs in as this user and returns the session id; throws with the answer when the login is refused. */
export async function sessionOf(api: ApiClient, user: { username: string; password: string }): Promise<string> {
  const { exchange, sessionId } = await api.login(user.username, user.password);
  if (!sessionId)
    throw new Error(
      `[vcconform] Failed to log in as ${user.username}: POST /api/session answered ${exchange.status} ${exchange.text.slice(0, 200)}.`,
    );
  return sessionId;
}
