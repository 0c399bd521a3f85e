import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SpecError, message } from '../errors';

/** The Prism CLI the repository pins (`@stoplight/prism-cli`). */
export const PRISM_BIN = join(__dirname, '..', '..', 'node_modules', '.bin', 'prism');

const LISTENING = /Prism is listening on (http:\/\/\S+)/;

/** A running `prism mock`: its base URL, everything it printed so far, and a way to stop it. */
export interface PrismMock {
  baseUrl: string;
  /** Startup time in milliseconds, from spawn to the listening line. */
  startupMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** A TCP port free right now on 127.0.0.1 (listen on port 0, read it back, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new SpecError(message('find a free port', 'the server has no TCP address'));
  return address.port;
}

/**
 * Starts `prism mock <document>` on a free port and resolves once Prism prints its listening line;
 * rejects (and kills Prism) when it exits first or `timeoutMs` passes, with Prism's output.
 */
export async function startPrismMock(document: string, timeoutMs = 30_000): Promise<PrismMock> {
  const port = await freePort();
  const started = performance.now();
  // Run the bin with this Node rather than through its `env node` shebang: same runtime, and the
  // pid we kill is Prism itself.
  const child = spawn(process.execPath, [PRISM_BIN, 'mock', document, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const stop = () => stopProcess(child);
  try {
    const baseUrl = await listeningUrl(child, () => log, timeoutMs);
    return { baseUrl, startupMs: Math.round(performance.now() - started), output: () => log, stop };
  } catch (e) {
    await stop();
    throw new SpecError(message(`start prism mock ${document}`, (e as Error).message, `Prism said:\n${log}`));
  }
}

function listeningUrl(child: ChildProcess, log: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const done = (settle: () => void) => {
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    // Listeners run after the log collector (registered first), so log() already has this chunk.
    const onData = () => {
      const url = LISTENING.exec(log())?.[1];
      if (url) done(() => resolve(url));
    };
    const onExit = (code: number | null) => done(() => reject(new Error(`it exited (code ${code}) before listening`)));
    const onAbort = () => done(() => reject(new Error(`it did not listen within ${timeoutMs} ms`)));
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
    signal.addEventListener('abort', onAbort);
  });
}

/** SIGTERM, then SIGKILL if the process is still there after five seconds. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  try {
    await Promise.race([exited, once(AbortSignal.timeout(5_000), 'abort')]);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}
