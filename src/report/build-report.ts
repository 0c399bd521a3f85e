import { checkAnnotations, checkOutcomes, cmp } from './check-outcomes';
import { parseJson, type CollectedTest } from './collected-test';
import { CONFORMANCE_FORMAT, CONFORMANCE_VERSION, type ConformanceReport, type ResultStatus, type TestError } from './conformance-types';
import { COVERAGE_ATTACHMENT, coverageOf, type RunInfo, type TestCoverage } from './coverage';
import { failuresOf } from './failures';

/** The Playwright projects that run the conformance suites; a run without them gets no report. */
export type ConformanceProject = 'mock' | 'live';

/** fixtures/property.ts records each property's seed under this annotation. */
export const PROPERTY_ANNOTATION = 'vcconform.property';

export interface ReportInput {
  /** Every test of the run, of any project. */
  tests: readonly CollectedTest[];
  startedAt: Date;
  durationMs: number;
  harnessVersion: string;
  /**
   * Run facts from the config's project options, for a run in which no test attached coverage
   * (all skipped before their fixtures): blob reports keep no project options, so tests carry them.
   */
  configured?: Partial<Record<ConformanceProject, RunInfo>>;
  /** Why the run stopped before its end (its budget ran out, it was interrupted): the verdict is then `fail`. */
  stopped?: string;
}

/** The project the report is about: `live` when the run has it, else `mock`; undefined for a run with neither (self-tests). */
export function reportedProject(tests: readonly CollectedTest[]): ConformanceProject | undefined {
  const projects = new Set(tests.map((t) => t.project));
  return projects.has('live') ? 'live' : projects.has('mock') ? 'mock' : undefined;
}

/** The conformance report of a run, or undefined when the run had no conformance tests. */
export function buildReport(input: ReportInput): ConformanceReport | undefined {
  // A run stopped before any test (its target failed the pre-flight) still reports, about the target it was given.
  const project =
    reportedProject(input.tests) ??
    (input.stopped ? (Object.keys(input.configured ?? {})[0] as ConformanceProject | undefined) : undefined);
  if (!project) return undefined;
  // Sorted by id, so that every list below comes out the same however the run was sharded.
  const tests = input.tests.filter((t) => t.project === project).sort((a, b) => cmp(a.id, b.id));
  const coverage = tests.flatMap((t) => {
    const a = t.attachments.find((x) => x.name === COVERAGE_ATTACHMENT);
    return a ? [parseJson<TestCoverage>(a.text, `attachment "${COVERAGE_ATTACHMENT}"`, t)] : [];
  });
  const run = coverage[0]?.run ??
    input.configured?.[project] ?? { kind: project, url: project === 'mock' ? 'embedded' : 'unknown', seed: null, build: null };
  // Every worker read the same target: the first test (by id) that names a build gives it; `?? null` for attachments of older blob reports.
  const build = coverage.find((c) => c.run.build)?.run.build ?? run.build ?? null;
  // The mock listens on a free port per worker: its curl lines take the address from $VCENTER_URL.
  const baseUrl = run.kind === 'mock' ? '$VCENTER_URL' : run.url;
  const results = checkOutcomes(tests);
  const counts: Record<ResultStatus, number> = { passed: 0, failed: 0, warning: 0, info: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  const outcome = (o: CollectedTest['outcome']) => tests.filter((t) => t.outcome === o).length;
  const testCounts = {
    total: tests.length,
    passed: outcome('expected'),
    failed: outcome('unexpected'),
    skipped: outcome('skipped'),
    flaky: outcome('flaky'),
  };
  const errors = tests.filter((t) => t.outcome === 'unexpected' && !checkAnnotations(t).some((a) => a.status === 'failed')).map(testError);
  // A run cut short is no pass, however clean the part it ran: what it did not reach was never checked.
  if (input.stopped)
    errors.unshift({
      testId: 'run',
      test: 'the run',
      message:
        `The run stopped before its end: ${input.stopped}; ` +
        `${tests.filter((t) => t.ran === false).length} of ${tests.length} tests did not run.`,
    });
  return {
    format: CONFORMANCE_FORMAT,
    version: CONFORMANCE_VERSION,
    target: { kind: run.kind, url: run.url, build },
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    harness: { name: 'vcconform', version: input.harnessVersion },
    seed: run.seed,
    seeds: seedsOf(tests),
    verdict: counts.failed > 0 || testCounts.failed > 0 || input.stopped ? 'fail' : 'pass',
    tests: testCounts,
    counts,
    results,
    failures: tests
      .flatMap((t) => failuresOf(t, baseUrl))
      .sort((a, b) => cmp(a.operation, b.operation) || cmp(a.check, b.check) || cmp(a.testId, b.testId)),
    errors,
    coverage: coverageOf(
      coverage.flatMap((c) => c.operations),
      results,
    ),
  };
}

/** Every property seed of the run, sorted and without repeats. */
function seedsOf(tests: readonly CollectedTest[]): number[] {
  const seeds = tests.flatMap((t) =>
    t.annotations
      .filter((a) => a.type === PROPERTY_ANNOTATION)
      .map((a) => parseJson<{ seed: number }>(a.description ?? '', `${PROPERTY_ANNOTATION} annotation`, t).seed),
  );
  return [...new Set(seeds)].sort((a, b) => a - b);
}

// The first lines say what went wrong (a timeout, "not recorded: …"); the stack and the rest stay in the HTML report.
const ERROR_LINES = 3;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what starts an ANSI colour code
const ANSI = /\u001b\[[0-9;]*m/g;

function testError(test: CollectedTest): TestError {
  const first = test.errors[0]
    ?.replace(ANSI, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter(Boolean)
    .slice(0, ERROR_LINES)
    .join('\n');
  return { testId: test.id, test: test.titlePath, message: first || `the test ended ${test.status}, which was not expected` };
}
