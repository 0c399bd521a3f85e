import { spawn } from 'node:child_process';
import { PACKAGE_BIN, PACKAGE_ROOT as ROOT } from '../../util/package-root';
import { tmpdir } from 'node:os';
import { leftOutExamples, SPECS_ENV, writeSpecDir } from '../../spec-import/spec-dir';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { faultsByName } from '../../mock/faults/index';
import { MockError } from '../../mock/mock-error';
import type { Command, Io } from '../io';
import { parse } from '../parse';
import { readRecording, writeRecording } from '../../replay/recording';
import { splitProfile, type TargetProfile } from '../../target/profile';
import { directory, resolveTarget, type TargetSource } from './run-target';

export type { TargetSource } from './run-target';
import { probeTarget } from '../../target/probe';
import { preflight } from '../../target/preflight';
import { nodeTransport } from '../../client/node-transport';
import { Redactor } from '../../client/redactor';
import { pipeRedacted } from '../redacted-output';
import { writePreflightReport } from '../../report/preflight-report';
import { DEFAULT_RUN_BUDGET_MS } from '../../target/profile';
import { sessionsLeftSummary, SESSIONS_LEFT_DIR } from '../../target/sessions-left';
import { printPlan } from './dry-run';
import { parseScope } from '../../target/scope';
import { STATE_CHANGES_DIR, stateChangeSummary } from '../../target/state-changes';
import { buildObservation, type BuildReading } from '../../target/build';
import { withOwnTypeScript } from '../own-typescript';
import type { TargetBuild } from '../../report/conformance-types';

/** fast-check runs per property when --runs is not given (playwright.config.ts has the same default). */
const DEFAULT_RUNS = 25;

const USAGE =
  'vcconform run [--target URL | --profile FILE | --replay DIR] [--insecure] [--allow-mutations] ' +
  '[--dry-run] [--record DIR] [--runs N] [--seed S [--path P]] [--grep PATTERN] ' +
  '[--workers N] [--shard I/N] [--reports DIR] [--fault NAME]… [--operations PATTERN]… [--spec FILE]';

const OPTIONS = {
  target: { type: 'string' },
  profile: { type: 'string' },
  insecure: { type: 'boolean' },
  'allow-mutations': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  record: { type: 'string' },
  replay: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  grep: { type: 'string' },
  workers: { type: 'string' },
  shard: { type: 'string' },
  reports: { type: 'string' },
  fault: { type: 'string', multiple: true },
  operations: { type: 'string', multiple: true },
} as const;

/** The variables playwright.config.ts reads that the flags own: a run is exactly what its command line says. */
const OWNED = [
  'VCCONFORM_RUN_BUDGET_MS',
  'FC_NUM_RUNS',
  'FC_SEED',
  'FC_PATH',
  'VCCONFORM_REPORTS',
  'VCCONFORM_WORKERS',
  'VCCONFORM_FAULTS',
  'VCCONFORM_TARGET_URL',
  'VCCONFORM_PROFILE',
  'VCCONFORM_ALLOW_MUTATIONS',
  'VCCONFORM_RECORD',
  'VCCONFORM_REPLAY',
  'VCCONFORM_SHARD',
  'VCCONFORM_OPERATIONS',
  'VCCONFORM_TARGET_BUILD',
];

/** A resolved `vcconform run` command line. */
export interface RunSettings {
  /** Playwright project: the embedded mock, or the live vCenter (or its recording). */
  project: 'mock' | 'live';
  source?: TargetSource;
  /** The live target's resolved profile (passwords in it: never print it; use redactedProfile). Not for a replay. */
  profile?: TargetProfile;
  /** The target URL for messages (no credentials). */
  target?: string;
  allowMutations: boolean;
  dryRun: boolean;
  /** Cassette directories (absolute). */
  record?: string;
  replay?: string;
  runs?: number;
  seed?: number;
  /** fast-check replay path (with seed): re-runs exactly the reported counterexample. */
  path?: string;
  grep?: string;
  workers?: number;
  /** Playwright's `--shard I/N`: this machine's part of a split run (a blob report is written for the merge). */
  shard?: string;
  /** Absolute directory for html/, results.json, junit.xml (and test-results/). */
  reports: string;
  faults: string[];
  /** --operations: the catalogue operations the run covers (globs); tests needing others are skipped as not in scope. */
  operations?: string[];
  /** The whole run's budget in ms: the profile's runBudgetMs (a replay's recorded one), else the default. */
  runBudgetMs: number;
  /** A live target's build as the pre-flight read it (null: not reported); unset before it, and for the mock and a replay. */
  build?: TargetBuild | null;
}

function count(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${flag} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** Checks every flag, the profile and the credentials, before anything runs. */
export function runSettings(args: string[], env: NodeJS.ProcessEnv, cwd: string): RunSettings {
  const { values } = parse('run', args, OPTIONS);
  const faults = values.fault ?? [];
  const { source, profile } = resolveTarget(values, env, cwd);
  const live = source !== undefined;
  if (live && faults.length)
    throw new UsageError(
      "--fault switches the embedded mock's faults on, so it cannot be combined " +
        `with ${source.kind === 'replay' ? '--replay' : source.kind === 'profile' ? '--profile' : source.from}`,
    );
  const record = values.record === undefined ? undefined : directory('--record', values.record, cwd, false);
  if (record !== undefined && (!live || source.kind === 'replay'))
    throw new UsageError('--record records a live target: give --target URL or --profile FILE');
  if (values['allow-mutations'] && source?.kind === 'replay')
    throw new UsageError('--allow-mutations does not apply to --replay: a replay sends nothing, and its recording says what was allowed');
  const seed = values.seed;
  if (seed !== undefined && (!/^\d+$/.test(seed) || Number(seed) > 2 ** 31 - 1))
    throw new UsageError(`--seed must be an integer from 0 to ${2 ** 31 - 1}, got ${JSON.stringify(seed)}`);
  if (source?.kind === 'replay' && (seed !== undefined || values.runs !== undefined))
    throw new UsageError('--replay uses the seed and run count it was recorded with: drop --seed and --runs');
  const path = values.path;
  if (path !== undefined && (seed === undefined || !/^\d+(:\d+)*$/.test(path))) {
    throw new UsageError(
      seed === undefined
        ? '--path replays a reported failure and needs its --seed'
        : `--path must look like 3:0:1 (as printed with a failure), got ${JSON.stringify(path)}`,
    );
  }
  const grep = values.grep;
  if (grep !== undefined) {
    if (grep.trim() === '') throw new UsageError('--grep must not be empty');
    try {
      new RegExp(grep);
    } catch (e) {
      throw new UsageError(`--grep must be a regular expression: ${(e as Error).message}`);
    }
  }
  const reports = directory('--reports', values.reports ?? 'reports', cwd, false);
  const shard = values.shard;
  if (shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/3, got ${JSON.stringify(shard)}`);
  }
  try {
    faultsByName(faults);
  } catch (e) {
    if (e instanceof MockError) throw new UsageError(`--fault: ${e.message.replace(/^\[vcconform\] /, '').replace(/\.$/, '')}`);
    throw e;
  }
  const allowMutations = (values['allow-mutations'] ?? false) || (profile?.capabilities.allowMutations ?? false);
  const operations = values.operations === undefined ? undefined : parseScope(values.operations, '--operations');
  return {
    project: live ? 'live' : 'mock',
    ...(source && { source }),
    ...(profile && { profile, target: profile.url }),
    ...(source?.kind === 'replay' && { target: `the recording in ${source.dir}`, replay: source.dir }),
    allowMutations: live ? allowMutations : true,
    dryRun: values['dry-run'] ?? false,
    ...(record !== undefined && { record }),
    runs: count('runs', values.runs, 100_000),
    seed: seed === undefined ? undefined : Number(seed),
    ...(path !== undefined && { path }),
    grep,
    workers: count('workers', values.workers, 256),
    ...(shard !== undefined && { shard }),
    reports,
    faults,
    ...(operations && { operations }),
    runBudgetMs: profile?.runBudgetMs ?? DEFAULT_RUN_BUDGET_MS,
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
  // A lab vCenter is one shared state (a reset or a stage in one worker is seen by all): one worker unless asked.
  const workers = s.workers ?? (s.project === 'live' ? 1 : undefined);
  if (workers !== undefined) out.VCCONFORM_WORKERS = String(workers);
  if (s.faults.length) out.VCCONFORM_FAULTS = s.faults.join(',');
  if (s.operations) out.VCCONFORM_OPERATIONS = s.operations.join(',');
  const source = s.source;
  if (source?.kind === 'url') {
    out.VCCONFORM_TARGET_URL = source.url;
    if (s.profile?.tls.insecure) out.VCENTER_INSECURE = '1';
  }
  if (source?.kind === 'profile') out.VCCONFORM_PROFILE = source.file;
  if (source?.kind === 'replay') out.VCCONFORM_REPLAY = source.dir;
  if (source && source.kind !== 'replay' && s.allowMutations) out.VCCONFORM_ALLOW_MUTATIONS = '1';
  if (s.record !== undefined) out.VCCONFORM_RECORD = s.record;
  if (s.shard !== undefined) out.VCCONFORM_SHARD = s.shard;
  // Read once by the pre-flight: the workers name it in every report instead of asking again.
  if (s.build !== undefined) out.VCCONFORM_TARGET_BUILD = JSON.stringify(s.build);
  // The whole run's budget (Playwright's globalTimeout): when it runs out, the reports are written and the run fails.
  out.VCCONFORM_RUN_BUDGET_MS = String(s.runBudgetMs);
  // Node reads extra CAs when a process starts: the workers trust the profile's CA file from their first request.
  if (s.profile?.tls.caFile) out.NODE_EXTRA_CA_CERTS = s.profile.tls.caFile;
  // Installed in a project's node_modules/ (npx vcconform run there), the child compiles the suites itself.
  return withOwnTypeScript(out);
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

function playwrightArgs(s: RunSettings, extra: string[] = []): string[] {
  const cli = require.resolve('@playwright/test/cli');
  return [
    cli,
    'test',
    '--config',
    join(ROOT, 'playwright.config.ts'),
    `--project=${s.project}`,
    '--pass-with-no-tests',
    ...(s.grep !== undefined ? ['--grep', s.grep] : []),
    ...(s.shard !== undefined ? ['--shard', s.shard] : []),
    ...extra,
  ];
}

/** The secrets a run's console must never show: every configured user's credentials (a replay has none). */
function consoleRedactor(s: RunSettings): Redactor {
  const redactor = new Redactor();
  for (const user of Object.values(s.profile?.users ?? {})) if (user.password) redactor.addCredentials(user.username, user.password);
  return redactor;
}

function spawnPlaywright(s: RunSettings, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const argv = playwrightArgs(s);
  const mode =
    s.project === 'mock'
      ? ''
      : s.replay !== undefined
        ? ' (replayed offline)'
        : s.allowMutations
          ? ` (state changes allowed on ${s.profile?.capabilities.mutationAllowlist.join(', ') || 'no cluster: none is allowlisted'})`
          : ' (safe mode: nothing that could change state is sent)';
  io.err(
    `[vcconform] running the conformance suites against ${s.target ?? 'the embedded mock'}${mode}` +
      `${s.faults.length ? ` with faults ${s.faults.join(', ')}` : ''}: playwright ${argv.slice(1).join(' ')}`,
  );
  const redactor = consoleRedactor(s);
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: childEnv(s, env), stdio: ['inherit', 'pipe', 'pipe'] });
    const piped = Promise.all([pipeRedacted(child.stdout, process.stdout, redactor), pipeRedacted(child.stderr, process.stderr, redactor)]);
    child.on('error', (e) => {
      io.err(`[vcconform] Failed to start Playwright: ${e.message}.`);
      done(1);
    });
    child.on('close', (code) => {
      void piped.then(() => done(code === 0 ? 0 : 1));
    });
  });
}

/** Prefixes a flag or profile problem with the command name, as parse() does. */
async function named<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof UsageError && !e.message.startsWith('run: '))
      throw new UsageError(`run: ${e.message.replace(/^\[vcconform\] /, '').replace(/\.$/, '')}`);
    throw e;
  }
}

/** `--spec FILE` (or `--spec=FILE`) and the other arguments; undefined without it. */
function specArgument(args: string[]): { file: string; rest: string[] } | undefined {
  const at = args.findIndex((a) => a === '--spec' || a.startsWith('--spec='));
  if (at < 0) return undefined;
  const inline = args[at]!.startsWith('--spec=') ? args[at]!.slice('--spec='.length) : undefined;
  const file = inline ?? args[at + 1];
  if (!file || file.startsWith('--')) throw new UsageError('run: --spec needs a file: a complete vcenter.yaml or .json');
  return { file, rest: [...args.slice(0, at), ...args.slice(at + (inline === undefined ? 2 : 1))] };
}

/**
 * vcconform run on a user's spec: its catalogue and schemas are generated into a temporary directory (writeSpecDir),
 * and the run is this command again, without --spec, with VCCONFORM_SPECS naming that directory, so that the CLI,
 * the embedded mock and every worker read the same catalogue from their start. The directory is removed after.
 */
async function runOnSpec(file: string, rest: string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vcconform-spec-'));
  try {
    const made = await named(() => writeSpecDir(resolve(cwd, file), dir));
    const left = made.left.length ? `; ${made.left.length} left out, ${leftOutExamples(made.left)}` : '';
    io.err(`[vcconform] --spec ${file}: ${made.operations} operations (${made.deep} deep), ${made.schemas} schemas${left}`);
    return await new Promise<number>((done, fail) => {
      const child = spawn(process.execPath, [PACKAGE_BIN, 'run', ...rest], { cwd, env: { ...env, [SPECS_ENV]: dir }, stdio: 'pipe' });
      child.stdout.on('data', (chunk: Buffer) => io.out(chunk.toString().replace(/\n$/, '')));
      child.stderr.on('data', (chunk: Buffer) => io.err(chunk.toString().replace(/\n$/, '')));
      child.on('error', fail);
      child.on('close', (code) => done(code ?? 1));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `vcconform run` with an injectable environment and working directory (self-tests). */
export function createRunCommand(options: { env?: NodeJS.ProcessEnv; cwd?: () => string } = {}): Command {
  return {
    name: 'run',
    summary:
      'run the conformance suites against the embedded mock, or a live vCenter (--target, --profile), ' +
      'or a recording of one (--replay); exit 0 all checks pass, 1 a check failed, 2 usage error',
    usage: USAGE,
    help: [
      '  --target URL       run against this vCenter (its base URL; the API is under URL/api) instead of the embedded mock,',
      '                     logged in as VCENTER_USER with VCENTER_PASSWORD (the administrator; the password is never printed).',
      '                     Without a flag, VCENTER_URL selects the target the same way.',
      '  --profile FILE     run against the target a profile describes (specs/vcconform/target-profile.schema.json): URL, TLS,',
      '                     users by role (passwords from the environment variables it names), inventory roles, capabilities.',
      "  --insecure         accept the live target's certificate whatever it is (self-signed labs; also VCENTER_INSECURE=1).",
      '                     A lab CA is better: tls.caFile in the profile.',
      "  --allow-mutations  send requests that could change the live target's state, only to the clusters in the profile's",
      '                     capabilities.mutationAllowlist. Without it (safe mode) such tests are skipped, saying why.',
      '  --dry-run          print the plan (test × operation × request class, what each test assumes of the lab, and whether',
      '                     it would run against this target) and send nothing.',
      "  --record DIR       with a live target: write each test's exchanges to DIR as cassettes, secrets as placeholders.",
      '  --replay DIR       re-run the suites offline against the cassettes in DIR (nock); a request that was not recorded fails.',
      '  --runs N           fast-check runs per property (default 25)',
      '  --seed S           fast-check seed, to replay a reported failure (default: a fresh seed per property, printed on failure)',
      '  --path P           with --seed: the fast-check path printed with the failure, to replay exactly that case',
      '  --grep PATTERN     only the tests whose title matches this regular expression',
      '  --workers N        parallel Playwright workers (default: one per core, ' +
        'at least 2; 1 for a live target, whose state all workers share)',
      '  --shard I/N        run the I-th of N parts of the suites (Playwright --shard) and write a blob report to DIR/blob;',
      '                     vcconform merge puts the parts back together (docs/nightly-ci.md)',
      '  --reports DIR      where html/index.html, results.json, junit.xml and conformance.json/.html go (default ./reports)',
      '  --fault NAME[@OP]  turn a fault switch of the embedded mock on (vcconform mock --list-faults); repeatable; not with a live target',
      '  --operations PATTERN  only the catalogue operations matching these ' +
        "globs (comma-separated or repeated, e.g. 'clusters.*,tasks.get';",
      '                     vcconform operations lists them): a test needing another is skipped as not in scope and sends nothing.',
      "                     Overrides the profile's operations. Logging in and out is always in scope.",
      '  --spec FILE        the catalogue and schemas of this complete vcenter.yaml (or .json) of a vSphere 8.x/9.x release',
      '                     instead of the vendored 9.1 extracts: every operation it documents gets the generic checks (the',
      '                     embedded mock serves them all); operations it cannot derive are named on stderr and left out.',
      '',
      'Exit status: 0 when every check passed, 1 when any failed, 2 for a usage or configuration error (one line on stderr).',
    ].join('\n'),
    async run(args, io) {
      const env = options.env ?? process.env;
      const spec = specArgument(args);
      if (spec) return runOnSpec(spec.file, spec.rest, env, options.cwd?.() ?? process.cwd(), io);
      const s = await named(() => runSettings(args, env, options.cwd?.() ?? process.cwd()));
      if (s.dryRun) {
        // A replay is judged against the recorded profile: what it allowed, and what its lab offered.
        const recorded = s.replay === undefined ? undefined : (await named(() => readRecording(s.replay!))).profile;
        const judged = recorded ? { ...s, profile: recorded, allowMutations: recorded.capabilities.allowMutations } : s;
        return printPlan(judged, childEnv(s, env), playwrightArgs(s, ['--list', '--reporter=json']), io);
      }
      if (s.profile) {
        const startedAt = new Date();
        try {
          const probe = await named(() => probeTarget(s.profile!));
          const wire = nodeTransport({
            timeoutMs: s.profile.timeoutMs,
            maxResponseBytes: s.profile.maxResponseBytes,
            tls: s.profile.tls.caFile ? { insecure: false, ca: readFileSync(s.profile.tls.caFile) } : { insecure: s.profile.tls.insecure },
          });
          let reading: BuildReading;
          try {
            reading = await named(() => preflight(s.profile!, probe, wire));
          } finally {
            wire.close();
          }
          s.build = reading.build;
          if (reading.build === null) io.err(buildObservation(s.profile.url, reading.why));
        } catch (e) {
          // Exit 2 with the one line, and a report that says why nothing ran (a nightly job compares it).
          if (e instanceof UsageError)
            writePreflightReport(s.reports, { kind: 'live', url: s.profile.url }, e.message.replace(/^run: /, ''), startedAt);
          throw e;
        }
      }
      if (s.record !== undefined) {
        s.seed ??= Math.floor(Math.random() * 2 ** 31);
        s.runs ??= DEFAULT_RUNS;
        // What was allowed is part of the recording: a replay skips and sends exactly what this run did.
        const recorded = splitProfile({
          ...s.profile!,
          capabilities: { ...s.profile!.capabilities, allowMutations: s.allowMutations },
        }).profile;
        writeRecording(s.record, { profile: recorded, seed: s.seed, numRuns: s.runs, build: s.build ?? null });
      }
      if (s.replay !== undefined) {
        const recording = await named(() => readRecording(s.replay!));
        s.seed = recording.seed;
        s.runs = recording.numRuns;
        s.runBudgetMs = recording.profile.runBudgetMs;
      }
      for (const stale of [STATE_CHANGES_DIR, SESSIONS_LEFT_DIR, 'blob']) rmSync(join(s.reports, stale), { recursive: true, force: true });
      const code = await spawnPlaywright(s, env, io);
      if (s.grep !== undefined && testsRun(s.reports) === 0) {
        io.err(`[vcconform] --grep ${JSON.stringify(s.grep)} matched no test. Usage: ${USAGE}`);
        return 2;
      }
      for (const line of [...stateChangeSummary(s.reports), ...sessionsLeftSummary(s.reports)]) io.err(line);
      if (s.record !== undefined)
        io.err(`[vcconform] recorded the exchanges in ${s.record}; replay them offline with vcconform run --replay ${s.record}`);
      io.err(
        `[vcconform] ${code === 0 ? 'every check passed' : 'some checks failed'}; ` +
          `reports in ${s.reports} (html/index.html, results.json, junit.xml).`,
      );
      return code;
    },
  };
}

export const runCommand = createRunCommand();
