import { INVENTORY_ROLES, ROLES, clustersOfRole, type InventoryRole, type InventoryRoles, type Role } from '../target/roles';

/**
 * What a test assumes of the lab, declared statically beside its plan (`sends(plan).assuming({…})`),
 * so `vcconform run --dry-run` can say which tests a target would skip without running any. The need
 * fixture holds the test to it: a need the test did not declare fails the test (src/safety/assumes.ts
 * undeclaredNeed), so the declaration cannot drift from the code.
 */
export interface Assumptions {
  /** Inventory roles the target must map (need.roles). */
  roles?: readonly InventoryRole[];
  /** Roles the target must have a user for (need.users). */
  users?: readonly Role[];
  /**
   * Privileges a user must be declared to lack (need.lacks): everywhere, or on the cluster(s) of the
   * inventory role(s) `on` names. Each implies its user and its `on` roles.
   */
  lacks?: readonly { role: Role; privilege: string; on?: InventoryRole | readonly InventoryRole[] }[];
  /** A target that can be reset (need.reset). */
  reset?: boolean;
}

/** One declared lack: `on` absent means everywhere. */
export interface Lack {
  role: Role;
  privilege: string;
  on?: InventoryRole;
}

/** Assumptions as read back from the annotation: every field present, sorted, without duplicates. */
export interface Assumed {
  roles: InventoryRole[];
  users: Role[];
  lacks: Lack[];
  reset: boolean;
}

export const ASSUMES_ANNOTATION = 'vcconform.assumes';

const NOTHING: Assumed = { roles: [], users: [], lacks: [], reset: false };
const sorted = <T extends string>(xs: Iterable<T>): T[] => [...new Set(xs)].sort();
const lackText = (l: Lack) => `${l.role} ${l.privilege}${l.on === undefined ? '' : ` on ${l.on}`}`;

/** The lacks as text: one item per user and privilege, its inventory roles joined by "+" (`read-only P on a+b`), everywhere apart. */
function lacksText(lacks: readonly Lack[]): string {
  const items = new Map<string, string[]>();
  for (const l of lacks) {
    const key = `${l.role} ${l.privilege}${l.on === undefined ? '' : ' on'}`;
    items.set(key, [...(items.get(key) ?? []), ...(l.on === undefined ? [] : [l.on])]);
  }
  return [...items].map(([key, on]) => (on.length ? `${key} ${on.join('+')}` : key)).join(', ');
}

/** The declaration in its one form: an `on` list becomes one lack per inventory role. */
export function normalise(a: Assumptions): Assumed {
  const lacks = (a.lacks ?? []).flatMap((l) =>
    l.on === undefined
      ? [{ role: l.role, privilege: l.privilege }]
      : (typeof l.on === 'string' ? [l.on] : [...l.on]).map((on) => ({ role: l.role, privilege: l.privilege, on })),
  );
  const unique = new Map(lacks.map((l) => [lackText(l), l]));
  return {
    roles: sorted(a.roles ?? []),
    users: sorted(a.users ?? []),
    lacks: [...unique.keys()].sort().map((k) => unique.get(k)!),
    reset: a.reset ?? false,
  };
}

/**
 * `roles: a, b; users: operator; lacks: operator P on stageCluster, read-only Q on a+b; reset` (readable in the HTML report); '' for
 * nothing.
 */
export function assumptionsText(a: Assumptions): string {
  const n = normalise(a);
  return [
    n.roles.length ? `roles: ${n.roles.join(', ')}` : '',
    n.users.length ? `users: ${n.users.join(', ')}` : '',
    n.lacks.length ? `lacks: ${lacksText(n.lacks)}` : '',
    n.reset ? 'reset' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Parses an annotation text back; throws on anything else (a hand-written typo), naming the part. */
export function parseAssumptions(text: string): Assumed {
  const fail = (part: string, why: string): never => {
    throw new Error(
      `[vcconform] Failed to read the test's assumptions ${JSON.stringify(text)}: ${JSON.stringify(part)} ${why}. ` +
        'Write them with sends(…).assuming({ roles, users, lacks, reset }) (src/safety/assumes.ts).',
    );
  };
  const found: Required<Assumptions> & { lacks: Lack[] } = { roles: [], users: [], lacks: [], reset: false };
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part === 'reset') {
      found.reset = true;
      continue;
    }
    const m = /^(roles|users|lacks):\s*(\S.*)$/.exec(part);
    if (!m) fail(part, 'is not "roles: …", "users: …", "lacks: …" or "reset"');
    const items = m![2]!.split(',').map((s) => s.trim());
    if (items.some((i) => i === '')) fail(part, 'has an empty item');
    if (m![1] === 'roles')
      found.roles = [
        ...found.roles,
        ...items.map((r) =>
          isInventoryRole(r) ? r : fail(part, `names ${JSON.stringify(r)}, which is not an inventory role (${INVENTORY_ROLES.join(', ')})`),
        ),
      ];
    if (m![1] === 'users')
      found.users = [
        ...found.users,
        ...items.map((r) => (isRole(r) ? r : fail(part, `names ${JSON.stringify(r)}, which is not a user role (${ROLES.join(', ')})`))),
      ];
    if (m![1] === 'lacks') found.lacks = [...found.lacks, ...items.flatMap((item) => parseLack(item, (why) => fail(part, why)))];
  }
  return normalise(found);
}

/** `operator P` (everywhere) or `operator P on a+b` (on the clusters of inventory roles a and b): one lack per role. */
function parseLack(item: string, fail: (why: string) => never): Lack[] {
  const m = /^(\S+)\s+(\S+)(?:\s+on\s+(\S+))?$/.exec(item);
  if (!m)
    return fail(
      `has ${JSON.stringify(item)}, which is not "<user role> <privilege>" ` +
        'or "<user role> <privilege> on <inventory role>[+<inventory role>…]"',
    );
  const [, role, privilege, on] = m;
  if (!isRole(role!)) return fail(`has ${JSON.stringify(item)}, whose ${JSON.stringify(role)} is not a user role (${ROLES.join(', ')})`);
  if (on === undefined) return [{ role, privilege: privilege! }];
  return on
    .split('+')
    .map((key) =>
      isInventoryRole(key)
        ? { role, privilege: privilege!, on: key }
        : fail(`has ${JSON.stringify(item)}, whose ${JSON.stringify(key)} is not an inventory role (${INVENTORY_ROLES.join(', ')})`),
    );
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
const isInventoryRole = (r: string): r is InventoryRole => (INVENTORY_ROLES as readonly string[]).includes(r);

/** What a test declared in its annotations (every vcconform.assumes merged); nothing when it declared none. */
export function declaredAssumptions(annotations: readonly { type: string; description?: string }[]): Assumed {
  const found = annotations.filter((a) => a.type === ASSUMES_ANNOTATION).map((a) => parseAssumptions(a.description ?? ''));
  return found.length === 0
    ? NOTHING
    : normalise({
        roles: found.flatMap((a) => a.roles),
        users: found.flatMap((a) => a.users),
        lacks: found.flatMap((a) => a.lacks),
        reset: found.some((a) => a.reset),
      });
}

/** Every inventory role assumed: the declared ones and those a lack is declared on. */
export function assumedRoles(a: Assumed): InventoryRole[] {
  return sorted([...a.roles, ...a.lacks.flatMap((l) => (l.on === undefined ? [] : [l.on]))]);
}

/** Every user role assumed: the declared ones and those a lack is declared for. */
export function assumedUsers(a: Assumed): Role[] {
  return sorted([...a.users, ...a.lacks.map((l) => l.role)]);
}

/** A call of the need fixture, as the test made it. */
export type NeedCall =
  | { need: 'roles'; keys: readonly InventoryRole[] }
  | { need: 'users'; roles: readonly Role[] }
  | { need: 'lacks'; role: Role; privilege: string; clusters: readonly string[] }
  | { need: 'reset' };

const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const callText = (c: NeedCall) =>
  c.need === 'roles'
    ? `need.roles(${quoted(c.keys)})`
    : c.need === 'users'
      ? `need.users(${quoted(c.roles)})`
      : c.need === 'lacks'
        ? `need.lacks(${quoted([c.role, c.privilege, ...c.clusters])})`
        : 'need.reset()';

/**
 * The error for a need the test did not declare, or undefined when the declaration covers it. A lack on
 * clusters is covered only by lacks declared `on` inventory roles (of `roles`, the target's) naming each
 * of them, and a lack everywhere only by one declared without `on`: what --dry-run decides is what runs.
 */
export function undeclaredNeed(title: string, declared: Assumed, call: NeedCall, roles: InventoryRoles): string | undefined {
  let add: string | undefined;
  if (call.need === 'roles') {
    const missing = call.keys.filter((k) => !assumedRoles(declared).includes(k));
    if (missing.length) add = `roles: [${quoted(missing)}]`;
  } else if (call.need === 'users') {
    const missing = call.roles.filter((r) => !assumedUsers(declared).includes(r));
    if (missing.length) add = `users: [${quoted(missing)}]`;
  } else if (call.need === 'reset') {
    if (!declared.reset) add = 'reset: true';
  } else {
    const mine = declared.lacks.filter((l) => l.role === call.role && l.privilege === call.privilege);
    const lack = (on?: string) => `lacks: [{ role: '${call.role}', privilege: '${call.privilege}'${on ? `, on: ${on}` : ''} }]`;
    if (call.clusters.length === 0) {
      if (!mine.some((l) => l.on === undefined)) add = lack();
    } else {
      const covered = new Set(mine.flatMap((l) => (l.on === undefined ? [] : clustersOfRole(roles[l.on]))));
      const uncovered = call.clusters.filter((c) => !covered.has(c));
      // The inventory role that names each uncovered cluster on this target: what `on` should say.
      const on = uncovered.map((c) => {
        const names = INVENTORY_ROLES.filter((k) => clustersOfRole(roles[k]).includes(c));
        return names.length === 1 ? `'${names[0]}'` : `<${names.length ? names.join(' or ') : `the inventory role of ${c}`}>`;
      });
      if (uncovered.length) add = lack(on.length === 1 ? on[0] : `[${on.join(', ')}]`);
    }
  }
  if (add === undefined) return undefined;
  return (
    `[vcconform] Failed to run "${title}": it calls ${callText(call)} but does not declare it; ` +
    `add ${add} to its sends(…).assuming({…}) (src/safety/assumes.ts), so --dry-run shows what it assumes.`
  );
}
