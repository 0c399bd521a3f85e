import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { writeFileAtomic } from '../util/write-file-atomic';
import { writeConformanceHtml } from './conformance-html';
import { harnessVersion } from './harness-version';
import { buildReport, type ConformanceProject } from './build-report';
import type { CollectedTest } from './collected-test';
import { COVERAGE_ATTACHMENT, runInfoOf, type RunInfo } from './coverage';
import { EVIDENCE_PREFIX } from './failures';

export interface ConformanceReporterOptions {
  /** Where to write conformance.json, relative to the config's directory. */
  outputFile?: string;
  /** Set by Playwright. */
  configDir?: string;
}

type Attachment = TestResult['attachments'][number];
const wanted = (a: Attachment) => a.name === COVERAGE_ATTACHMENT || a.name.startsWith(EVIDENCE_PREFIX);

/**
 * Writes `conformance.json` (src/report/conformance-types.ts) at the end of a run of the `mock` or
 * `live` project; a run without them (self-tests) writes nothing. It reads only what a blob report
 * keeps — ids, titles, statuses, annotations and attachments — so `playwright merge-reports` of
 * sharded runs gives the same report as one run.
 */
export default class ConformanceReporter implements Reporter {
  private readonly outputFile: string;
  private suite?: Suite;
  private configured: Partial<Record<ConformanceProject, RunInfo>> = {};
  /** The run's budget (globalTimeout; 0: none), to say why a run stopped early. */
  private budgetMs = 0;
  /** The attachments the report reads, per test id, of its latest attempt. */
  private readonly attachments = new Map<string, CollectedTest['attachments']>();
  private readonly problems: string[] = [];

  constructor(options: ConformanceReporterOptions = {}) {
    this.outputFile = resolve(options.configDir ?? process.cwd(), options.outputFile ?? 'reports/conformance.json');
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.suite = suite;
    this.budgetMs = config.globalTimeout;
    for (const project of config.projects) {
      // Present in a direct run only: a blob report keeps no project `use` options.
      const options = (project.use as { vcconform?: Parameters<typeof runInfoOf>[1] }).vcconform;
      if (options && (project.name === 'mock' || project.name === 'live')) this.configured[project.name] = runInfoOf(project.name, options);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Read now: a merge may hand attachments over as files in a directory it cleans up later.
    const texts: CollectedTest['attachments'] = [];
    for (const a of result.attachments.filter(wanted)) {
      try {
        texts.push({ name: a.name, text: a.body ? a.body.toString('utf8') : readFileSync(a.path ?? '', 'utf8') });
      } catch (e) {
        this.problems.push(`attachment "${a.name}" of "${test.title}" could not be read (${(e as Error).message})`);
      }
    }
    this.attachments.set(test.id, texts);
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    try {
      if (this.problems.length > 0) throw new Error(this.problems.join('; '));
      const all = this.suite?.allTests() ?? [];
      // `playwright test --list` calls the reporters too, but runs nothing: there is no verdict to write.
      if (!all.some((t) => t.results.length > 0)) return undefined;
      const tests = all.map((t) => this.collect(t));
      const stopped =
        result.status === 'timedout'
          ? `its budget of ${this.budgetMs} ms (the profile's runBudgetMs) ran out`
          : result.status === 'interrupted'
            ? 'it was interrupted'
            : undefined;
      const report = buildReport({
        tests,
        startedAt: result.startTime,
        durationMs: result.duration,
        harnessVersion: harnessVersion(),
        configured: this.configured,
        ...(stopped && { stopped }),
      });
      if (!report) return undefined;
      mkdirSync(dirname(this.outputFile), { recursive: true });
      writeFileAtomic(this.outputFile, `${JSON.stringify(report, null, 2)}\n`);
      // The page for people, beside the file for machines: conformance.json → conformance.html.
      writeConformanceHtml(report, `${this.outputFile.replace(/\.json$/, '')}.html`);
      return undefined;
    } catch (e) {
      const reason = (e as Error).message.replace(/^\[vcconform\] /, '');
      process.stderr.write(`[vcconform] Failed to write ${this.outputFile}: ${reason}\n`);
      return { status: 'failed' };
    }
  }

  private collect(test: TestCase): CollectedTest {
    const last = test.results.at(-1);
    const annotations = last?.annotations.length ? last.annotations : test.annotations;
    return {
      id: test.id,
      title: test.title,
      // [root, project, file, …describes, title]
      titlePath: test.titlePath().slice(2).join(' › '),
      project: test.parent.project()?.name ?? '',
      outcome: test.outcome(),
      status: last?.status ?? 'skipped',
      annotations: annotations.map(({ type, description }) => ({ type, ...(description !== undefined && { description }) })),
      attachments: this.attachments.get(test.id) ?? [],
      errors: (last?.errors ?? []).map((e) => e.message ?? e.value ?? ''),
      ran: test.results.length > 0,
    };
  }
}
