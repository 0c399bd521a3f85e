import { createApp } from './app';
import { manualClock, scaledClock, type Clock } from './clock';
import { faultsByName } from './faults/index';
import type { Fault } from './faults/fault';
import { checkInventory, loadInventory, type Inventory } from './inventory';
import { Journal } from './journal';
import { handlers } from './routes';
import { listen } from './server';
import { MockState } from './state';

export interface StartMockOptions {
  port?: number;
  host?: string;
  /** TLS key and certificate (PEM); absent = plain HTTP. */
  tls?: { key: string; cert: string };
  /** Virtual time runs this many times faster than real time (default 1000). Ignored with `clock`. */
  timeScale?: number;
  /** `manual` for a clock that moves only on `clock.advance()`; or a Clock of your own. */
  clock?: 'manual' | Clock;
  /** An inventory object, or the path of an inventory JSON file; default fixtures/inventory/default.json. */
  inventory?: Inventory | string;
  /** Names of fault switches to turn on. */
  faults?: readonly string[];
}

export interface RunningMock {
  url: string;
  journal: Journal;
  state: MockState;
  clock: Clock;
  /** The mock-only accounts, for scripts and fixtures. */
  users: { username: string; password: string; role: string }[];
  /** Replaces the fault switches in force. */
  setFaults(names: readonly string[]): void;
  /** Back to the initial state: inventory, no sessions or tasks, clock and journal cleared, same faults. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts the reference mock vCenter on 127.0.0.1 (port 0 = any free port). */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const inventory = typeof options.inventory === 'object' ? checkInventory(options.inventory) : loadInventory(options.inventory);
  const clock = options.clock === 'manual' ? manualClock() : options.clock ?? scaledClock(options.timeScale ?? 1000);
  const state = new MockState(inventory, clock);
  const journal = new Journal();
  let active: Fault[] = faultsByName(options.faults ?? []);
  const app = createApp({ context: { state, clock }, journal, handlers, faults: () => active });
  const server = await listen(app, { port: options.port, host: options.host, tls: options.tls });
  return {
    url: server.url,
    journal,
    state,
    clock,
    users: inventory.users.map(({ username, password, role }) => ({ username, password, role })),
    setFaults(names) { active = faultsByName(names); },
    reset() {
      state.reset();
      clock.reset();
      journal.clear();
      for (const f of active) f.reset?.();
    },
    close: () => server.close(),
  };
}
