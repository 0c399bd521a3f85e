import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatorFor } from '../../specs/index';
import { MockError } from './mock-error';

export interface InventoryUser {
  username: string;
  password: string;
  role: string;
  privileges: string[];
  clusterPrivileges?: Record<string, string[]>;
}
export type PrecheckOutcome = 'none' | 'warnings' | 'errors';
export interface InventorySupervisor {
  currentVersion: string;
  availableVersions: string[];
  lastUpgradedDate?: string;
  prechecks: Record<string, PrecheckOutcome>;
}
export interface InventoryCluster {
  id: string;
  name: string;
  singleImage: boolean;
  commits: string[];
  supervisor?: InventorySupervisor;
}
export interface InventoryHost {
  id: string;
  name: string;
  cluster?: string;
  isVsanWitness?: boolean;
  stage?: 'ok' | 'fails' | 'skipped';
}
/** Durations in ms: task and upgrade ones in virtual (scaled) time; the session idle timeout in real time. */
export interface Timings {
  taskPendingMs: number;
  stagePerHostMs: number;
  upgradeMs: number;
  /** Unscaled: a session unused this long ends, whatever the time scale (a manual clock's advance() counts). */
  sessionIdleTimeoutMs: number;
}
/**
 * What GET /api/appliance/system/version answers (Appliance.System.Version.VersionStruct; `installTime` is its
 * `install_time`). `summary` and `releasedate` are empty strings for an appliance that was never patched.
 */
export interface InventoryAppliance {
  product: string;
  version: string;
  build: string;
  type: string;
  summary: string;
  releasedate: string;
  installTime: string;
  /** The optional release name; absent by default, as the spec allows. */
  name?: string;
}
export interface Inventory {
  users: InventoryUser[];
  clusters: InventoryCluster[];
  hosts: InventoryHost[];
  timings: Timings;
  appliance: InventoryAppliance;
}

export const DEFAULT_INVENTORY_FILE = join(__dirname, '..', '..', 'fixtures', 'inventory', 'default.json');
const DEFAULT_TIMINGS: Timings = { taskPendingMs: 1000, stagePerHostMs: 10_000, upgradeMs: 60_000, sessionIdleTimeoutMs: 30 * 60_000 };
/** The appliance a file without an `appliance` block (or without some of its fields) describes: an unpatched 9.1. */
export const DEFAULT_APPLIANCE: InventoryAppliance = {
  product: 'VMware vCenter Server',
  version: '9.1.0.0',
  build: '24321653',
  type: 'vCenter Server with an embedded Platform Services Controller',
  summary: '',
  releasedate: '',
  installTime: '2026-01-05T09:00:00.000Z',
};

/** Reads and checks an inventory file; every problem is reported with the file and where in it. */
export function loadInventory(file = DEFAULT_INVENTORY_FILE): Inventory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MockError(`read the inventory ${file}`, (e as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new MockError(`read the inventory ${file}`, `it is not JSON (${(e as Error).message})`);
  }
  return checkInventory(value, file);
}

/** Validates an in-memory inventory (schema `Vcconform.Mock.Inventory`, then cross-references). */
export function checkInventory(value: unknown, source = 'inventory'): Inventory {
  const validate = validatorFor('Vcconform.Mock.Inventory');
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new MockError(`load the inventory ${source}`, problems, 'See specs/vcconform/mock-inventory.schema.json');
  }
  const raw = value as Omit<Inventory, 'timings' | 'appliance'> & { timings?: Partial<Timings>; appliance?: Partial<InventoryAppliance> };
  const inventory: Inventory = {
    ...raw,
    timings: { ...DEFAULT_TIMINGS, ...raw.timings },
    appliance: { ...DEFAULT_APPLIANCE, ...raw.appliance },
  };
  const problems = crossReferenceProblems(inventory);
  if (problems.length) throw new MockError(`load the inventory ${source}`, problems.join('; '));
  return inventory;
}

function crossReferenceProblems(inv: Inventory): string[] {
  const problems: string[] = [];
  const clusterIds = new Set(inv.clusters.map((c) => c.id));
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${kind} ${JSON.stringify(id)}`);
      seen.add(id);
    }
  };
  dup(
    'cluster id',
    inv.clusters.map((c) => c.id),
  );
  dup(
    'host id',
    inv.hosts.map((h) => h.id),
  );
  dup(
    'username',
    inv.users.map((u) => u.username),
  );
  inv.hosts.forEach((h, i) => {
    if (h.cluster !== undefined && !clusterIds.has(h.cluster))
      problems.push(`/hosts/${i}/cluster names unknown cluster ${JSON.stringify(h.cluster)}`);
  });
  inv.users.forEach((u, i) => {
    for (const c of Object.keys(u.clusterPrivileges ?? {})) {
      if (!clusterIds.has(c)) problems.push(`/users/${i}/clusterPrivileges names unknown cluster ${JSON.stringify(c)}`);
    }
  });
  for (const [k, v] of Object.entries(inv.timings))
    if (!(Number.isInteger(v) && v >= 0)) problems.push(`/timings/${k} must be a non-negative integer, got ${v}`);
  return problems;
}
