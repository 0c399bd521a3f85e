import { UsageError } from '../../errors';
import { CONTROL_PREFIX, controlSummary } from '../../mock/control';
import { faults, faultsByName } from '../../mock/faults/index';
import { loadInventory, type Inventory } from '../../mock/inventory';
import { MockError } from '../../mock/mock-error';
import { startMock, type RunningMock } from '../../mock/start-mock';
import type { Command, Io } from '../io';
import { intFlag, parse } from '../parse';

const USAGE =
  'vcconform mock [--port N] [--host H] [--tls] [--time-scale X] [--inventory ' +
  'FILE] [--fault NAME[@OPERATION_ID]]… [--control] [--json] | --list-faults';

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  tls: { type: 'boolean' },
  'time-scale': { type: 'string' },
  inventory: { type: 'string' },
  fault: { type: 'string', multiple: true },
  control: { type: 'boolean' },
  json: { type: 'boolean' },
  'list-faults': { type: 'boolean' },
} as const;

/** Resolves when the mock should stop (default: the first SIGINT or SIGTERM). */
export type UntilShutdown = () => Promise<unknown>;

/** The first SIGINT or SIGTERM; the handlers are removed again once it came. */
export function untilSignal(): Promise<NodeJS.Signals> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, on);
      resolve(signal);
    };
    for (const s of signals) process.on(s, on);
  });
}

/** A MockError's text as the tail of a usage message (no prefix, no final period). */
function reasonOf(e: MockError): string {
  return e.message.replace(/^\[vcconform\] /, '').replace(/\.$/, '');
}

interface Settings {
  port: number;
  host: string;
  tls: boolean;
  timeScale?: number;
  inventory?: Inventory;
  faults: string[];
  control: boolean;
  json: boolean;
}

/** Checks every flag before anything listens; each problem is a UsageError naming its flag. */
function settingsFrom(values: ReturnType<typeof parse<typeof OPTIONS>>['values']): Settings {
  const port = intFlag('port', values.port, 0, 65535);
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must not be empty');
  let timeScale: number | undefined;
  if (values['time-scale'] !== undefined) {
    const text = values['time-scale'];
    timeScale = /^\s*[-+0-9.eE]+\s*$/.test(text) ? Number(text) : NaN;
    if (!(timeScale > 0) || !Number.isFinite(timeScale))
      throw new UsageError(`--time-scale must be a positive number, got ${JSON.stringify(text)}`);
  }
  const names = values.fault ?? [];
  try {
    faultsByName(names);
  } catch (e) {
    if (e instanceof MockError) throw new UsageError(`--fault: ${reasonOf(e)}`);
    throw e;
  }
  let inventory: Inventory | undefined;
  if (values.inventory !== undefined) {
    try {
      inventory = loadInventory(values.inventory);
    } catch (e) {
      if (e instanceof MockError) throw new UsageError(`--inventory: ${reasonOf(e)}`);
      throw e;
    }
  }
  return {
    port,
    host,
    tls: values.tls ?? false,
    timeScale,
    inventory,
    faults: names,
    control: values.control ?? false,
    json: values.json ?? false,
  };
}

function announce(io: Io, mock: RunningMock, s: Settings): void {
  if (s.json) {
    io.out(JSON.stringify({ url: mock.url, users: mock.users, faults: s.faults, control: s.control }));
    return;
  }
  const width = Math.max(...mock.users.map((u) => u.username.length));
  io.out(
    [
      `vcconform mock vCenter listening on ${mock.url} (the API is under ${mock.url}/api)`,
      'users (mock-only accounts):',
      ...mock.users.map((u) => `  ${u.username.padEnd(width)}  ${u.password}  (${u.role})`),
      `faults: ${s.faults.length ? s.faults.join(', ') : 'none'}`,
      s.control ? `control surface on, under ${CONTROL_PREFIX}:` : 'control surface off (enable with --control)',
      ...(s.control ? controlSummary().map((l) => `  ${l}`) : []),
      'Stop with Ctrl+C (SIGINT) or SIGTERM.',
    ].join('\n'),
  );
}

/** Prefixes a flag problem with the command name, as parse() does. */
function named<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`mock: ${e.message}`);
    throw e;
  }
}

/** `vcconform mock` with an injectable shutdown, so tests can run it in-process. */
export function createMockCommand(untilShutdown: UntilShutdown = untilSignal): Command {
  return {
    name: 'mock',
    summary: 'serve the reference mock vCenter until SIGINT/SIGTERM; --list-faults lists the fault switches',
    usage: USAGE,
    help: [
      '  --port N           port to listen on (default 0: any free port; the URL is printed)',
      '  --host H           address to bind (default 127.0.0.1)',
      '  --tls              serve HTTPS with the mock-only certificate in fixtures/tls/ (trust fixtures/tls/cert.pem)',
      '  --time-scale X     virtual time runs X times faster than real time (default 1000); session idleness stays real time (30 min)',
      '  --inventory FILE   users, clusters and hosts (default fixtures/inventory/default.json)',
      '  --fault NAME[@OP]  turn a fault switch on, optionally for one operation id only; repeatable',
      '  --control          serve the test-control surface under /__vcconform/ (reset, faults, journal)',
      '  --json             print one JSON line {url, users, faults} first, for scripts',
      '  --list-faults      list the fault switches, one line each, and exit',
    ].join('\n'),
    async run(args, io) {
      const { values } = parse('mock', args, OPTIONS);
      if (values['list-faults']) {
        const width = Math.max(...faults.map((f) => f.name.length));
        for (const f of faults) io.out(`${f.name.padEnd(width)}  ${f.breaks}`);
        return 0;
      }
      const s = named(() => settingsFrom(values));
      let mock: RunningMock;
      try {
        mock = await startMock({
          port: s.port,
          host: s.host,
          faults: s.faults,
          control: s.control,
          ...(s.tls && { tls: true as const }),
          ...(s.timeScale !== undefined && { timeScale: s.timeScale }),
          ...(s.inventory && { inventory: s.inventory }),
        });
      } catch (e) {
        io.err(`[vcconform] Failed to start the mock on ${s.host}:${s.port}: ${(e as Error).message}.`);
        return 1;
      }
      const stopped = untilShutdown();
      announce(io, mock, s);
      const why = await stopped;
      await mock.close();
      io.err(`[vcconform] mock stopped${typeof why === 'string' ? ` (${why})` : ''}.`);
      return 0;
    },
  };
}

export const mockCommand = createMockCommand();
