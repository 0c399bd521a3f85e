import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { FromServer, ServerSpec, ServerUser } from './server-child';

const CHILD = join(__dirname, 'server-child.ts');

/** A server in a process of its own, so the load generator and the server each have a core. */
export interface BenchServer {
  url: string;
  users: ServerUser[];
  pid: number;
  /** The mock back to its initial state (inventory, no sessions, tasks or upgrades). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Forks src/bench/server-child.ts (through tsx, as bin/vcconform.js runs the CLI) and waits until it listens. */
export async function startServer(spec: ServerSpec, timeoutMs = 60_000): Promise<BenchServer> {
  const child = fork(CHILD, [JSON.stringify(spec)], {
    execArgv: ['--require', require.resolve('tsx/cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const close = () => stop(child);
  try {
    const first = await firstMessage(child, timeoutMs);
    if ('error' in first) throw new Error(first.error);
    if (!('url' in first)) throw new Error(`it said ${JSON.stringify(first)} before listening`);
    let resets = 0;
    const reset = async () => {
      const id = ++resets;
      const done = new Promise<void>((resolve) => {
        const on = (m: FromServer) => {
          if ('reset' in m && m.reset === id) {
            child.off('message', on);
            resolve();
          }
        };
        child.on('message', on);
      });
      child.send({ reset: id });
      await done;
    };
    return { url: first.url, users: first.users, pid: child.pid!, reset, close };
  } catch (e) {
    await close();
    throw new Error(`[vcconform] Failed to start the bench's ${spec.kind} server: ${(e as Error).message}.`);
  }
}

/** The user with this role (the mock's administrator, for a session). */
export function userOf(server: BenchServer, role: string): ServerUser {
  const user = server.users.find((u) => u.role === role);
  if (!user)
    throw new Error(
      `[vcconform] Failed to find the ${role} user of the bench's mock: it has ${server.users.map((u) => u.role).join(', ') || 'none'}.`,
    );
  return user;
}

function firstMessage(child: ChildProcess, timeoutMs: number): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`it did not listen within ${timeoutMs} ms`)), timeoutMs);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as FromServer);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`it exited (code ${code}) before listening`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
