import { UsageError, message } from '../errors';
import { safeParse, sessionIdIn, type Transport } from '../client/api-client';
import { basicToken } from '../client/redactor';
import { errorTypeOf } from '../util/error-type';
import type { ProbeAnswer } from './probe';
import type { TargetProfile } from './profile';
import type { Role } from './roles';
import { readBuild, type BuildReading } from './build';

/**
 * What is checked before any suite runs, once the target answers at all (probeTarget): that it is a
 * vCenter's /api — the probe's `GET /api/session` without a session is 401 with a vAPI error body — and that
 * every configured user can log in. A refused login (401, 403) is a configuration error, one line
 * naming the role, the user and where its password comes from, and nothing runs: otherwise a wrong
 * password turns into minutes of failed tests blamed on the server. Anything else the target does
 * here (no answer, a 500, a login that deviates) is left to the suites, which report it as what it is.
 * Every session the pre-flight opens it deletes. With the administrator's session, before its logout,
 * it reads the build under test (GET /api/appliance/system/version, once per run): the reading is
 * returned, and a build the target does not report is never a reason to stop.
 */
export async function preflight(profile: TargetProfile, probe: ProbeAnswer, send: Transport): Promise<BuildReading> {
  const url = (path: string) => `${profile.url}${path}`;
  const action = `use ${profile.url} (from ${profile.source}) as a vCenter`;
  if (!(probe.status === 401 && errorTypeOf(safeParse(probe.text)) !== undefined)) {
    const type = probe.contentType ?? 'no content type';
    const body = probe.text === '' ? 'no body' : JSON.stringify(probe.text.slice(0, 80));
    throw new UsageError(
      message(
        action,
        `it is not a vCenter /api endpoint: GET /api/session without a session answered ${probe.status} (${type}, ${body})`,
        'A vCenter answers 401 with a vAPI error body ({"error_type": "UNAUTHENTICATED", …}); give the base URL, without /api',
      ),
    );
  }
  const refused: string[] = [];
  let build: BuildReading = { build: null, why: "was not asked: the administrator's login got no answer" };
  for (const [role, user] of Object.entries(profile.users) as [Role, TargetProfile['users'][Role] & {}][]) {
    const login = await send({
      method: 'POST',
      url: url('/api/session'),
      headers: { accept: 'application/json', authorization: `Basic ${basicToken(user.username, user.password)}` },
    }).catch(() => undefined);
    if (!login) continue;
    if (login.status === 401 || login.status === 403) {
      const from = user.passwordEnv ? ` (its password comes from ${user.passwordEnv})` : '';
      const type = errorTypeOf(safeParse(login.text));
      refused.push(`the ${role} user ${user.username} was refused with ${login.status}${type ? ` ${type}` : ''}${from}`);
      continue;
    }
    const id = login.status >= 200 && login.status < 300 ? sessionIdIn(login.text) : undefined;
    if (role === 'administrator')
      build = id
        ? await readBuild(send, profile.url, id)
        : { build: null, why: `was not asked: the administrator's login answered ${login.status}` };
    if (id)
      await send({
        method: 'DELETE',
        url: url('/api/session'),
        headers: { accept: 'application/json', 'vmware-api-session-id': id },
      }).catch(() => undefined);
  }
  if (refused.length)
    throw new UsageError(
      message(
        `log in to ${profile.url}`,
        refused.join('; '),
        'Check the user names in the profile and the passwords in those variables; nothing was run',
      ),
    );
  return build;
}
