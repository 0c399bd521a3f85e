import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app';
import { manualClock, scaledClock, type Clock } from './clock';
import { withControl } from './control';
import { faultsByName } from './faults/index';
import type { Fault } from './faults/fault';
import { checkInventory, loadInventory, type Inventory } from './inventory';
import { Journal } from './journal';
import { MockError } from './mock-error';
import { handlers } from './routes';
import { listen } from './server';
import { cataloguePrivileges, lacksOfGrant, type DeclaredLacks } from '../target/privileges';
import { MockState } from './state';

export interface StartMockOptions {
  port?: number;
  host?: string;
  /** TLS key and certificate (PEM), or `true` for the mock-only certificate in fixtures/tls; absent = plain HTTP. */
  tls?: true | { key: string; cert: string };
  /** Virtual time runs this many times faster than real time (default 1000). Ignored with `clock`. */
  timeScale?: number;
  /** `manual` for a clock that moves only on `clock.advance()`; or a Clock of your own. */
  clock?: 'manual' | Clock;
  /** An inventory object, or the path of an inventory JSON file; default fixtures/inventory/default.json. */
  inventory?: Inventory | string;
  /** Names of fault switches to turn on. */
  faults?: readonly string[];
  /** Serve the test-control surface under /__vcconform (reset, faults, journal); default off. */
  control?: boolean;
  /**
   * A session unused this many ms of real (unscaled) time ends; default the inventory's
   * `timings.sessionIdleTimeoutMs` (30 minutes). With `clock: 'manual'`, `clock.advance()` counts.
   */
  sessionIdleTimeoutMs?: number;
  /** The journal keeps the newest this many requests (default 10,000); `journal.total` counts them all. */
  journalLimit?: number;
  /** Bind `uniqueItems` arrays to sets (duplicates dropped) instead of refusing a duplicate: a conforming variant. */
  bindSets?: boolean;
}

/** The mock-only self-signed certificate (CN=localhost, SAN localhost and 127.0.0.1); see fixtures/tls/README.md. */
export const MOCK_TLS_DIR = join(__dirname, '..', '..', 'fixtures', 'tls');

function builtInTls(): { key: string; cert: string } {
  return { key: readFileSync(join(MOCK_TLS_DIR, 'key.pem'), 'utf8'), cert: readFileSync(join(MOCK_TLS_DIR, 'cert.pem'), 'utf8') };
}

export interface RunningMock {
  url: string;
  journal: Journal;
  state: MockState;
  clock: Clock;
  /** The mock-only accounts, for scripts and fixtures, each with what its inventory grant lacks of the catalogue's privileges. */
  users: ({ username: string; password: string; role: string } & DeclaredLacks)[];
  /** Replaces the fault switches in force. */
  setFaults(names: readonly string[]): void;
  /** Back to the initial state: inventory, no sessions or tasks, clock and journal cleared, same faults. */
  reset(): void;
  close(): Promise<void>;
}

/** The inventory with the startMock option's idle timeout in place of its own, if given. */
function withIdleTimeout(inventory: Inventory, ms: number | undefined): Inventory {
  if (ms === undefined) return inventory;
  if (!Number.isInteger(ms) || ms < 0)
    throw new MockError('start the mock', `sessionIdleTimeoutMs must be a non-negative integer, got ${ms}`);
  return { ...inventory, timings: { ...inventory.timings, sessionIdleTimeoutMs: ms } };
}

/** Starts the reference mock vCenter on 127.0.0.1 (port 0 = any free port). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const inventory = withIdleTimeout(
    typeof options.inventory === 'object' ? checkInventory(options.inventory) : loadInventory(options.inventory),
    options.sessionIdleTimeoutMs,
  );
  const clock = options.clock === 'manual' ? manualClock() : (options.clock ?? scaledClock(options.timeScale ?? 1000));
  const state = new MockState(inventory, clock);
  const journal = new Journal(options.journalLimit);
  let active: Fault[] = faultsByName(options.faults ?? []);
  const context = { state, clock };
  const app = createApp({ context, journal, handlers, faults: () => active, bindSets: options.bindSets ?? false });
  const setFaults = (names: readonly string[]) => {
    active = faultsByName(names);
  };
  const reset = () => {
    state.reset();
    clock.reset();
    journal.clear();
    for (const f of active) f.reset?.(context);
  };
  const served = options.control ? withControl(app, { journal, reset, setFaults }) : app;
  const tls = options.tls === true ? builtInTls() : options.tls;
  const server = await listen(served, { port: options.port, host: options.host, tls });
  return {
    url: server.url,
    journal,
    state,
    clock,
    users: inventory.users.map((u) => ({
      username: u.username,
      password: u.password,
      role: u.role,
      ...lacksOfGrant(
        u,
        cataloguePrivileges(),
        inventory.clusters.map((c) => c.id),
      ),
    })),
    setFaults,
    reset,
    close: () => server.close(),
  };
}
