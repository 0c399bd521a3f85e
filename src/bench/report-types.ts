/**
 * `reports/bench.json`, written by `npm run bench` (scripts/bench.ts). Published as the JSON Schema
 * `Vcconform.Bench.Report` (specs/vcconform/bench-report.schema.json); this file is its TypeScript twin.
 */
export const BENCH_FORMAT = 'vcconform-bench';
export const BENCH_VERSION = 1;

export type Unit = 'req/s' | 'cases/s' | 'ms' | 's' | 'MiB' | 'ratio';

/** One measured quantity: the median of its repetitions, with their min and max and every sample in order. */
export interface Figure {
  /** Stable kebab-case id, e.g. `p1-mock-upgrade-multiple`. */
  id: string;
  label: string;
  unit: Unit;
  median: number;
  min: number;
  max: number;
  samples: number[];
  /** What else the repetitions showed (sizes, error counts, a split of the time), in words. */
  detail?: string;
}

/** A target the issue sets, judged on a figure's median; never asserted, only reported. */
export interface TargetRow {
  /** The figure it judges (its id). */
  figure: string;
  comparison: '>=' | '<=';
  threshold: number;
  /** The figure's median; null when the figure was not measured. */
  value: number | null;
  /** null: not measured. */
  pass: boolean | null;
}

export type PartId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

export interface Part {
  id: PartId;
  title: string;
  /** skipped: not run (smoke mode says why); failed: the measurement itself broke (reason says how). */
  status: 'measured' | 'skipped' | 'failed';
  reason?: string;
  figures: Figure[];
  targets: TargetRow[];
  /** How the part was measured, one sentence each. */
  notes: string[];
}

/** The self-tests' timings, read from the Playwright JSON report of a previous `npm test`. */
export interface SelfTestTimings {
  measured: boolean;
  /** Why not (no report, or a report of another project). */
  reason?: string;
  source?: string;
  startedAt?: string;
  projects: { name: string; tests: number; wallMs: number; testMs: number }[];
  /** The ten test files whose tests took longest in total. */
  slowestFiles: { file: string; project: string; tests: number; testMs: number }[];
}

export interface BenchSettings {
  repetitions: number;
  loadSeconds: number;
  warmupSeconds: number;
  connections: number;
  runRepetitions: number;
  batchSizes: number[];
  batchRepetitions: number;
  taskRepetitions: number;
  timeScale: number;
}

export interface BenchReport {
  format: typeof BENCH_FORMAT;
  version: typeof BENCH_VERSION;
  /** The command that produced it. */
  command: string;
  smoke: boolean;
  startedAt: string;
  durationMs: number;
  machine: {
    node: string;
    platform: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    memoryMiB: number;
    /** 1, 5 and 15 minute load averages when the bench started and when it ended: how busy the machine was. */
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  settings: BenchSettings;
  parts: Part[];
  selfTests: SelfTestTimings;
}
