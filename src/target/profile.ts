import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { validatorFor } from '../../specs/index';
import { UsageError, message } from '../errors';
import { ROLES, type InventoryRoles, type Role, type RoleUser } from './roles';
import { mockRoles } from './mock-roles';
import { parseScope } from './scope';
import { OPERATOR_DENIED_PRIVILEGE, withLackOn, type DeclaredLacks } from './privileges';
import { CONTROL_PREFIX } from '../mock/control';

/** The `$id` of the profile file format (specs/vcconform/target-profile.schema.json). */
export const PROFILE_SCHEMA_ID = 'Vcconform.Target.Profile';
const SCHEMA_HINT = 'See specs/vcconform/target-profile.schema.json';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The largest response body read (8 MiB): a 10,000-cluster upgradeMultiple answer is about 2 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** The whole run's budget: an hour. */
export const DEFAULT_RUN_BUDGET_MS = 3_600_000;
/** The limits a profile sets when it does not say. */
const DEFAULT_LIMITS = { timeoutMs: DEFAULT_TIMEOUT_MS, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, runBudgetMs: DEFAULT_RUN_BUDGET_MS };
/** What `redactedProfile` puts where a password was. */
export const REDACTED = '<redacted>';
export { ROLES } from './roles';

/** How a target is brought back to its initial state: an HTTP request to it, or a local command. */
export type ResetCapability = { http: { method: string; path: string } } | { command: string[] };

/** A target, resolved: defaults filled in, passwords read from the environment, caFile absolute. */
export interface TargetProfile {
  /** Where it came from, for messages: the profile file, `environment` or `embedded mock`. */
  source: string;
  /** The profile's free-text description, when it has one. */
  description?: string;
  /** Base URL, http(s), no credentials, no trailing slash. */
  url: string;
  tls: { insecure: boolean; caFile?: string };
  /** One request's budget, sending to the last byte of the answer. */
  timeoutMs: number;
  /** The largest response body read; a larger one is cut off and fails its test. */
  maxResponseBytes: number;
  /** The whole run's budget (Playwright's globalTimeout). */
  runBudgetMs: number;
  /** The administrator always; other roles when the profile names them. */
  users: Partial<Record<Role, RoleUser>> & { administrator: RoleUser };
  roles: InventoryRoles;
  capabilities: { reset?: ResetCapability; allowMutations: boolean; mutationAllowlist: string[] };
  /** The catalogue operations the target serves (globs); undefined: all. */
  operations?: string[];
}

/** The environment, as a plain map (playwright.config.ts passes process.env; tests pass their own). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The file's shape, as the schema allows it. */
interface ProfileFile {
  description?: string;
  url: string;
  tls?: { insecure?: boolean; caFile?: string };
  timeoutMs?: number;
  maxResponseBytes?: number;
  runBudgetMs?: number;
  users: Partial<Record<Role, { username: string; passwordEnv: string } & DeclaredLacks>>;
  roles?: InventoryRoles;
  operations?: string[];
  capabilities?: {
    reset?: { http?: { method: string; path: string }; command?: string[] };
    allowMutations?: boolean;
    mutationAllowlist?: string[];
  };
}

/**
 * Reads, validates and resolves a profile file. Every problem (all schema errors at once, then all
 * semantic ones at once) is one UsageError naming the file and the JSON pointer of each problem;
 * passwords are read from the named variables and never appear in a message.
 */
export function loadProfile(file: string, env: Env): TargetProfile {
  const action = `load the target profile ${file}`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(message(action, `it cannot be read (${(e as Error).message})`, 'Check the path given to --profile'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(message(action, `it is not JSON (${(e as Error).message})`, SCHEMA_HINT));
  }
  const validate = validatorFor<ProfileFile>(PROFILE_SCHEMA_ID);
  if (!validate(value)) throw new UsageError(message(action, (validate.errors ?? []).map(describeSchemaError).join('; '), SCHEMA_HINT));
  const problems: string[] = [];
  const profile = resolveProfile(value, file, env, problems);
  if (problems.length) throw new UsageError(message(action, problems.join('; '), SCHEMA_HINT));
  return profile;
}

/** One Ajv error as `at /pointer: what is wrong`, naming the property or the allowed values Ajv leaves out. */
function describeSchemaError(e: ErrorObject): string {
  const at = `at ${e.instancePath || '/'}`;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown property ${JSON.stringify(params.additionalProperty)} (a typo?)`;
    case 'required':
      return `${at}: missing required property ${JSON.stringify(params.missingProperty)}`;
    case 'enum':
      return `${at}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

function resolveProfile(raw: ProfileFile, file: string, env: Env, problems: string[]): TargetProfile {
  const url = checkUrl(raw.url, '/url', problems);
  const tls: TargetProfile['tls'] = { insecure: raw.tls?.insecure ?? false };
  if (raw.tls?.caFile !== undefined) {
    const caFile = resolve(dirname(file), raw.tls.caFile);
    if (!isFile(caFile)) problems.push(`at /tls/caFile: ${JSON.stringify(raw.tls.caFile)} is not a file (looked for ${caFile})`);
    tls.caFile = caFile;
  }
  const limits = { ...DEFAULT_LIMITS };
  for (const key of ['timeoutMs', 'maxResponseBytes', 'runBudgetMs'] as const) {
    const value = raw[key] ?? DEFAULT_LIMITS[key];
    if (!(value > 0))
      problems.push(`at /${key}: must be a positive number of ${key === 'maxResponseBytes' ? 'bytes' : 'milliseconds'}, got ${value}`);
    limits[key] = value;
  }
  const users: Partial<Record<Role, RoleUser>> = {};
  for (const role of ROLES) {
    const user = raw.users[role];
    if (!user) continue;
    const password = env[user.passwordEnv];
    if (!password)
      problems.push(
        `at /users/${role}/passwordEnv: the environment ` +
          `variable ${JSON.stringify(user.passwordEnv)} is ${password === '' ? 'empty' : 'not set'}`,
      );
    users[role] = { username: user.username, password: password ?? '', passwordEnv: user.passwordEnv, ...lacksOf(user) };
    problems.push(...declarationProblems(role, user));
  }
  const caps = raw.capabilities ?? {};
  const capabilities: TargetProfile['capabilities'] = {
    allowMutations: caps.allowMutations ?? false,
    mutationAllowlist: caps.mutationAllowlist ?? [],
  };
  if (caps.reset) {
    const { http, command } = caps.reset;
    if ((http === undefined) === (command === undefined)) problems.push('at /capabilities/reset: give exactly one of "http" or "command"');
    else if (http) {
      if (!http.path.startsWith('/'))
        problems.push(`at /capabilities/reset/http/path: must start with "/", got ${JSON.stringify(http.path)}`);
      capabilities.reset = { http };
    } else if (command) {
      if (command.length === 0 || command[0] === '') problems.push('at /capabilities/reset/command: must name a command');
      capabilities.reset = { command };
    }
  }
  const roles = raw.roles ?? {};
  let operations: string[] | undefined;
  if (raw.operations !== undefined) {
    try {
      operations = parseScope(raw.operations, 'at /operations');
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return {
    source: file,
    ...(raw.description !== undefined && { description: raw.description }),
    url,
    tls,
    ...limits,
    users: withImpliedLacks(users, roles) as TargetProfile['users'],
    roles,
    capabilities,
    ...(operations && { operations }),
  };
}

/** A privilege id is one word (VcIntegrity.lifecycleSoftwareRemediation.Write); a lacksOn entry names at least one. */
function declarationProblems(role: Role, user: DeclaredLacks): string[] {
  const bad = (p: string) => !/^\S+$/.test(p);
  const problems = (user.lacks ?? []).flatMap((p, i) =>
    bad(p) ? [`at /users/${role}/lacks/${i}: ${JSON.stringify(p)} is not a privilege id (one word, e.g. Namespaces.Upgrade)`] : [],
  );
  for (const [cluster, privileges] of Object.entries(user.lacksOn ?? {})) {
    if (privileges.length === 0) problems.push(`at /users/${role}/lacksOn/${cluster}: name at least one privilege`);
    privileges.forEach((p, i) => {
      if (bad(p))
        problems.push(
          `at /users/${role}/lacksOn/${cluster}/${i}: ${JSON.stringify(p)} is not a privilege id (one word, e.g. Namespaces.Upgrade)`,
        );
    });
  }
  return problems;
}

/** Only the declaration's fields, and only those present. */
function lacksOf(user: DeclaredLacks): DeclaredLacks {
  return { ...(user.lacks && { lacks: [...user.lacks] }), ...(user.lacksOn && { lacksOn: structuredClone(user.lacksOn) }) };
}

/** The users with what the inventory roles declare added: the operator lacks Namespaces.Upgrade on operatorDeniedCluster. */
function withImpliedLacks<U extends Partial<Record<Role, RoleUser>>>(users: U, roles: InventoryRoles): U {
  const denied = roles.operatorDeniedCluster;
  if (denied === undefined || !users.operator) return users;
  return { ...users, operator: { ...users.operator, ...withLackOn(users.operator, denied, OPERATOR_DENIED_PRIVILEGE) } };
}

/** The URL without trailing slashes; records a problem unless it is http(s) without credentials. */
function checkUrl(value: string, pointer: string, problems: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    // Quoted only when it cannot hold credentials (user:password@).
    problems.push(`at ${pointer}: ${value.includes('@') ? 'the value' : JSON.stringify(value)} is not a URL`);
    return value;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    problems.push(`at ${pointer}: must be http or https, got ${JSON.stringify(parsed.protocol.replace(/:$/, ''))}`);
  // Never echo the URL when it carries credentials: the password would be in the message.
  if (parsed.username || parsed.password)
    problems.push(`at ${pointer}: must not carry credentials (user:password@); name users under /users instead`);
  return value.replace(/\/+$/, '');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The common case without a file, in the spirit of govc's GOVC_* variables: VCENTER_URL,
 * VCENTER_USER, VCENTER_PASSWORD and VCENTER_INSECURE (1/true/0/false). Only the administrator, no
 * roles, no mutations, no reset.
 */
export function profileFromEnv(env: Env): TargetProfile {
  const problems: string[] = [];
  const rawUrl = env.VCENTER_URL ?? '';
  if (!rawUrl) problems.push('VCENTER_URL is not set');
  const url = rawUrl ? checkUrl(rawUrl, 'VCENTER_URL', problems) : '';
  const missing = ['VCENTER_USER', 'VCENTER_PASSWORD'].filter((name) => !env[name]);
  if (missing.length) problems.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
  const insecure = parseBoolean(env.VCENTER_INSECURE);
  if (insecure === undefined) problems.push(`VCENTER_INSECURE must be 1, true, 0 or false, got ${JSON.stringify(env.VCENTER_INSECURE)}`);
  if (problems.length)
    throw new UsageError(
      message(
        'configure the target from the environment',
        problems.join('; '),
        'Set VCENTER_URL, VCENTER_USER and VCENTER_PASSWORD (the administrator), or give --profile FILE',
      ),
    );
  return {
    source: 'environment',
    url,
    tls: { insecure: insecure! },
    ...DEFAULT_LIMITS,
    users: { administrator: { username: env.VCENTER_USER!, password: env.VCENTER_PASSWORD!, passwordEnv: 'VCENTER_PASSWORD' } },
    roles: {},
    capabilities: { allowMutations: false, mutationAllowlist: [] },
  };
}

/** 1/true → true, 0/false/unset/empty → false, anything else → undefined. */
function parseBoolean(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return undefined;
}

/** Every cluster id the mock's roles name: where the embedded mock lets state change. */
function mockClusters(): string[] {
  const r = mockRoles;
  const ids = [
    r.upgradableCluster?.id,
    r.warningsCluster?.id,
    r.errorsCluster?.id,
    r.nonWcpCluster,
    r.stageCluster?.id,
    r.failingStageCluster,
    r.nonSingleImageCluster,
    r.noDesiredDocumentCluster,
    r.operatorDeniedCluster,
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined))].sort();
}

/**
 * The embedded mock's built-in profile: its roles (src/target/mock-roles.ts), mutations allowed on
 * every cluster those roles name (or on `clusters`), reset through its control API.
 */
export function mockProfile(url: string, users: Partial<Record<Role, RoleUser>>, clusters: string[] = mockClusters()): TargetProfile {
  if (!users.administrator)
    throw new UsageError(
      message(
        `build the embedded mock's profile for ${url}`,
        'its inventory has no administrator user',
        'Add a user with role "administrator" to the inventory',
      ),
    );
  return {
    source: 'embedded mock',
    url: url.replace(/\/+$/, ''),
    tls: { insecure: false },
    ...DEFAULT_LIMITS,
    users: withImpliedLacks({ ...users, administrator: users.administrator }, mockRoles),
    roles: mockRoles,
    capabilities: {
      reset: { http: { method: 'POST', path: `${CONTROL_PREFIX}/reset` } },
      allowMutations: true,
      mutationAllowlist: [...clusters],
    },
  };
}

/** A profile (or its public part) with the limits it leaves out set to their defaults. */
export function withLimits<P extends Partial<typeof DEFAULT_LIMITS>>(profile: P): P & typeof DEFAULT_LIMITS {
  return { ...DEFAULT_LIMITS, ...profile };
}

/** A copy safe to print or attach: every password replaced by REDACTED. */
export function redactedProfile(profile: TargetProfile): TargetProfile {
  const users = Object.fromEntries(Object.entries(profile.users).map(([role, user]) => [role, { ...user, password: REDACTED }]));
  return structuredClone({ ...profile, users: users as TargetProfile['users'] });
}

/** A user without its password: its username and what it is declared to lack. */
export type PublicUser = { username: string } & DeclaredLacks;

/** A profile without passwords: what the Playwright options carry (they are serialised into reports). */
export type PublicProfile = Omit<TargetProfile, 'users'> & {
  users: Partial<Record<Role, PublicUser>> & { administrator: PublicUser };
};

/**
 * Splits a profile into its public part and a function that yields a role's password: functions are
 * left out when options are serialised, so the passwords never reach a report.
 */
export function splitProfile(profile: TargetProfile): { profile: PublicProfile; password: (role: Role) => string } {
  const passwords = new Map(Object.entries(profile.users).map(([role, user]) => [role as Role, user.password]));
  const users = Object.fromEntries(
    Object.entries(profile.users).map(([role, user]) => [role, { username: user.username, ...lacksOf(user) }]),
  );
  return {
    profile: structuredClone({ ...profile, users: users as PublicProfile['users'] }),
    password: (role) => {
      const password = passwords.get(role);
      if (password === undefined)
        throw new UsageError(message(`log in as ${role}`, `the profile ${profile.source} names no user for that role`));
      return password;
    },
  };
}
