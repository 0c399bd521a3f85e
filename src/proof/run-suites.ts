import { outsidePlaywright } from '../util/child-env';
import { spawn } from 'node:child_process';
import { PACKAGE_ROOT as ROOT } from '../util/package-root';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Issue } from '../checks/types';
import type { CheckAnnotation } from '../report/check-outcomes';
import type { BatchCase } from './batch.config';

export interface SuiteRun {
  exitCode: number;
  /** Names of the checks that failed (failure severity) in any test. */
  failedChecks: Set<string>;
  /** Names of the checks that warned (warning severity) in any test. */
  warnedChecks: Set<string>;
  /** Every issue reported by an observation-severity check (status info), in report order. */
  observations: Observation[];
  /** Titles of tests that failed. */
  failedTests: string[];
  passed: number;
  failed: number;
  skipped: number;
  output: string;
  /** The reports directory of the run (results.json, junit.xml, html/, test-results/). */
  reports: string;
}

/** One issue of an observation check (check, message, received, documented, pointer), with the operation and scenario it was about. */
export type Observation = Issue & { operation: string; scenario: string };

interface JsonSuite {
  title: string;
  specs?: {
    title: string;
    tests: { projectName?: string; results: { status: string; annotations?: { type: string; description?: string }[] }[] }[];
  }[];
  suites?: JsonSuite[];
}

export interface SuiteOptions {
  faults: string[];
  files?: readonly string[];
  /** Only the tests whose title matches (Playwright `--grep`), to keep a proof run narrow. */
  grep?: string;
  numRuns?: number;
  seed?: number;
  /** The mock's virtual seconds per real second (VCCONFORM_TIME_SCALE); default the fixtures' own. */
  timeScale?: number;
}

/** A child Playwright's environment: the mock faults, a fixed seed, reports under `reports`, nothing from the outer run. */
function childEnv(options: SuiteOptions, reports: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VCCONFORM_FAULTS: options.faults.join(','),
    VCCONFORM_REPORTS: reports,
    VCCONFORM_WORKERS: '1',
    FC_NUM_RUNS: String(options.numRuns ?? 10),
    // A fixed seed: a proof must give the same answer on every machine (a user's run draws its own).
    FC_SEED: String(options.seed ?? 20261124),
    // The mock finishes a task in milliseconds; a short budget keeps stuck-task runs short.
    VCCONFORM_TASK_BUDGET_MS: '3000',
    ...(options.timeScale !== undefined && { VCCONFORM_TIME_SCALE: String(options.timeScale) }),
    FORCE_COLOR: '0',
  };
  return outsidePlaywright(env);
}

/** Runs the Playwright CLI (`test …`, `merge-reports …`) as a child process, collecting its output. */
async function playwright(args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; output: string }> {
  const cli = require.resolve('@playwright/test/cli');
  let output = '';
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  return { exitCode, output };
}

const testArgs = (options: SuiteOptions) => [
  'test',
  '--config',
  join(ROOT, 'playwright.config.ts'),
  '--project=mock',
  ...(options.grep ? ['--grep', options.grep] : []),
  ...(options.files ?? []),
];

/**
 * Runs one shard of the suites (`--shard=1/2`) with only the blob reporter, as a CI shard would;
 * `blob` is the shard's blob report file (for mergeReports).
 */
export async function runShard(options: SuiteOptions & { shard: string }): Promise<{ exitCode: number; output: string; blob: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'vcconform-shard-'));
  const env = { ...childEnv(options, reports), PLAYWRIGHT_BLOB_OUTPUT_DIR: join(reports, 'blob') };
  const run = await playwright([...testArgs(options), `--shard=${options.shard}`, '--reporter=blob'], env);
  const [zip] = readdirSync(join(reports, 'blob')).filter((f) => f.endsWith('.zip'));
  return { ...run, blob: join(reports, 'blob', zip ?? 'missing.zip') };
}

/** `playwright merge-reports` of blob report files with the configured reporters; returns the reports directory. */
export async function mergeReports(blobs: string[]): Promise<{ exitCode: number; output: string; reports: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'vcconform-merged-'));
  const dir = join(reports, 'blobs');
  mkdirSync(dir);
  for (const blob of blobs) copyFileSync(blob, join(dir, basename(blob)));
  const run = await playwright(['merge-reports', '--config', join(ROOT, 'playwright.config.ts'), dir], childEnv({ faults: [] }, reports));
  return { ...run, reports };
}

/** Runs the conformance suites (project `mock`) in a child Playwright with these mock faults, and reads its JSON report. */
export async function runSuites(options: SuiteOptions): Promise<SuiteRun> {
  const reports = mkdtempSync(join(tmpdir(), 'vcconform-proof-'));
  // The configured reporters, as a user's run has them: the proof reads results.json and can inspect every artifact.
  const { exitCode, output } = await playwright(testArgs(options), childEnv(options, reports));
  return { ...summarise(readJsonReport(reports)), reports, exitCode, output };
}

/** A Playwright JSON report, as the proof reads it. */
export interface JsonReport {
  suites: JsonSuite[];
}

export function readJsonReport(reports: string): JsonReport {
  return JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8')) as JsonReport;
}

/** What the tests of a report (of one project, when named) did: failed, warned and observing checks, and counts. */
export function summarise(report: JsonReport, project?: string): Omit<SuiteRun, 'reports' | 'exitCode' | 'output'> {
  const failedChecks = new Set<string>();
  const warnedChecks = new Set<string>();
  const observations: Observation[] = [];
  const failedTests: string[] = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests) {
        if (project !== undefined && t.projectName !== project) continue;
        const last = t.results.at(-1)?.status;
        if (last === 'passed') counts.passed++;
        else if (last === 'skipped' || last === undefined) counts.skipped++;
        else counts.failed++;
        for (const r of t.results) {
          if (r.status === 'failed' || r.status === 'timedOut') failedTests.push([...path, spec.title].join(' › '));
          for (const a of r.annotations ?? []) {
            if (a.type !== 'vcconform.check' || !a.description) continue;
            const { check, status, operation, scenario, issues } = JSON.parse(a.description) as CheckAnnotation;
            if (status === 'failed') failedChecks.add(check);
            if (status === 'warning') warnedChecks.add(check);
            if (status === 'info') observations.push(...issues.map((i) => ({ ...i, operation, scenario })));
          }
        }
      }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const s of report.suites) walk(s, [s.title]);
  return { failedChecks, warnedChecks, observations, failedTests, ...counts };
}

/**
 * Runs many proof cases in one child Playwright (src/proof/batch.config.ts: one project per case)
 * and reads each case's outcome from the one JSON report; `exitCode` is 1 for a case with a failed test.
 */
export async function runBatch(cases: readonly BatchCase[]): Promise<{ runs: Map<string, SuiteRun>; output: string }> {
  const reports = mkdtempSync(join(tmpdir(), 'vcconform-proof-batch-'));
  const casesFile = join(reports, 'cases.json');
  writeFileSync(casesFile, JSON.stringify(cases));
  const env = { ...childEnv({ faults: [] }, reports), VCCONFORM_PROOF_CASES: casesFile };
  const { output } = await playwright(['test', '--config', join(__dirname, 'batch.config.ts')], env);
  let report: JsonReport;
  try {
    report = readJsonReport(reports);
  } catch {
    throw new Error(`[vcconform] The proof batch wrote no JSON report: ${output.slice(-3000)}`);
  }
  const runs = new Map<string, SuiteRun>();
  for (const c of cases) {
    const summary = summarise(report, c.name);
    runs.set(c.name, { ...summary, reports, exitCode: summary.failed > 0 ? 1 : 0, output });
  }
  return { runs, output };
}
