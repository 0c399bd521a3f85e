import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../errors';
import { loadProfile, profileFromEnv, type TargetProfile } from '../../target/profile';

/**
 * Where a live run's target comes from: the flags --target / --profile / --replay (one at most),
 * else VCENTER_URL; none of them means the embedded mock. Every problem is a UsageError naming it.
 */
export type TargetSource =
  | { kind: 'url'; url: string; from: '--target' | 'VCENTER_URL' }
  | { kind: 'profile'; file: string }
  | { kind: 'replay'; dir: string };

/** The vCenter's base URL (no credentials, query or fragment, not ending in /api), without a trailing slash. */
export function targetUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL such as https://vcenter.example.com, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`${flag} must be an http(s) URL, got the scheme ${JSON.stringify(url.protocol)}`);
  if (url.username || url.password)
    throw new UsageError(`${flag} must not carry credentials: set VCENTER_USER and VCENTER_PASSWORD instead`);
  if (url.search || url.hash) throw new UsageError(`${flag} must be a base URL without query or fragment, got ${JSON.stringify(value)}`);
  if (/\/api\/?$/.test(url.pathname))
    throw new UsageError(`${flag} is the base URL: the API is under it at /api, so drop "/api" from ${JSON.stringify(value)}`);
  return url.href.replace(/\/+$/, '');
}

/** An existing directory (for --replay) or a directory that may be created (for --record, --reports). */
export function directory(flag: string, value: string, cwd: string, mustExist: boolean): string {
  const dir = resolve(cwd, value);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`${flag} must be a directory, but ${JSON.stringify(dir)} is a file`);
  if (mustExist && !existsSync(dir)) throw new UsageError(`${flag} ${JSON.stringify(dir)} does not exist; record one with --record`);
  return dir;
}

/** Which target the flags (or VCENTER_URL) select, and its resolved profile. */
export function resolveTarget(
  values: { target?: string; profile?: string; replay?: string; insecure?: boolean },
  env: NodeJS.ProcessEnv,
  cwd: string,
): { source?: TargetSource; profile?: TargetProfile } {
  const given = (['target', 'profile', 'replay'] as const).filter((k) => values[k] !== undefined);
  if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} both name a target: give one`);
  if (values.replay !== undefined) {
    if (values.insecure) throw new UsageError('--insecure applies to a live target, not to --replay (a replay sends nothing)');
    return { source: { kind: 'replay', dir: directory('--replay', values.replay, cwd, true) } };
  }
  const insecure = values.insecure ? { VCENTER_INSECURE: '1' } : {};
  if (values.profile !== undefined) {
    const file = resolve(cwd, values.profile);
    const profile = loadProfile(file, env);
    if (values.insecure) profile.tls.insecure = true;
    return { source: { kind: 'profile', file }, profile };
  }
  const fromFlag = values.target !== undefined;
  const raw = values.target ?? env.VCENTER_URL;
  if (raw === undefined || raw === '') {
    if (values.insecure) throw new UsageError('--insecure applies to a live target: give --target URL or --profile FILE');
    return {};
  }
  const url = targetUrl(raw, fromFlag ? '--target' : 'VCENTER_URL');
  const profile = profileFromEnv({ ...env, VCENTER_URL: url, ...insecure });
  return { source: { kind: 'url', url, from: fromFlag ? '--target' : 'VCENTER_URL' }, profile };
}
