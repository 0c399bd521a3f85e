/**
 * The reference mock started on its own (`vcconform mock --port 0 --json --control`) and used as a
 * live target, as a certification engineer would: N runs each with `--target URL` (administrator
 * only), `--profile` (all three users, their declared lacks, reset through the control API) and
 * `--profile --allow-mutations`. Prints one line per run and a summary; exits 1 if any run failed.
 *
 *   npx tsx scripts/standalone-mock-runs.ts [RUNS]     (default 5)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { mockRoles } from '../src/target/mock-roles';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'vcconform.js');
const runs = Number(process.argv[2] ?? 5);

interface Banner { url: string; users: { username: string; password: string; role: string; lacks?: string[]; lacksOn?: Record<string, string[]> }[] }

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; ms: number; stderr: string }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => done({ code, ms: Date.now() - started, stderr }));
  });
}

async function main(): Promise<number> {
  const mock = spawn(process.execPath, [BIN, 'mock', '--port', '0', '--json', '--control'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((done) => createInterface({ input: mock.stdout! }).once('line', done));
  const banner = JSON.parse(first) as Banner;
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-standalone-'));
  const envName = (role: string) => `STANDALONE_${role.replace('-', '_').toUpperCase()}_PW`;
  const users = Object.fromEntries(banner.users.map(({ role, username, lacks, lacksOn }) => [role, { username, passwordEnv: envName(role), ...(lacks && { lacks }), ...(lacksOn && { lacksOn }) }]));
  const profile = join(dir, 'lab.json');
  writeFileSync(profile, JSON.stringify({
    description: 'the reference mock started on its own', url: banner.url, users, roles: mockRoles,
    capabilities: { reset: { http: { method: 'POST', path: '/__vcconform/reset' } }, mutationAllowlist: ['domain-c10', 'domain-c11', 'domain-c12', 'domain-c13', 'domain-c14', 'domain-c15'] },
  }, null, 2));
  const admin = banner.users.find((u) => u.role === 'administrator')!;
  const base = { ...process.env, ...Object.fromEntries(banner.users.map((u) => [envName(u.role), u.password])), VCENTER_USER: admin.username, VCENTER_PASSWORD: admin.password };
  const modes: [string, string[]][] = [['--target', ['--target', banner.url]], ['--profile', ['--profile', profile]], ['--profile --allow-mutations', ['--profile', profile, '--allow-mutations']]];
  const failed: string[] = [];
  try {
    for (const [name, args] of modes) {
      for (let i = 1; i <= runs; i++) {
        const reports = mkdtempSync(join(dir, 'reports-'));
        const r = await run([...args, '--reports', reports], base);
        if (r.code === 2) throw new Error(`${name}: exit 2: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
        const c = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as { verdict: string; tests: Record<string, number>; failures: { check: string }[] };
        const line = `${name} run ${i}/${runs}: exit ${r.code}, verdict ${c.verdict}, tests ${JSON.stringify(c.tests)}, ${(r.ms / 1000).toFixed(1)} s${c.failures.length ? `, failed checks ${[...new Set(c.failures.map((f) => f.check))].join(', ')}` : ''}`;
        console.log(line);
        if (r.code !== 0) failed.push(line);
      }
    }
  } finally {
    mock.kill('SIGTERM');
  }
  console.log(failed.length ? `${failed.length} of ${modes.length * runs} runs failed` : `all ${modes.length * runs} runs passed`);
  return failed.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => { console.error(e); process.exit(2); });
