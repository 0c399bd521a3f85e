import { test, expect } from '@playwright/test';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeTransport } from '../client/node-transport';
import { startMock } from '../mock/start-mock';
import { buildObservation, isTargetBuild, readBuild, readBuildAs, targetBuildFrom } from './build';

const wire = nodeTransport({ timeoutMs: 2000, maxResponseBytes: 1024 * 1024 });
test.afterAll(() => {
  wire.close();
});

const SESSION = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const STRUCT = {
  version: '9.1.0.0',
  product: 'VMware vCenter Server',
  build: '24321653',
  type: 'vCenter Server with an embedded Platform Services Controller',
  summary: 'Patch for VMware vCenter Server 9.1',
  releasedate: 'June 2, 2026',
  install_time: '2026-01-05T09:00:00.000Z',
};
const BUILD = {
  product: 'VMware vCenter Server',
  version: '9.1.0.0',
  build: '24321653',
  type: 'vCenter Server with an embedded Platform Services Controller',
  releasedate: 'June 2, 2026',
};

/** A target that answers GET /api/appliance/system/version with `handler`; what it was asked is in `seen`. */
async function versionServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: { method?: string; url?: string; session?: string | string[] }[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, session: req.headers['vmware-api-session-id'] });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const json = (status: number, body: string) => (_q: IncomingMessage, r: ServerResponse) => {
  r.writeHead(status, { 'content-type': 'application/json' });
  r.end(body);
};

test.describe('readBuild: one GET /api/appliance/system/version with the session', () => {
  test('a 200 VersionStruct names the build: its identifying fields, as the target gave them', async () => {
    const server = await versionServer(json(200, JSON.stringify(STRUCT)));
    try {
      expect(await readBuild(wire, server.url, SESSION)).toEqual({ build: BUILD });
      expect(server.seen).toEqual([{ method: 'GET', url: '/api/appliance/system/version', session: SESSION }]);
    } finally {
      await server.close();
    }
  });

  test('an optional property sent as null reads as unset, and an extra property is drift: still the build', async () => {
    const server = await versionServer(json(200, JSON.stringify({ ...STRUCT, name: null, extra: 1 })));
    try {
      expect(await readBuild(wire, server.url, SESSION)).toEqual({ build: BUILD });
    } finally {
      await server.close();
    }
  });

  const notReported: [string, (req: IncomingMessage, res: ServerResponse) => void, string][] = [
    ['a 404 vAPI error', json(404, '{"error_type":"NOT_FOUND","messages":[]}'), 'answered 404 NOT_FOUND'],
    ['a 500 vAPI error', json(500, '{"error_type":"ERROR","messages":[]}'), 'answered 500 ERROR'],
    ['a 401 (the session was not accepted)', json(401, '{"error_type":"UNAUTHENTICATED","messages":[]}'), 'answered 401 UNAUTHENTICATED'],
    [
      'a 503 web page',
      (_q, r) => {
        r.writeHead(503, { 'content-type': 'text/html' });
        r.end('<html>down</html>');
      },
      'answered 503',
    ],
    [
      'a 200 web page',
      (_q, r) => {
        r.writeHead(200, { 'content-type': 'text/html' });
        r.end('<html>It works</html>');
      },
      'answered 200 with a body that is not JSON',
    ],
    [
      'a 200 legacy {"value": …} wrapper',
      json(200, JSON.stringify({ value: STRUCT })),
      "answered 200 with a body that does not match Appliance.System.Version.VersionStruct (/ must have required property 'build')",
    ],
    [
      'a 200 VersionStruct without its build',
      json(200, JSON.stringify({ ...STRUCT, build: undefined })),
      "answered 200 with a body that does not match Appliance.System.Version.VersionStruct (/ must have required property 'build')",
    ],
    [
      'a 200 VersionStruct with a numeric build',
      json(200, JSON.stringify({ ...STRUCT, build: 24321653 })),
      'answered 200 with a body that does not match Appliance.System.Version.VersionStruct (/build must be string)',
    ],
    [
      'a dropped connection',
      (req) => {
        req.socket.destroy();
      },
      'got no answer (GET /api/appliance/system/version: ',
    ],
  ];
  for (const [what, handler, why] of notReported) {
    test(`${what} is "not reported", saying why, and never throws`, async () => {
      const server = await versionServer(handler);
      try {
        const reading = await readBuild(wire, server.url, SESSION);
        expect(reading.build).toBeNull();
        expect(reading.build === null && reading.why).toContain(why);
      } finally {
        await server.close();
      }
    });
  }

  test('no answer within the request budget is "not reported" too, within that budget', async () => {
    const server = await versionServer((req) => {
      req.resume();
    });
    try {
      const started = Date.now();
      const reading = await readBuild(nodeTransport({ timeoutMs: 300, maxResponseBytes: 1024 }), server.url, SESSION);
      expect(reading.build === null && reading.why).toMatch(
        /^got no answer \(GET \/api\/appliance\/system\/version: no complete answer after \d+ ms, over the budget of 300 ms/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });

  test('why names no secret: not the session id, nor what the body says', async () => {
    const server = await versionServer((req, res) =>
      json(
        500,
        JSON.stringify({
          error_type: 'ERROR',
          messages: [{ id: 'x', default_message: `session ${String(req.headers['vmware-api-session-id'])}`, args: [] }],
        }),
      )(req, res),
    );
    try {
      const reading = await readBuild(wire, server.url, SESSION);
      const line = buildObservation(server.url, reading.build === null ? reading.why : '');
      expect(line).toBe(
        `[vcconform] observation: ${server.url} did not report its build: GET /api/appliance/system/version ` +
          'answered 500 ERROR. The reports say "not reported by the target"; the run goes on.',
      );
      expect(line).not.toContain(SESSION);
    } finally {
      await server.close();
    }
  });
});

test.describe('readBuildAs: log in, read, log out (the embedded mock)', () => {
  test('the mock names its build; the session is handed to onSession first and deleted after', async () => {
    const mock = await startMock();
    try {
      const admin = mock.users.find((u) => u.role === 'administrator')!;
      const ids: string[] = [];
      const reading = await readBuildAs(wire, mock.url, admin, (id) => ids.push(id));
      expect(reading).toEqual({
        build: {
          product: 'VMware vCenter Server',
          version: '9.1.0.0',
          build: '24321653',
          type: 'vCenter Server with an embedded Platform Services Controller',
          releasedate: '',
        },
      });
      expect(ids).toHaveLength(1);
      expect(mock.journal.all().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        'POST /api/session 201',
        'GET /api/appliance/system/version 200',
        'DELETE /api/session 204',
      ]);
      expect(mock.state.sessions.size, 'no session left behind').toBe(0);
    } finally {
      await mock.close();
    }
  });

  test('a refused login, or a version read the mock fails, is "not reported" and leaves no session', async () => {
    const mock = await startMock({ faults: ['internal-error@appliance.version'] });
    try {
      const admin = mock.users.find((u) => u.role === 'administrator')!;
      expect(await readBuildAs(wire, mock.url, { ...admin, password: 'wrong' }, () => undefined)).toEqual({
        build: null,
        why: "was not asked: the administrator's login answered 401",
      });
      expect(await readBuildAs(wire, mock.url, admin, () => undefined)).toEqual({ build: null, why: 'answered 500 ERROR' });
      expect(mock.state.sessions.size).toBe(0);
    } finally {
      await mock.close();
    }
  });
});

test.describe('a build handed on (VCCONFORM_TARGET_BUILD, recording.json)', () => {
  test('is null or exactly the five string fields; anything else is refused, naming where it came from', () => {
    expect(isTargetBuild(BUILD)).toBe(true);
    expect(isTargetBuild({ ...BUILD, summary: '' })).toBe(false);
    expect(isTargetBuild({ ...BUILD, build: 1 })).toBe(false);
    expect(isTargetBuild(null)).toBe(false);
    expect(targetBuildFrom(undefined, 'X')).toBeUndefined();
    expect(targetBuildFrom('', 'X')).toBeUndefined();
    expect(targetBuildFrom('null', 'X')).toBeNull();
    expect(targetBuildFrom(JSON.stringify(BUILD), 'X')).toEqual(BUILD);
    expect(() => targetBuildFrom('"24321653"', 'VCCONFORM_TARGET_BUILD')).toThrow(
      /Failed to read VCCONFORM_TARGET_BUILD: expected null or a JSON \{product, version, build, type, releasedate\}/,
    );
    expect(() => targetBuildFrom('{', 'X')).toThrow(/Failed to read X/);
  });
});
