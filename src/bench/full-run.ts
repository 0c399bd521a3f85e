import { outsidePlaywright } from '../util/child-env';
import { spawn } from 'node:child_process';
import { PACKAGE_BIN as BIN, PACKAGE_ROOT as ROOT } from '../util/package-root';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measured } from './parts';
import { readPlaywrightReport, testTimes, type TestTime } from './playwright-json';
import type { BenchSettings, Part } from './report-types';
import { sampleRss, type RssPeak } from './rss';
import { figure, median } from './stats';

export const LIFECYCLE_SUITE = 'suites/stage-task.lifecycle.spec.ts';

interface RunTimes {
  totalMs: number;
  startupMs: number;
  collectMs?: number;
  suitesMs: number;
  reportsMs: number;
  rss?: RssPeak;
  lifecycleMs: number;
  code: number | null;
  workers?: string;
  /** The tests' own durations added up, and the three suite files whose tests took longest. */
  testMs: number;
  slowest: { file: string; ms: number }[];
}

/** Summed test time per file, slowest first. */
function byFile(times: readonly TestTime[]): { file: string; ms: number }[] {
  const sums = new Map<string, number>();
  for (const t of times) sums.set(t.file, (sums.get(t.file) ?? 0) + t.durationMs);
  return [...sums].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms);
}

/** This environment without what an outer Playwright run sets for its workers: the child run is exactly `vcconform run`. */
function cleanEnv(): NodeJS.ProcessEnv {
  return outsidePlaywright({ ...process.env, FORCE_COLOR: '0' });
}

/**
 * One default `node bin/vcconform.js run` with its reports in a temporary directory. Phases from Playwright's
 * own clock (results.json): start-up until Playwright configured its run (stats.startTime), the suites for
 * stats.duration (collecting them, workers, tests), and the reports after it (reporters' onEnd, then exit).
 */
async function timeOneRun(): Promise<RunTimes> {
  const reports = mkdtempSync(join(tmpdir(), 'vcconform-bench-run-'));
  try {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'run', '--reports', reports], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const rss = sampleRss(child.pid!);
    let out = '';
    let collectedAt: number | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      collectedAt ??= /Running \d+ tests? using/.test(out) ? Date.now() : undefined;
    });
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const ended = Date.now();
    const peak = rss.stop();
    if (code !== 0 && code !== 1)
      throw new Error(`[vcconform] Failed to time vcconform run: it exited ${code}. Its output ended: ${out.slice(-500)}`);
    const report = readPlaywrightReport(join(reports, 'results.json'));
    const pwStart = Date.parse(report.stats.startTime);
    const workers = /using (\d+ workers?)/.exec(out)?.[1];
    const times = testTimes(report);
    const lifecycleMs = times.filter((t) => t.file === LIFECYCLE_SUITE).reduce((n, t) => n + t.durationMs, 0);
    return {
      totalMs: ended - started,
      startupMs: pwStart - started,
      suitesMs: report.stats.duration,
      reportsMs: ended - (pwStart + report.stats.duration),
      ...(collectedAt !== undefined && { collectMs: collectedAt - pwStart }),
      ...(peak && { rss: peak }),
      lifecycleMs,
      code,
      testMs: times.reduce((n, t) => n + t.durationMs, 0),
      slowest: byFile(times).slice(0, 3),
      ...(workers && { workers }),
    };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Where the suites' time went: collecting them, the tests' own time, the slowest files (of the last run). */
function suitesDetail(runs: readonly RunTimes[], collect: readonly number[]): string {
  const last = runs.at(-1);
  const parts = [
    ...(collect.length ? [`collecting the suites until "Running N tests" ${secs(median(collect))}`] : []),
    `the tests' own durations added up ${secs(median(runs.map((r) => r.testMs)))}`,
    ...(last ? [`slowest files (last run): ${last.slowest.map((f) => `${f.file} ${secs(f.ms)}`).join(', ')}`] : []),
  ];
  return `${parts.join('; ')} (medians unless said)`;
}

/** P2, and the lifecycle suite's test time in each run (for P4). */
export async function fullRunPart(settings: BenchSettings): Promise<{ part: Part; lifecycleMs: number[] }> {
  const runs: RunTimes[] = [];
  for (let rep = 0; rep < settings.runRepetitions; rep++) runs.push(await timeOneRun());
  const s = (f: (r: RunTimes) => number) => runs.map(f);
  const collect = runs.flatMap((r) => (r.collectMs === undefined ? [] : [r.collectMs]));
  const peaks = runs.flatMap((r) => (r.rss ? [r.rss] : []));
  const figures = [
    figure(
      'p2-total',
      'node bin/vcconform.js run (embedded mock, reports to a temp dir): wall time',
      's',
      s((r) => r.totalMs / 1000),
      `exit codes ${runs.map((r) => r.code).join(', ')}; ${runs[0]?.workers ?? '? workers'}`,
    ),
    figure(
      'p2-startup',
      'start-up: until Playwright has its configuration (results.json stats.startTime)',
      's',
      s((r) => r.startupMs / 1000),
    ),
    figure(
      'p2-suites',
      "suites: Playwright's own duration (collecting, workers, tests)",
      's',
      s((r) => r.suitesMs / 1000),
      suitesDetail(runs, collect),
    ),
    figure(
      'p2-reports',
      "reports: after Playwright's duration until the process exits (reporters' onEnd)",
      's',
      s((r) => r.reportsMs / 1000),
    ),
  ];
  if (peaks.length === runs.length) {
    figures.push(
      figure(
        'p2-peak-rss',
        'peak RSS of the whole process tree (CLI, Playwright runner, workers), sampled every 100 ms',
        'MiB',
        peaks.map((p) => p.treeMiB),
        `largest single process ${Math.round(median(peaks.map((p) => p.largestMiB)))} MiB (median)`,
      ),
    );
  }
  const part = measured('P2', figures, [
    `${settings.runRepetitions} run(s) of the default \`node bin/vcconform.js ` +
      'run --reports TMP`, one after another, each in a fresh temporary directory.',
    ...(peaks.length === runs.length ? [] : ['Peak RSS not measured: no /proc on this machine.']),
  ]);
  return { part, lifecycleMs: runs.map((r) => r.lifecycleMs) };
}
