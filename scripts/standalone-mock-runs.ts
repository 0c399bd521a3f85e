/**
 * The reference mock started on its own (`vcconform mock --port 0 --json --control`) and used as a
 * live target, as a certification engineer would: N runs each with `--target URL` (administrator
 * only), `--profile` (all three users, their declared lacks, reset through the control API) and
 * `--profile --allow-mutations`. Prints one line per run and a summary; exits 1 if any run failed.
 *
 *   npx tsx scripts/standalone-mock-runs.ts [RUNS]     (default 5)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CONTROL_PREFIX } from '../src/mock/control';
import { labEnv, writeLabProfile } from '../src/proof/lab';
import { PACKAGE_BIN as BIN, PACKAGE_ROOT as ROOT } from '../src/util/package-root';
import type { RunningMock } from '../src/mock/start-mock';

const runs = Number(process.argv[2] ?? 5);

interface Banner {
  url: string;
  users: RunningMock['users'];
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; ms: number; stderr: string }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => done({ code, ms: Date.now() - started, stderr }));
  });
}

async function main(): Promise<number> {
  const mock = spawn(process.execPath, [BIN, 'mock', '--port', '0', '--json', '--control'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((done) => createInterface({ input: mock.stdout! }).once('line', done));
  const banner = JSON.parse(first) as Banner;
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-standalone-'));
  // The profile and environment a lab of the mock gets in the self-tests (src/proof/lab.ts): its users, their lacks, its roles; reset
  // through --control.
  const profile = writeLabProfile(banner, banner.url, {
    description: 'the reference mock started on its own',
    capabilities: {
      reset: { http: { method: 'POST', path: `${CONTROL_PREFIX}/reset` } },
      mutationAllowlist: ['domain-c10', 'domain-c11', 'domain-c12', 'domain-c13', 'domain-c14', 'domain-c15'],
    },
  });
  const admin = banner.users.find((u) => u.role === 'administrator')!;
  const base = { ...process.env, ...labEnv(banner), VCENTER_USER: admin.username, VCENTER_PASSWORD: admin.password };
  const modes: [string, string[]][] = [
    ['--target', ['--target', banner.url]],
    ['--profile', ['--profile', profile]],
    ['--profile --allow-mutations', ['--profile', profile, '--allow-mutations']],
  ];
  const failed: string[] = [];
  try {
    for (const [name, args] of modes) {
      for (let i = 1; i <= runs; i++) {
        const reports = mkdtempSync(join(dir, 'reports-'));
        const r = await run([...args, '--reports', reports], base);
        if (r.code === 2) throw new Error(`${name}: exit 2: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
        const c = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as {
          verdict: string;
          tests: Record<string, number>;
          failures: { check: string }[];
        };
        const line =
          `${name} run ${i}/${runs}: exit ${r.code}, verdict ${c.verdict}, ` +
          `tests ${JSON.stringify(c.tests)}, ${(r.ms / 1000).toFixed(1)} ` +
          `s${c.failures.length ? `, failed checks ${[...new Set(c.failures.map((f) => f.check))].join(', ')}` : ''}`;
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

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
