import { DEFAULTS } from '../../fixtures/options';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicToken } from '../client/redactor';
import { CONTROL_PREFIX } from '../mock/control';
import { loadInventory, type Inventory } from '../mock/inventory';
import { startMock, type RunningMock } from '../mock/start-mock';
import { mockRoles } from '../target/mock-roles';

/**
 * The reference mock as a lab vCenter for self-tests of whole runs: started here, with canary
 * passwords (fresh random ones, so any occurrence in an artifact is a leak), and a profile naming
 * its users, its roles and its reset, that `vcconform run --profile` reads.
 */
export interface Lab {
  mock: RunningMock;
  /** The environment holding the passwords, as the profile names them. */
  env: Record<string, string>;
  /** Every form a credential travels in: passwords, their base64, Basic tokens. */
  credentials: string[];
  /** Writes a profile for `url` (the mock's, or a front's before it). */
  profile(url: string, extra?: Record<string, unknown>): string;
}

/** The environment variables holding the mock users' passwords, as a lab profile names them. */
const PASSWORD_ENV: Record<string, string> = { administrator: 'VCC_LAB_ADMIN_PW', 'read-only': 'VCC_LAB_RO_PW', operator: 'VCC_LAB_OP_PW' };

/** The environment a `vcconform run --profile` of a lab profile needs: each user's password under its variable. */
export function labEnv(mock: Pick<RunningMock, 'users'>): Record<string, string> {
  return Object.fromEntries(mock.users.map((u) => [PASSWORD_ENV[u.role]!, u.password]));
}

/** Writes a profile for the mock's users and roles at `url` (the mock's, or a front's before it); `fields` add to it or replace. */
export function writeLabProfile(mock: Pick<RunningMock, 'users'>, url: string, fields: Record<string, unknown> = {}): string {
  // The lab's facts as a profile declares them: each user's lacks come from the mock's inventory grants.
  const users = Object.fromEntries(
    mock.users.map(({ role, username, lacks, lacksOn }) => [
      role,
      { username, passwordEnv: PASSWORD_ENV[role], ...(lacks && { lacks }), ...(lacksOn && { lacksOn }) },
    ]),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'vcconform-lab-')), 'lab.json');
  writeFileSync(
    file,
    JSON.stringify({ description: 'the reference mock, started separately as a lab', url, users, roles: mockRoles, ...fields }, null, 2),
  );
  return file;
}

/** How a lab differs from the default mock: faults, pace, its inventory, how it reads sets. */
export interface LabOptions {
  faults?: string[];
  timeScale?: number;
  /** Changes the default inventory before the mock starts (its users' declared lacks follow). */
  inventory?: (inventory: Inventory) => void;
  bindSets?: boolean;
}

/** Starts the canary lab: the mock with random passwords, its control surface on (the profile's reset uses it), and `faults`. */
export async function startCanaryLab(options: LabOptions = {}): Promise<Lab> {
  const inventory = loadInventory();
  inventory.timings.sessionIdleTimeoutMs = 24 * 3600_000;
  options.inventory?.(inventory);
  for (const user of inventory.users) user.password = `Canary-${user.role}-${randomBytes(6).toString('hex')}!`;
  const mock = await startMock({
    inventory,
    timeScale: options.timeScale ?? DEFAULTS.timeScale,
    control: true,
    faults: options.faults ?? [],
    bindSets: options.bindSets ?? false,
  });
  const credentials = mock.users.flatMap((u) => [
    u.password,
    Buffer.from(u.password).toString('base64'),
    basicToken(u.username, u.password),
  ]);
  const capabilities = {
    reset: { http: { method: 'POST', path: `${CONTROL_PREFIX}/reset` } },
    allowMutations: true,
    mutationAllowlist: [...mock.state.clusters.keys()],
  };
  return { mock, env: labEnv(mock), credentials, profile: (url, extra = {}) => writeLabProfile(mock, url, { capabilities, ...extra }) };
}
