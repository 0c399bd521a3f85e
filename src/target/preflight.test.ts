import { test, expect } from '@playwright/test';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors';
import { nodeTransport } from '../client/node-transport';
import { startMock } from '../mock/start-mock';
import { bin, cleanEnv, reportsDir } from '../proof/child-run';
import { startCanaryLab } from '../proof/lab';
import { preflight } from './preflight';
import { probeTarget } from './probe';
import type { TargetProfile } from './profile';

const wire = nodeTransport({ timeoutMs: 10_000, maxResponseBytes: 1024 * 1024 });
test.afterAll(() => {
  wire.close();
});

function profileOf(url: string, users: { role: string; username: string; password: string }[]): TargetProfile {
  const byRole = Object.fromEntries(
    users.map((u) => [u.role, { username: u.username, password: u.password, passwordEnv: `PW_${u.role.toUpperCase().replace('-', '_')}` }]),
  );
  return {
    source: 'test',
    url,
    tls: { insecure: false },
    timeoutMs: 10_000,
    maxResponseBytes: 1_000_000,
    runBudgetMs: 60_000,
    users: byRole as TargetProfile['users'],
    roles: {},
    capabilities: { allowMutations: false, mutationAllowlist: [] },
  };
}

async function plainServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** The pre-flight as run does it: on the probe's answer, then over the wire. */
const check = async (profile: TargetProfile) => preflight(profile, await probeTarget(profile), wire);

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the pre-flight to refuse');
    },
    (e: unknown) => e as UsageError,
  );

test('a vCenter whose users all log in passes, and the pre-flight leaves no session behind', async () => {
  const mock = await startMock();
  try {
    await check(profileOf(mock.url, mock.users));
    const logins = mock.journal.all().filter((e) => e.method === 'POST' && e.path === '/api/session');
    expect(logins.map((e) => e.status)).toEqual([201, 201, 201]);
    expect(mock.journal.all().filter((e) => e.method === 'DELETE' && e.status === 204)).toHaveLength(3);
  } finally {
    await mock.close();
  }
});

test("the pre-flight reads the build once, with the administrator's session before its logout, and returns it", async () => {
  const mock = await startMock();
  try {
    const reading = await check(profileOf(mock.url, mock.users));
    expect(reading).toEqual({
      build: {
        product: 'VMware vCenter Server',
        version: '9.1.0.0',
        build: '24321653',
        type: 'vCenter Server with an embedded Platform Services Controller',
        releasedate: '',
      },
    });
    const admin = mock.users.find((u) => u.role === 'administrator')!.username;
    const journal = mock.journal.all().map((e) => `${e.method} ${e.path} ${e.user ?? '-'} ${e.status}`);
    expect(journal.filter((e) => e.includes('/api/appliance/system/version'))).toEqual([`GET /api/appliance/system/version ${admin} 200`]);
    expect(journal.indexOf(`GET /api/appliance/system/version ${admin} 200`)).toBe(journal.indexOf(`DELETE /api/session ${admin} 204`) - 1);
    expect(mock.state.sessions.size).toBe(0);
  } finally {
    await mock.close();
  }
});

test('a target that does not report its build passes the pre-flight all the same: the build is null, saying why', async () => {
  const mock = await startMock({ faults: ['internal-error@appliance.version'] });
  try {
    expect(await check(profileOf(mock.url, mock.users))).toEqual({ build: null, why: 'answered 500 ERROR' });
    expect(mock.state.sessions.size).toBe(0);
  } finally {
    await mock.close();
  }
});

test('a refused login names every refused role, its user and the variable its password comes from — never the password', async () => {
  const mock = await startMock();
  try {
    const users = mock.users.map((u) => (u.role === 'operator' ? u : { ...u, password: 'wrong-Pa55!' }));
    const e = await failure(check(profileOf(mock.url, users)));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toMatch(
      new RegExp(
        /the administrator user administrator@vsphere\.local was refused with 401 UNAUTHENTICATED /.source +
          /\(its password comes from PW_ADMINISTRATOR\)/.source,
      ),
    );
    expect(e.message).toMatch(/the read-only user \S+ was refused with 401 UNAUTHENTICATED \(its password comes from PW_READ_ONLY\)/);
    expect(e.message).not.toMatch(/operator user/);
    expect(e.message).not.toContain('wrong-Pa55!');
    expect(e.message.split('\n')).toHaveLength(1);
  } finally {
    await mock.close();
  }
});

for (const [what, handler, says] of [
  [
    'a plain web server',
    (_q: IncomingMessage, r: ServerResponse) => {
      r.writeHead(200, { 'content-type': 'text/html' });
      r.end('<html><body>It works</body></html>');
    },
    /answered 200 \(text\/html, "<html><body>It works/,
  ],
  [
    'a 401 without a vAPI body',
    (_q: IncomingMessage, r: ServerResponse) => {
      r.writeHead(401);
      r.end();
    },
    /answered 401 \(no content type, no body\)/,
  ],
  [
    'a JSON API that is not vAPI',
    (_q: IncomingMessage, r: ServerResponse) => {
      r.writeHead(401, { 'content-type': 'application/json' });
      r.end('{"message":"Unauthorized"}');
    },
    /answered 401 \(application\/json, "\{\\"message\\":\\"Unauthorized\\"\}"\)/,
  ],
] as const) {
  test(`${what} is "not a vCenter /api endpoint", saying what it answered`, async () => {
    const server = await plainServer(handler);
    try {
      const e = await failure(check(profileOf(server.url, [{ role: 'administrator', username: 'a', password: 'p-secret' }])));
      expect(e.message).toContain('it is not a vCenter /api endpoint: GET /api/session without a session answered');
      expect(e.message).toMatch(says);
    } finally {
      await server.close();
    }
  });
}

test('a login the target fails (a 500) is left to the suites: the pre-flight passes', async () => {
  const server = await plainServer((req, res) => {
    res.writeHead(req.method === 'GET' ? 401 : 500, { 'content-type': 'application/json' });
    res.end(req.method === 'GET' ? '{"error_type":"UNAUTHENTICATED","messages":[]}' : '{"error_type":"ERROR","messages":[]}');
  });
  try {
    const reading = await check(profileOf(server.url, [{ role: 'administrator', username: 'a', password: 'p' }]));
    expect(reading, 'no session: the build was not asked for').toEqual({
      build: null,
      why: "was not asked: the administrator's login answered 500",
    });
  } finally {
    await server.close();
  }
});

test(
  'vcconform run with a wrong password exits 2 within seconds, ' +
    'naming the role and the variable, and writes a failing conformance.json',
  async () => {
    const lab = await startCanaryLab();
    try {
      const reports = reportsDir();
      const started = Date.now();
      const r = await bin(
        ['--target', lab.mock.url, '--reports', reports],
        cleanEnv({ VCENTER_USER: 'administrator@vsphere.local', VCENTER_PASSWORD: 'wrong-Pa55!' }),
      );
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(
        'the administrator user administrator@vsphere.local was refused ' +
          'with 401 UNAUTHENTICATED (its password comes from VCENTER_PASSWORD)',
      );
      expect(r.stdout + r.stderr).not.toContain('wrong-Pa55!');
      expect(lab.mock.journal.all().filter((e) => e.path !== '/api/session')).toEqual([]);
    } finally {
      await lab.mock.close();
    }
  },
);
