import { mkdirSync } from 'node:fs';
import { PACKAGE_ROOT as ROOT } from '../util/package-root';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { validatorFor } from '../../specs/index';
import { writeFileAtomic } from '../util/write-file-atomic';
import { batchSizePart } from './batch-size';
import { fullRunPart } from './full-run';
import { guarded, notMeasured } from './parts';
import { BENCH_FORMAT, BENCH_VERSION, type BenchReport, type Part } from './report-types';
import { selfTestFiles, selfTestTimings } from './self-test-timings';
import { FULL, SMOKE } from './settings';
import { taskLifecyclePart } from './task-lifecycle';
import { throughputParts } from './throughput';

/** The schema bench.json is validated against before it is written (specs/vcconform/bench-report.schema.json). */
export const BENCH_SCHEMA_ID = 'Vcconform.Bench.Report';

export interface BenchOptions {
  smoke: boolean;
  /** Where bench.json goes. */
  out: string;
  /** The Playwright JSON report of a previous `npm test` (reports/self/results.json). */
  selfTestReport: string;
  /** The command line, for the report. */
  command: string;
  /** Progress lines (to stderr). */
  log: (line: string) => void;
}

const load3 = () => loadavg().map((n) => Number(n.toFixed(2)));

/**
 * Measures P1–P5 and reads the self-tests' timings; a part whose measurement breaks is reported as
 * failed (with why) and the others still run. Validates the report against its schema, then writes it.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const settings = options.smoke ? SMOKE : FULL;
  const started = Date.now();
  const loadAverageStart = load3();
  const parts: Part[] = [];
  const step = async (ids: Part['id'][], run: () => Promise<Part | Part[]>) => {
    const t = Date.now();
    options.log(`[bench] ${ids.join(' and ')}…`);
    parts.push(...(await guarded(ids, run)));
    options.log(`[bench] ${ids.join(' and ')}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await step(['P1', 'P5'], () => throughputParts(settings, !options.smoke));
  await step(['P3'], () => batchSizePart(settings));
  let lifecycleMs: number[] = [];
  if (settings.runRepetitions > 0) {
    await step(['P2'], async () => {
      const { part, lifecycleMs: ms } = await fullRunPart(settings);
      lifecycleMs = ms;
      return part;
    });
  } else {
    parts.push(notMeasured('P2', 'skipped', '--smoke skips the full vcconform run'));
  }
  await step(['P4'], () => taskLifecyclePart(settings, lifecycleMs));
  const order: Part['id'][] = ['P1', 'P2', 'P3', 'P4', 'P5'];
  const cpu = cpus();
  const report: BenchReport = {
    format: BENCH_FORMAT,
    version: BENCH_VERSION,
    command: options.command,
    smoke: options.smoke,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    machine: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      memoryMiB: Math.round(totalmem() / 2 ** 20),
      loadAverageStart,
      loadAverageEnd: load3(),
    },
    settings,
    parts: parts.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
    selfTests: selfTestTimings(options.selfTestReport, selfTestFiles(ROOT)),
  };
  const validate = validatorFor(BENCH_SCHEMA_ID);
  if (!validate(report)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`[vcconform] Failed to write ${options.out}: the report does not match ${BENCH_SCHEMA_ID}: ${problems}.`);
  }
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileAtomic(options.out, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
