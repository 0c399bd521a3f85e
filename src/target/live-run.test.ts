import { test, expect } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOCK_TLS_DIR, startMock, type RunningMock } from '../mock/start-mock';
import { loadInventory, type Inventory } from '../mock/inventory';
import type { ConformanceReport } from '../report/conformance-types';
import { ADMIN, bin, cleanEnv, filesUnder, readReport, reportsDir, type Report } from '../proof/child-run';
import { labEnv, writeLabProfile } from '../proof/lab';
import { mockRoles } from './mock-roles';
import { operation, operations } from '../../specs/index';

/**
 * Proof for live targets (issue 5): the reference mock is started here, separately, and the real
 * `vcconform run` is pointed at it as if it were a lab vCenter — a profile, no resets unless the
 * profile grants one, safe mode unless mutations are allowed — and the mock's own journal and state
 * say what was sent and what changed.
 */
test.describe.configure({ mode: 'parallel', timeout: 240_000 });

async function separateMock(
  options: { control?: boolean; tls?: true; faults?: string[]; appliance?: Partial<Inventory['appliance']> } = {},
): Promise<RunningMock> {
  // As a lab vCenter: virtual time at 2000×; sessions idle on real time, and only after a day.
  const { appliance, ...rest } = options;
  const inventory = loadInventory();
  inventory.timings.sessionIdleTimeoutMs = 24 * 3600_000;
  inventory.appliance = { ...inventory.appliance, ...appliance };
  return startMock({ inventory, timeScale: 2000, ...rest });
}

/** conformance.json of a reports directory. */
const conformance = (reports: string) => JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as ConformanceReport;

/**
 * What the mock's state says changed: every cluster (hosts and staged software included), the administrator's tasks (generic
 * ones too), and the generic objects' creates and deletes (drafts, datacenters, components…).
 */
function snapshot(mock: RunningMock): string {
  const admin = adminOf(mock);
  return JSON.stringify({
    clusters: [...mock.state.clusters.values()],
    tasks: [...mock.state.tasks.values()].filter((t) => t.username === admin).length,
    objects: mock.state.objects.version,
  });
}

const adminOf = (mock: RunningMock) => mock.users.find((u) => u.role === 'administrator')!.username;
/** The clusters of a request that exist on the mock (a request naming only unknown ids changes nothing). */
const existing = (mock: RunningMock, clusters: string[] = []) => clusters.filter((c) => mock.state.clusters.has(c));

/** Every operation of the catalogue that could change state (deep and generic). */
const CHANGING = new Set(operations.filter((o) => o.class === 'state-changing').map((o) => o.id));

/** Every test's final status and every check verdict, in a stable order (for comparing two runs). */
function verdicts(report: Report): string[] {
  interface Node {
    title?: string;
    specs?: { title: string; tests: { results: { status: string; annotations?: { type: string; description?: string }[] }[] }[] }[];
    suites?: Node[];
  }
  const out: string[] = [];
  const walk = (s: Node, path: string[]) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1];
        out.push(`${[...path, spec.title].join(' › ')}: ${last?.status ?? 'not run'}`);
        for (const a of last?.annotations ?? []) if (a.type === 'vcconform.check') out.push(`${spec.title} · ${a.description}`);
      }
    for (const c of s.suites ?? []) walk(c, [...path, c.title ?? '']);
  };
  for (const s of report.suites as Node[]) walk(s, [s.title ?? '']);
  return out.sort();
}

test(
  'safe mode: a profile run against a separately started mock ' + 'sends nothing that could change state, and deletes its sessions',
  async () => {
    const mock = await separateMock();
    try {
      const before = snapshot(mock);
      const reports = reportsDir();
      const r = await bin(
        ['--profile', writeLabProfile(mock, mock.url), '--runs', '3', '--workers', '2', '--reports', reports],
        cleanEnv(labEnv(mock)),
      );
      expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
      expect(r.stderr).toContain('safe mode: nothing that could change state is sent');
      const { report, skips } = readReport(reports);
      expect(report.stats.expected, 'tests that only read or are refused still run').toBeGreaterThan(10);
      expect(skips.filter((s) => s.startsWith('safe mode:')).length, 'state-changing tests are skipped, saying why').toBeGreaterThan(5);
      const journal = mock.journal.all();
      const refused = journal.filter((e) => e.operation !== undefined && CHANGING.has(e.operation));
      expect(refused.length, 'requests a vCenter refuses were sent: the rejection paths are still tested in safe mode').toBeGreaterThan(0);
      expect(
        [...new Set(refused.map((e) => operation(e.operation!).depth))].sort(),
        'the refused requests span deep and generic operations',
      ).toEqual(['deep', 'generic']);
      // A state change needs a privileged caller, a success and something to change: a cluster that exists for a deep operation (an
      // empty upgradeMultiple batch names none), any for a generic one: not one such request.
      const changes = (e: (typeof refused)[number]) =>
        operation(e.operation!).depth === 'generic'
          ? !e.clusters?.length || existing(mock, e.clusters).length > 0
          : existing(mock, e.clusters).length > 0;
      const succeeded = refused.filter((e) => e.user === adminOf(mock) && e.status < 400 && changes(e));
      expect(
        succeeded.map((e) => `${e.method} ${e.path} [${e.clusters?.join(', ')}] → ${e.status}`),
        'no state-changing request that could succeed',
      ).toEqual([]);
      expect(snapshot(mock), 'the mock is as it was').toBe(before);
      expect(mock.state.sessions.size, 'every session was deleted at the end of the run').toBe(0);
    } finally {
      await mock.close();
    }
  },
);

test('with --allow-mutations, state changes touch only the allowlisted cluster, and the run reads it back at its end', async () => {
  const mock = await separateMock();
  try {
    const allowed = mockRoles.stageCluster!.id;
    const reports = reportsDir();
    const profile = writeLabProfile(mock, mock.url, { capabilities: { mutationAllowlist: [allowed] } });
    const r = await bin(['--profile', profile, '--allow-mutations', '--runs', '3', '--reports', reports], cleanEnv(labEnv(mock)));
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
    const succeeded = mock.journal
      .all()
      .filter((e) => e.operation !== undefined && CHANGING.has(e.operation) && e.user === adminOf(mock) && e.status < 300);
    expect(succeeded.filter((e) => e.clusters?.includes(allowed)).length, 'the allowlisted cluster was changed').toBeGreaterThan(0);
    const elsewhere = succeeded.filter((e) => existing(mock, e.clusters).some((c) => c !== allowed));
    expect(
      elsewhere.map((e) => `${e.method} ${e.path} [${e.clusters?.join(', ')}]`),
      'nothing else was touched',
    ).toEqual([]);
    const tasks = [...mock.state.tasks.values()].filter((t) => t.username === adminOf(mock) && t.clusterId !== allowed);
    expect(
      tasks.map((t) => t.clusterId),
      'no task on another cluster',
    ).toEqual([]);
    const { skips } = readReport(reports);
    expect(
      skips.some((s) => s.includes('not in the mutation allowlist')),
      skips.join('\n'),
    ).toBe(true);
    expect(r.stderr).toContain(`this run changed state on ${mock.url}`);
    expect(r.stderr).toMatch(new RegExp(`${allowed}: .*software\\.stage`));
    expect(mock.state.sessions.size).toBe(0);
  } finally {
    await mock.close();
  }
});

test(
  'the build under test: the pre-flight asks once, as the administrator, ' + 'and conformance.json, .html and junit.xml name it',
  async () => {
    const patched = { version: '9.1.0.1', build: '24999999', summary: 'Patch for VMware vCenter Server 9.1', releasedate: 'June 2, 2026' };
    const mock = await separateMock({ appliance: patched });
    try {
      const reports = reportsDir();
      const r = await bin(
        [
          '--profile',
          writeLabProfile(mock, mock.url),
          '--grep',
          'session lifecycle',
          '--runs',
          '2',
          '--workers',
          '2',
          '--reports',
          reports,
        ],
        cleanEnv(labEnv(mock)),
      );
      expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
      const build = {
        product: 'VMware vCenter Server',
        version: '9.1.0.1',
        build: '24999999',
        type: 'vCenter Server with an embedded Platform Services Controller',
        releasedate: 'June 2, 2026',
      };
      expect(conformance(reports).target).toEqual({ kind: 'live', url: mock.url, build });
      // Once per run, though two workers ran: the pre-flight's administrator session, not another login.
      const reads = mock.journal.all().filter((e) => e.path === '/api/appliance/system/version');
      expect(reads.map((e) => `${e.method} ${e.user} ${e.status}`)).toEqual([`GET ${adminOf(mock)} 200`]);
      const name = 'VMware vCenter Server 9.1.0.1 build 24999999';
      expect(readFileSync(join(reports, 'conformance.html'), 'utf8')).toContain(`<strong>${name}</strong>`);
      const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
      const properties = [...junit.matchAll(/<property name="vcconform\.build" value="([^"]*)">/g)].map((m) => m[1]);
      expect(properties.length).toBeGreaterThan(2);
      expect(new Set(properties)).toEqual(
        new Set([`${name} (vCenter Server with an embedded Platform Services Controller; patch released June 2, 2026)`]),
      );
      expect(r.stderr).not.toContain('did not report its build');
      expect(mock.state.sessions.size).toBe(0);
    } finally {
      await mock.close();
    }
  },
);

test('a live target whose version read fails is "not reported by the target": one observation line, and the run goes on', async () => {
  const mock = await separateMock({ faults: ['internal-error@appliance.version'] });
  try {
    const reports = reportsDir();
    const r = await bin(
      ['--profile', writeLabProfile(mock, mock.url), '--grep', 'session lifecycle', '--runs', '2', '--reports', reports],
      cleanEnv(labEnv(mock)),
    );
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
    const line =
      `[vcconform] observation: ${mock.url} did not report its build: GET /api/appliance/system/version ` +
      'answered 500 ERROR. The reports say "not reported by the target"; the run goes on.';
    expect((r.stdout + r.stderr).split('\n').filter((l) => l.includes('did not report its build'))).toEqual([line]);
    const report = conformance(reports);
    expect(report).toMatchObject({ target: { kind: 'live', url: mock.url, build: null }, verdict: 'pass', errors: [] });
    expect(report.tests.passed).toBeGreaterThan(2);
    expect(readFileSync(join(reports, 'conformance.html'), 'utf8')).toContain('<em>not reported by the target</em>');
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain(
      '<property name="vcconform.build" value="not reported by the target">',
    );
    expect(
      mock.journal
        .all()
        .filter((e) => e.path === '/api/appliance/system/version')
        .map((e) => e.status),
    ).toEqual([500]);
  } finally {
    await mock.close();
  }
});

test('--dry-run prints test × operation × class with the safe-mode decision, and sends nothing', async () => {
  const mock = await separateMock();
  try {
    const r = await bin(['--profile', writeLabProfile(mock, mock.url), '--dry-run'], cleanEnv(labEnv(mock)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`against ${mock.url}; nothing is sent`);
    expect(r.stdout).toMatch(/state-changing\s+software\.stage/);
    expect(r.stdout).toMatch(/expected-rejected\s+.*clusters\.upgradeMultiple/);
    expect(r.stdout).toContain('→ skip (safe mode: state-changing');
    expect(r.stdout).toMatch(
      /assumes\s+roles: stageCluster; lacks: operator VcIntegrity\.lifecycleSoftwareRemediation\.Write on stageCluster\n/,
    );
    expect(r.stdout).toMatch(/ 0 declare no plan\.$/m);
    expect(mock.journal.all(), 'not one request').toEqual([]);
    const allowed = await bin(['--profile', writeLabProfile(mock, mock.url), '--dry-run', '--allow-mutations'], cleanEnv(labEnv(mock)));
    expect(allowed.stdout).not.toContain('→ skip (safe mode: state-changing');
    // The profile has no reset and allowlists no cluster: what the tests that may change state would be skipped for instead.
    expect(allowed.stdout).toContain('→ skip (the target cannot be reset (no capabilities.reset in its profile))');
    expect(allowed.stdout).toMatch(/→ skip \(safe mode: this test changes state and domain-c\d+ is not in the mutation allowlist\)/);
  } finally {
    await mock.close();
  }
});

test.describe('TLS', () => {
  test('a self-signed HTTPS target is refused with one clear line, and accepted with --insecure or the CA file', async () => {
    const mock = await separateMock({ tls: true });
    try {
      const small = ['--grep', 'session lifecycle', '--runs', '2', '--workers', '1'];
      const refused = await bin(['--target', mock.url, ...small, '--reports', reportsDir()], cleanEnv(ADMIN));
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(`reach the target ${mock.url}`);
      expect(refused.stderr).toContain('self-signed');
      expect(refused.stderr).toContain('tls.caFile');
      expect(mock.journal.all(), 'nothing got through').toEqual([]);
      const insecure = await bin(['--target', mock.url, '--insecure', ...small, '--reports', reportsDir()], cleanEnv(ADMIN));
      expect(insecure.code, insecure.stdout.slice(-2000) + insecure.stderr).toBe(0);
      const withCa = await bin(
        [
          '--profile',
          writeLabProfile(mock, mock.url, { tls: { caFile: join(MOCK_TLS_DIR, 'cert.pem') } }),
          ...small,
          '--reports',
          reportsDir(),
        ],
        cleanEnv(labEnv(mock)),
      );
      expect(withCa.code, withCa.stdout.slice(-2000) + withCa.stderr).toBe(0);
      expect(mock.journal.all().filter((e) => e.operation === 'session.create' && e.status === 201).length).toBeGreaterThan(1);
    } finally {
      await mock.close();
    }
  });
});

test('a session that expires mid-run is detected, re-created once, reported, and deleted at the end', async () => {
  const mock = await separateMock();
  try {
    const admin = mock.users.find((u) => u.role === 'administrator')!.username;
    // The third successful read by the administrator ends every session, as an idle timeout would.
    let reads = 0;
    const expired = mock.journal.waitFor(
      (e) => e.method === 'GET' && e.user === admin && e.status === 200 && ++reads === 3,
      'the third read',
    );
    void expired.then(
      () => mock.state.sessions.clear(),
      () => undefined,
    );
    const reports = reportsDir();
    const r = await bin(
      ['--profile', writeLabProfile(mock, mock.url), '--grep', 'clusters.read', '--runs', '3', '--workers', '1', '--reports', reports],
      cleanEnv(labEnv(mock)),
    );
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
    const notes = JSON.stringify(readReport(reports).report);
    expect(notes).toContain('session expired (administrator)');
    expect(notes).toContain('session re-created (administrator)');
    const logins = mock.journal.all().filter((e) => e.operation === 'session.create' && e.status === 201);
    // The pre-flight logs every configured user in and out once; then the run's one login and its one re-creation.
    expect(logins.length, "the pre-flight's logins, one login, then one re-creation").toBe(mock.users.length + 2);
    const [probe, ...rest] = mock.journal.all();
    expect(
      probe,
      'the run first checks that the target answers, without credentials (the pre-flight reads that same answer)',
    ).toMatchObject({ method: 'GET', path: '/api/session', status: 401 });
    expect(
      mock.journal.all().filter((e) => e.method === 'GET' && e.path === '/api/session' && e.status === 401 && e.user === undefined),
      'one unauthenticated GET /api/session',
    ).toHaveLength(1);
    const refused = rest.filter((e) => e.status === 401 && e.method === 'GET');
    expect(refused.length, 'exactly the one request that met the expired session').toBe(1);
    expect(mock.state.sessions.size).toBe(0);
  } finally {
    await mock.close();
  }
});

test(
  'record against a live target, then replay offline with the target ' + 'stopped: the same verdicts; a changed request is "not recorded"',
  async () => {
    const mock = await separateMock({ control: true });
    const cassettes = mkdtempSync(join(tmpdir(), 'vcconform-cassettes-'));
    const grep = 'upgradeMultiple|stage|session lifecycle';
    const profile = writeLabProfile(mock, mock.url, {
      capabilities: {
        allowMutations: true,
        mutationAllowlist: ['domain-c10', 'domain-c11', 'domain-c12', 'domain-c13', 'domain-c14', 'domain-c15'],
        reset: { http: { method: 'POST', path: '/__vcconform/reset' } },
      },
    });
    const env = cleanEnv(labEnv(mock));
    const recordReports = reportsDir();
    const recorded = await bin(
      ['--profile', profile, '--record', cassettes, '--grep', grep, '--runs', '3', '--reports', recordReports],
      env,
    );
    await mock.close();
    expect(recorded.code, recorded.stdout.slice(-3000) + recorded.stderr).toBe(0);
    const files = readdirSync(cassettes).filter((f) => f.endsWith('.cassette.json'));
    expect(files.length).toBeGreaterThan(10);
    const secrets = mock.users.map((u) => u.password);
    for (const f of filesUnder(cassettes)) for (const s of secrets) expect(readFileSync(f, 'utf8').includes(s), f).toBe(false);

    const replayReports = reportsDir();
    const replayed = await bin(['--replay', cassettes, '--grep', grep, '--workers', '2', '--reports', replayReports], cleanEnv());
    expect(replayed.code, replayed.stdout.slice(-3000) + replayed.stderr).toBe(0);
    expect(verdicts(readReport(replayReports).report)).toEqual(verdicts(readReport(recordReports).report));
    // The replay has no target to ask: it names the build the recording says the target reported.
    expect(conformance(recordReports).target.build).toMatchObject({ version: '9.1.0.0', build: '24321653' });
    expect(conformance(replayReports).target).toEqual({ ...conformance(recordReports).target, kind: 'replay' });

    // Change one recorded request: that test must fail, naming the request that was not recorded.
    const victim = files.find((f) => f.includes('session.lifecycle'))!;
    const path = join(cassettes, victim);
    const cassette = JSON.parse(readFileSync(path, 'utf8')) as { exchanges: { request: { url: string } }[] };
    const changed = cassette.exchanges.findIndex((x) => x.request.url === '/api/session' && x !== cassette.exchanges[0]);
    cassette.exchanges[changed >= 0 ? changed : 1]!.request.url = '/api/session?recorded=elsewhere';
    writeFileSync(path, JSON.stringify(cassette));
    const broken = await bin(
      ['--replay', cassettes, '--grep', 'session lifecycle', '--workers', '1', '--reports', reportsDir()],
      cleanEnv(),
    );
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('not recorded: ');
  },
);
