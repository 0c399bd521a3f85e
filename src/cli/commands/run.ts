import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { faultsByName } from '../../mock/faults/index';
import { MockError } from '../../mock/mock-error';
import type { Command, Io } from '../io';
import { parse } from '../parse';

const ROOT = join(__dirname, '..', '..', '..');

const USAGE = 'vcconform run [--target URL] [--runs N] [--seed S [--path P]] [--grep PATTERN] [--workers N] [--reports DIR] [--fault NAME]…';

const OPTIONS = {
  target: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  grep: { type: 'string' },
  workers: { type: 'string' },
  reports: { type: 'string' },
  fault: { type: 'string', multiple: true },
} as const;

/** The variables playwright.config.ts reads that the flags own: a run is exactly what its command line says. */
const OWNED = ['FC_NUM_RUNS', 'FC_SEED', 'FC_PATH', 'VCCONFORM_REPORTS', 'VCCONFORM_WORKERS', 'VCCONFORM_FAULTS', 'VCCONFORM_TARGET_URL'];

/** A resolved `vcconform run` command line. */
export interface RunSettings {
  /** Playwright project: the embedded mock, or the live vCenter at `target`. */
  project: 'mock' | 'live';
  target?: string;
  runs?: number;
  seed?: number;
  /** fast-check replay path (with seed): re-runs exactly the reported counterexample. */
  path?: string;
  grep?: string;
  workers?: number;
  /** Absolute directory for html/, results.json, junit.xml (and test-results/). */
  reports: string;
  faults: string[];
}

function count(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${flag} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The vCenter's base URL (no credentials, query or fragment, not ending in /api), without a trailing slash. */
function targetUrl(value: string): string {
  let url: URL;
  try { url = new URL(value); } catch { throw new UsageError(`--target must be an http(s) URL such as https://vcenter.example.com, got ${JSON.stringify(value)}`); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--target must be an http(s) URL, got the scheme ${JSON.stringify(url.protocol)}`);
  if (url.username || url.password) throw new UsageError('--target must not carry credentials: set VCENTER_USER and VCENTER_PASSWORD instead');
  if (url.search || url.hash) throw new UsageError(`--target must be a base URL without query or fragment, got ${JSON.stringify(value)}`);
  if (/\/api\/?$/.test(url.pathname)) throw new UsageError(`--target is the base URL: the API is under it at /api, so drop "/api" from ${JSON.stringify(value)}`);
  return url.href.replace(/\/+$/, '');
}

/** Checks every flag, and for --target that the credentials are set, before anything runs. */
export function runSettings(args: string[], env: NodeJS.ProcessEnv, cwd: string): RunSettings {
  const { values } = parse('run', args, OPTIONS);
  const faults = values.fault ?? [];
  const target = values.target === undefined ? undefined : targetUrl(values.target);
  if (target !== undefined && faults.length) throw new UsageError('--fault switches the embedded mock\'s faults on, so it cannot be combined with --target');
  if (target !== undefined) {
    const missing = ['VCENTER_USER', 'VCENTER_PASSWORD'].filter((name) => !env[name]);
    if (missing.length) throw new UsageError(`--target needs the administrator's credentials in VCENTER_USER and VCENTER_PASSWORD, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
  }
  const seed = values.seed;
  if (seed !== undefined && (!/^\d+$/.test(seed) || Number(seed) > 2 ** 31 - 1)) throw new UsageError(`--seed must be an integer from 0 to ${2 ** 31 - 1}, got ${JSON.stringify(seed)}`);
  const path = values.path;
  if (path !== undefined && (seed === undefined || !/^\d+(:\d+)*$/.test(path))) {
    throw new UsageError(seed === undefined ? '--path replays a reported failure and needs its --seed' : `--path must look like 3:0:1 (as printed with a failure), got ${JSON.stringify(path)}`);
  }
  const grep = values.grep;
  if (grep !== undefined) {
    if (grep.trim() === '') throw new UsageError('--grep must not be empty');
    try { new RegExp(grep); } catch (e) { throw new UsageError(`--grep must be a regular expression: ${(e as Error).message}`); }
  }
  const reports = resolve(cwd, values.reports ?? 'reports');
  if (existsSync(reports) && !statSync(reports).isDirectory()) throw new UsageError(`--reports must be a directory, but ${JSON.stringify(reports)} is a file`);
  try { faultsByName(faults); } catch (e) {
    if (e instanceof MockError) throw new UsageError(`--fault: ${e.message.replace(/^\[vcconform\] /, '').replace(/\.$/, '')}`);
    throw e;
  }
  return {
    project: target === undefined ? 'mock' : 'live', ...(target !== undefined && { target }),
    runs: count('runs', values.runs, 100_000), seed: seed === undefined ? undefined : Number(seed), ...(path !== undefined && { path }), grep,
    workers: count('workers', values.workers, 256), reports, faults,
  };
}

/** The child's environment: the inherited one without the variables the flags own, then the flags. */
export function childEnv(s: RunSettings, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of OWNED) delete out[name];
  out.VCCONFORM_REPORTS = s.reports;
  if (s.runs !== undefined) out.FC_NUM_RUNS = String(s.runs);
  if (s.seed !== undefined) out.FC_SEED = String(s.seed);
  if (s.path !== undefined) out.FC_PATH = s.path;
  if (s.workers !== undefined) out.VCCONFORM_WORKERS = String(s.workers);
  if (s.faults.length) out.VCCONFORM_FAULTS = s.faults.join(',');
  if (s.target !== undefined) out.VCCONFORM_TARGET_URL = s.target;
  return out;
}

/** How many tests the JSON report counts, or undefined when there is no readable report. */
function testsRun(reports: string): number | undefined {
  try {
    const { stats } = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8')) as { stats: Record<string, number> };
    return (stats.expected ?? 0) + (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
  } catch {
    return undefined;
  }
}

function spawnPlaywright(s: RunSettings, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const cli = require.resolve('@playwright/test/cli');
  const argv = [cli, 'test', '--config', join(ROOT, 'playwright.config.ts'), `--project=${s.project}`, '--pass-with-no-tests', ...(s.grep !== undefined ? ['--grep', s.grep] : [])];
  io.err(`[vcconform] running the conformance suites against ${s.target ?? 'the embedded mock'}${s.faults.length ? ` with faults ${s.faults.join(', ')}` : ''}: playwright ${argv.slice(1).join(' ')}`);
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: childEnv(s, env), stdio: 'inherit' });
    child.on('error', (e) => { io.err(`[vcconform] Failed to start Playwright: ${e.message}.`); done(1); });
    child.on('exit', (code) => done(code === 0 ? 0 : 1));
  });
}

/** Prefixes a flag problem with the command name, as parse() does. */
function named<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UsageError && !e.message.startsWith('run: ')) throw new UsageError(`run: ${e.message}`);
    throw e;
  }
}

/** `vcconform run` with an injectable environment and working directory (self-tests). */
export function createRunCommand(options: { env?: NodeJS.ProcessEnv; cwd?: () => string } = {}): Command {
  return {
    name: 'run',
    summary: 'run the conformance suites against the embedded mock, or --target a live vCenter; exit 0 all checks pass, 1 a check failed, 2 usage error',
    usage: USAGE,
    help: [
      '  --target URL       run against this vCenter (its base URL; the API is under URL/api) instead of the embedded mock,',
      '                     logged in as VCENTER_USER with VCENTER_PASSWORD (the administrator; the password is never printed).',
      '                     Nothing is reset or changed there: tests that need mapped inventory roles, other users or',
      '                     state changes are skipped, saying why. Trust a private CA with NODE_EXTRA_CA_CERTS=FILE.',
      '  --runs N           fast-check runs per property (default 25)',
      '  --seed S           fast-check seed, to replay a reported failure (default: a fresh seed per property, printed on failure)',
      '  --path P           with --seed: the fast-check path printed with the failure, to replay exactly that case',
      '  --grep PATTERN     only the tests whose title matches this regular expression',
      '  --workers N        parallel Playwright workers (default: Playwright\'s choice)',
      '  --reports DIR      where html/index.html, results.json and junit.xml go (default ./reports)',
      '  --fault NAME[@OP]  turn a fault switch of the embedded mock on (vcconform mock --list-faults); repeatable; not with --target',
      '',
      'Exit status: 0 when every check passed, 1 when any failed, 2 for a usage or configuration error (one line on stderr).',
    ].join('\n'),
    async run(args, io) {
      const env = options.env ?? process.env;
      const s = named(() => runSettings(args, env, options.cwd?.() ?? process.cwd()));
      const code = await spawnPlaywright(s, env, io);
      if (s.grep !== undefined && testsRun(s.reports) === 0) {
        io.err(`[vcconform] --grep ${JSON.stringify(s.grep)} matched no test. Usage: ${USAGE}`);
        return 2;
      }
      io.err(`[vcconform] ${code === 0 ? 'every check passed' : 'some checks failed'}; reports in ${s.reports} (html/index.html, results.json, junit.xml).`);
      return code;
    },
  };
}

export const runCommand = createRunCommand();
