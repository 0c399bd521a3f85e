import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMock } from '../mock/start-mock';
import { bigInventory } from './big-inventory';

/**
 * What a bench server process serves on 127.0.0.1: the reference mock (its default inventory, or
 * `clusters` generated WCP clusters), or a bare node:http server answering every request with a
 * fixed JSON text per method (the practical limit of a Node server on this machine).
 */
export type ServerSpec = { kind: 'mock'; clusters?: number; timeScale?: number } | { kind: 'raw'; bodies: Record<string, string> };

export interface ServerUser {
  username: string;
  password: string;
  role: string;
}

/** Messages from the server process: listening (its URL and users), a reset done, or why it could not start. */
export type FromServer = { url: string; users: ServerUser[] } | { reset: number } | { error: string };

/** The bare server: reads the whole request body, as the mock does, then answers the method's fixed text. */
function rawServer(bodies: Record<string, string>): Promise<{ url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const text = bodies[req.method ?? 'GET'] ?? '{}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

async function serve(spec: ServerSpec): Promise<void> {
  const send = (m: FromServer) => process.send?.(m);
  if (spec.kind === 'raw') {
    send({ ...(await rawServer(spec.bodies)), users: [] });
    return;
  }
  const mock = await startMock({
    timeScale: spec.timeScale ?? 1000,
    ...(spec.clusters !== undefined && { inventory: bigInventory(spec.clusters) }),
  });
  process.on('message', (m: { reset?: number }) => {
    if (m.reset === undefined) return;
    mock.reset();
    send({ reset: m.reset });
  });
  send({ url: mock.url, users: mock.users.map(({ username, password, role }) => ({ username, password, role })) });
}

// Forked by servers.ts with the spec as its one argument; it serves until the bench ends it.
if (require.main === module) {
  serve(JSON.parse(process.argv[2] ?? '{}') as ServerSpec).catch((e: unknown) => {
    process.send?.({ error: (e as Error).message });
    process.exit(1);
  });
  process.on('disconnect', () => process.exit(0));
}
