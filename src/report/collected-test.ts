/**
 * One test as the conformance reporter collected it: only what survives in a blob report
 * (ids, titles, statuses, annotations, attachments), so a merged run gives the same report.
 */
export interface CollectedTest {
  /** Playwright's test id: stable while file, titles and project stay the same. */
  id: string;
  /** The test's own title (what `--grep` matches). */
  title: string;
  /** file › describe › title. */
  titlePath: string;
  project: string;
  /** Playwright's outcome over all attempts. */
  outcome: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  /** The final attempt's status. */
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** The final attempt's annotations (static ones included). */
  annotations: { type: string; description?: string }[];
  /** The final attempt's attachments that the report reads, as text. */
  attachments: { name: string; text: string }[];
  /** The final attempt's error messages. */
  errors: string[];
  /** Whether the test ran at all (a run stopped by its budget leaves the rest without a result); absent means it ran. */
  ran?: boolean;
}

/** Parses an annotation or attachment's JSON, or throws naming what and which test. */
export function parseJson<T>(text: string, what: string, test: CollectedTest): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(
      `[vcconform] Failed to read the ${what} of "${test.titlePath}": ${(e as Error).message}. ` +
        'The fixtures write it as JSON; was the report produced by another harness version?',
    );
  }
}
