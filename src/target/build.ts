import { operation, validatorFor } from '../../specs/index';
import { safeParse, type Transport } from '../client/api-client';
import { ownLogin, ownLogout } from './own-session';
import { errorTypeOf } from '../util/error-type';
import { withoutNulls } from '../util/without-nulls';
import type { TargetBuild } from '../report/conformance-types';
import { BUILD_NOT_REPORTED } from '../report/build-name';

/** GET /api/appliance/system/version: catalogued outside the contract, only to name the build under test. */
const VERSION = operation('appliance.version');
const VERSION_STRUCT = VERSION.success.schema!;
const FIELDS = ['product', 'version', 'build', 'type', 'releasedate'] as const;

/** The build, or null and why not (for one console line: `why` never reaches a report). */
export type BuildReading = { build: TargetBuild } | { build: null; why: string };

const notReported = (why: string): BuildReading => ({ build: null, why });
/** The first line of an error, without the harness prefix: the wire's errors name the request line, never its headers. */
const firstLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .replace(/^\[vcconform\] /, '')
    .split('\n')[0];

/**
 * Reads the build under test: one GET /api/appliance/system/version with the given (administrator's)
 * session. Only a 200 whose body matches Appliance.System.Version.VersionStruct (a null optional
 * property read as unset, vcenter-contract.md §1) names a build; any other answer, or none, is "not
 * reported by the target" and never a failure: the operation is outside the contract. Never throws.
 */
export async function readBuild(send: Transport, url: string, session: string): Promise<BuildReading> {
  let answer: Awaited<ReturnType<Transport>>;
  try {
    answer = await send({
      method: 'GET',
      url: `${url}${VERSION.path}`,
      headers: { accept: 'application/json', 'vmware-api-session-id': session },
    });
  } catch (e) {
    return notReported(`got no answer (${firstLine(e)})`);
  }
  const body = safeParse(answer.text);
  if (answer.status !== 200) {
    const type = errorTypeOf(body);
    return notReported(`answered ${answer.status}${type ? ` ${type}` : ''}`);
  }
  if (body === undefined) return notReported('answered 200 with a body that is not JSON');
  const validate = validatorFor(VERSION_STRUCT);
  const struct = withoutNulls(body);
  if (!validate(struct)) {
    const first = validate.errors?.[0];
    return notReported(
      `answered 200 with a body that does not match ${VERSION_STRUCT} ` +
        `(${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'})`,
    );
  }
  const v = struct as Record<(typeof FIELDS)[number], string>;
  return { build: { product: v.product, version: v.version, build: v.build, type: v.type, releasedate: v.releasedate } };
}

/**
 * Logs the administrator in, reads the build and logs out again, for a target no pre-flight has asked
 * (the embedded mock, started per worker). `onSession` learns the session id before it is used (the
 * redactor). Never throws: a login that fails is "not reported" too.
 */
export async function readBuildAs(
  send: Transport,
  url: string,
  user: { username: string; password: string },
  onSession: (id: string) => void,
): Promise<BuildReading> {
  let login: { status: number; id?: string };
  try {
    login = await ownLogin(send, url, user.username, user.password);
  } catch (e) {
    return notReported(`was not asked: the administrator's login got no answer (${firstLine(e)})`);
  }
  const { id } = login;
  if (!id) return notReported(`was not asked: the administrator's login answered ${login.status}`);
  onSession(id);
  try {
    return await readBuild(send, url, id);
  } finally {
    await ownLogout(send, url, id);
  }
}

/** The one console line for a build that was not reported: what happened, and that the run goes on. */
export function buildObservation(target: string, why: string): string {
  return (
    `[vcconform] observation: ${target} did not report its build: ` +
    `GET ${VERSION.path} ${why}. The reports say "${BUILD_NOT_REPORTED}"; the run goes on.`
  );
}

/** Whether a value is a TargetBuild: exactly its five string fields (a recording's, or the one vcconform run hands Playwright). */
export function isTargetBuild(value: unknown): value is TargetBuild {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === FIELDS.length && FIELDS.every((f) => typeof (value as Record<string, unknown>)[f] === 'string');
}

/** The build vcconform run hands the Playwright config (VCCONFORM_TARGET_BUILD): undefined when unset; a value that is no build throws. */
export function targetBuildFrom(text: string | undefined, name: string): TargetBuild | null | undefined {
  if (text === undefined || text === '') return undefined;
  const value = safeParse(text);
  if (value === null || isTargetBuild(value)) return value;
  throw new Error(
    `[vcconform] Failed to read ${name}: expected null or a JSON {product, version, ` +
      `build, type, releasedate} of strings, got ${JSON.stringify(text.slice(0, 200))}.`,
  );
}
