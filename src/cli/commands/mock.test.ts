import { test, expect } from '@playwright/test';
import { escapeRegExp } from '../../util/escape-regexp';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { faults } from '../../mock/faults/index';
import { basic } from '../../mock/test-client';
import { main } from '../main';
import { createMockCommand } from './mock';
import type { DeclaredLacks } from '../../target/privileges';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'vcconform.js');
const CA = readFileSync(join(ROOT, 'fixtures', 'tls', 'cert.pem'), 'utf8');

interface Banner {
  url: string;
  users: { username: string; password: string; role: string }[];
  faults: string[];
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs `vcconform mock` in-process with a shutdown the test triggers; resolves once it printed its first line. */
async function inProcess(...args: string[]) {
  let stop!: () => void;
  const shutdown = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const out: string[] = [];
  let printed!: (line: string) => void;
  const first = new Promise<string>((resolve) => {
    printed = resolve;
  });
  const command = createMockCommand(() => shutdown);
  const exit = command.run(args, {
    out: (t) => {
      out.push(t);
      printed(t);
    },
    err: () => {},
  });
  return {
    first: await Promise.race([
      first,
      exit.then((code) => {
        throw new Error(`mock exited early with ${code}`);
      }),
    ]),
    out,
    stop,
    exit,
  };
}

/** Spawns the real bin; `firstLine` resolves with its first stdout line. */
function child(...args: string[]) {
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'mock', ...args], { cwd: ROOT });
  const stderr: string[] = [];
  proc.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  const exited = once(proc, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const lines = createInterface({ input: proc.stdout });
  const firstLine = Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    exited.then(([code]) => {
      throw new Error(`vcconform mock exited with ${code} before printing: ${stderr.join('')}`);
    }),
  ]);
  firstLine.catch(() => {}); // a test that expects an early exit never reads the first line
  return { proc, firstLine, exited, stderr };
}

function httpsGet(
  url: string,
  options: { ca?: string; headers?: Record<string, string>; method?: string; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers = { ...options.headers, ...(body !== undefined && { 'content-type': 'application/json' }) };
    const req = httpsRequest(url, { method: options.method ?? 'GET', headers, ...(options.ca && { ca: options.ca }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A small valid inventory unlike the default one: one WCP cluster with two hosts, and a standalone host. */
const CUSTOM_INVENTORY = {
  users: [{ username: 'root@custom.local', password: 'custom-Root!1', role: 'administrator', privileges: ['*'] }],
  clusters: [
    {
      id: 'domain-c900',
      name: 'custom-wcp',
      singleImage: true,
      commits: ['c1'],
      supervisor: { currentVersion: 'v1.30.1', availableVersions: ['v1.31.0'], prechecks: {} },
    },
  ],
  hosts: [
    { id: 'host-901', name: 'esx-901.custom.local', cluster: 'domain-c900' },
    { id: 'host-902', name: 'esx-902.custom.local', cluster: 'domain-c900' },
    { id: 'host-999', name: 'esx-999.custom.local' },
  ],
  // A stage of its two hosts runs 2 × 500 = 1000 virtual ms.
  timings: { taskPendingMs: 100, stagePerHostMs: 500 },
};

test.describe('vcconform mock', () => {
  test('--list-faults prints one line per fault: its name, then what it breaks', async () => {
    const r = await cli('mock', '--list-faults');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(faults.length);
    faults.forEach((f, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${f.name} +${escapeRegExp(f.breaks)}$`));
    });
  });

  test('--json prints one JSON object first, serves until shutdown, then stops and exits 0', async () => {
    const run = await inProcess('--json', '--fault', 'session-create-200');
    const banner = JSON.parse(run.first) as Banner;
    expect(banner).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), faults: ['session-create-200'] });
    expect(banner.users.map((u) => u.role)).toEqual(['administrator', 'read-only', 'operator']);
    // Each user declares what its inventory grant lacks, as a lab profile would: the administrator nothing.
    const [admin, readOnly, operator] = banner.users as (Banner['users'][number] & DeclaredLacks)[];
    expect(admin).not.toHaveProperty('lacks');
    expect(readOnly!.lacks).toEqual(expect.arrayContaining(['Namespaces.Upgrade', 'VcIntegrity.lifecycleSoftwareRemediation.Write']));
    expect(operator).toMatchObject({
      lacks: expect.arrayContaining(['VcIntegrity.lifecycleSoftwareRemediation.Write']),
      lacksOn: { 'domain-c12': ['Namespaces.Upgrade'], 'domain-c15': ['Namespaces.Upgrade'] },
    });
    expect(operator!.lacks).not.toContain('Namespaces.Upgrade');
    expect(operator!.lacksOn).not.toHaveProperty('domain-c10');
    const login = await fetch(`${banner.url}/api/session`, {
      method: 'POST',
      headers: { authorization: basic(admin!.username, admin!.password) },
    });
    expect(login.status).toBe(200); // the fault is on
    run.stop();
    expect(await run.exit).toBe(0);
    await expect(fetch(`${banner.url}/api/session`)).rejects.toThrow();
    expect(run.out).toHaveLength(1);
  });

  test('without --json it prints readable lines: URL, users, faults, control', async () => {
    const run = await inProcess('--time-scale', '1', '--fault', 'latency', '--fault', 'internal-error@tasks.get');
    run.stop();
    expect(await run.exit).toBe(0);
    const text = run.out.join('\n');
    expect(text).toMatch(/^vcconform mock vCenter listening on http:\/\/127\.0\.0\.1:\d+ /);
    expect(text).toContain('administrator@vsphere.local  mock-Admin!23  (administrator)');
    expect(text).toContain('faults: latency, internal-error@tasks.get');
    expect(text).toContain('control surface off');
  });

  test('--control serves the control paths; without it they are unknown routes (404)', async () => {
    for (const [flags, status] of [
      [['--control'], 204],
      [[], 404],
    ] as const) {
      const run = await inProcess('--json', ...flags);
      const { url } = JSON.parse(run.first) as Banner;
      const r = await fetch(`${url}/__vcconform/reset`, { method: 'POST' });
      expect(r.status, flags.join(' ') || 'no flags').toBe(status);
      if (status === 404) expect(((await r.json()) as { error_type: string }).error_type).toBe('NOT_FOUND');
      run.stop();
      expect(await run.exit).toBe(0);
    }
  });

  test('bad flags and values exit 2 with one line naming the flag and the value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcconform-mock-'));
    writeFileSync(join(dir, 'broken.json'), '{ "users": [');
    writeFileSync(
      join(dir, 'invalid.json'),
      JSON.stringify({ users: [], clusters: [], hosts: [{ id: 'h', name: 'h', cluster: 'domain-c0' }] }),
    );
    const cases: [string[], string[]][] = [
      [
        ['--port', '70000'],
        ['--port', '"70000"'],
      ],
      [
        ['--port', 'eighty'],
        ['--port', '"eighty"'],
      ],
      [
        ['--time-scale', '0'],
        ['--time-scale', '"0"'],
      ],
      [
        ['--time-scale', 'fast'],
        ['--time-scale', '"fast"'],
      ],
      [['--time-scale=-5'], ['--time-scale', '"-5"']],
      [
        ['--fault', 'nope'],
        ['--fault', '"nope"', 'Known faults: unauthenticated-without-body'],
      ],
      [
        ['--fault', 'latency@software.stag'],
        ['--fault', '"software.stag"', 'Operation ids like it: software.stage'],
      ],
      [
        ['--inventory', join(dir, 'missing.json')],
        ['--inventory', 'missing.json', 'ENOENT'],
      ],
      [
        ['--inventory', join(dir, 'broken.json')],
        ['--inventory', 'broken.json', 'not JSON'],
      ],
      [
        ['--inventory', join(dir, 'invalid.json')],
        ['--inventory', 'unknown cluster "domain-c0"'],
      ],
      [['--prot', '1'], ["Unknown option '--prot'"]],
    ];
    for (const [args, expected] of cases) {
      const r = await cli('mock', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^\[vcconform\] mock: /);
      for (const text of expected) expect(r.err, args.join(' ')).toContain(text);
    }
  });

  test('as a real process: first stdout line is JSON, a listed user logs in, SIGTERM exits 0', async () => {
    const mock = child('--json', '--port', '0');
    try {
      const banner = JSON.parse(await mock.firstLine) as Banner;
      const user = banner.users.find((u) => u.role === 'read-only')!;
      const login = await fetch(`${banner.url}/api/session`, {
        method: 'POST',
        headers: { authorization: basic(user.username, user.password) },
      });
      expect(login.status).toBe(201);
      expect(typeof (await login.json())).toBe('string');
      mock.proc.kill('SIGTERM');
      expect(await mock.exited).toEqual([0, null]);
      expect(mock.stderr.join('')).toContain('mock stopped (SIGTERM)');
    } finally {
      mock.proc.kill('SIGKILL');
    }
  });

  test(
    'as a real process, every flag at once takes effect: --host, ' + '--tls, --time-scale, --inventory, --fault, --control, --json',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vcconform-mock-'));
      const inventoryFile = join(dir, 'custom.json');
      writeFileSync(inventoryFile, JSON.stringify(CUSTOM_INVENTORY));
      const mock = child(
        '--host',
        '127.0.0.1',
        '--tls',
        '--time-scale',
        '5',
        '--inventory',
        inventoryFile,
        '--fault',
        'stage-returns-200',
        '--control',
        '--json',
      );
      try {
        const banner = JSON.parse(await mock.firstLine) as Banner & { control: boolean };
        // --json, --host, --tls: one JSON line with an https URL on the asked address.
        expect(banner).toMatchObject({
          url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
          faults: ['stage-returns-200'],
          control: true,
        });
        // --inventory: its users are the accounts, and its cluster is the one listed.
        expect(banner.users).toEqual([{ username: 'root@custom.local', password: 'custom-Root!1', role: 'administrator' }]);
        const call = (method: string, path: string, o: { session?: string; body?: unknown; authorization?: string } = {}) =>
          httpsGet(`${banner.url}${path}`, {
            ca: CA,
            method,
            body: o.body,
            headers: {
              ...(o.session && { 'vmware-api-session-id': o.session }),
              ...(o.authorization && { authorization: o.authorization }),
            },
          });
        const login = await call('POST', '/api/session', { authorization: basic('root@custom.local', 'custom-Root!1') });
        expect(login.status).toBe(201);
        const session = JSON.parse(login.body) as string;
        const clusters = await call('GET', '/api/vcenter/namespace-management/software/clusters', { session });
        expect(clusters.status).toBe(200);
        expect((JSON.parse(clusters.body) as { cluster: string; cluster_name: string }[]).map((c) => [c.cluster, c.cluster_name])).toEqual([
          ['domain-c900', 'custom-wcp'],
        ]);
        // --fault stage-returns-200: stage answers 200 where the documentation says 202.
        const staged = await call('POST', '/api/esx/settings/clusters/domain-c900/software?action=stage&vmw-task=true', {
          session,
          body: {},
        });
        expect(staged.status).toBe(200);
        expect(typeof JSON.parse(staged.body)).toBe('string');
        // --time-scale 5: the stage's 1000 virtual ms of running take 200 real ms, and its times, shown on the wall
        // clock (never later than the answer), are 200 ms apart (each is cut to the millisecond).
        const taskId = JSON.parse(staged.body) as string;
        let info: { status?: string; start_time?: string; end_time?: string } = {};
        await expect
          .poll(
            async () => {
              info = JSON.parse((await call('GET', `/api/cis/tasks/${encodeURIComponent(taskId)}`, { session })).body) as typeof info;
              return info.status;
            },
            { message: 'the stage task ends', timeout: 60_000 },
          )
          .toBe('SUCCEEDED');
        expect(Math.abs(Date.parse(info.end_time!) - Date.parse(info.start_time!) - 1000 / 5)).toBeLessThanOrEqual(1);
        expect(Date.parse(info.end_time!)).toBeLessThanOrEqual(Date.now());
        // --control: the control surface answers, and its journal saw the requests above.
        const journal = await call('GET', '/__vcconform/journal');
        expect(journal.status).toBe(200);
        expect(
          (JSON.parse(journal.body) as { operation?: string; status: number; faults: string[] }[])
            .slice(0, 3)
            .map((e) => [e.operation, e.status, e.faults]),
        ).toEqual([
          ['session.create', 201, []],
          ['clusters.list', 200, []],
          ['software.stage', 200, ['stage-returns-200']],
        ]);
        mock.proc.kill('SIGTERM');
        expect(await mock.exited).toEqual([0, null]);
      } finally {
        mock.proc.kill('SIGKILL');
      }
    },
  );

  test('as a real process: bad flags exit 2 with the message on stderr', async () => {
    const mock = child('--port=-1');
    expect((await mock.exited)[0]).toBe(2);
    expect(mock.stderr.join('')).toContain('--port must be an integer from 0 to 65535, got "-1"');
  });

  test('--tls serves HTTPS with the mock-only certificate: refused without trusting it, accepted with ca', async () => {
    const mock = child('--tls', '--json', '--control');
    try {
      const { url, users } = JSON.parse(await mock.firstLine) as Banner;
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      await expect(httpsGet(`${url}/api/session`)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      const admin = users[0]!;
      const login = await httpsGet(`${url}/api/session`, {
        ca: CA,
        method: 'POST',
        headers: { authorization: basic(admin.username, admin.password) },
      });
      expect(login.status).toBe(201);
      const journal = await httpsGet(`${url}/__vcconform/journal`, { ca: CA });
      expect(JSON.parse(journal.body)).toEqual([expect.objectContaining({ operation: 'session.create', status: 201 })]);
      mock.proc.kill('SIGINT');
      expect(await mock.exited).toEqual([0, null]);
    } finally {
      mock.proc.kill('SIGKILL');
    }
  });
});
