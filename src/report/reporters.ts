import type { ReporterDescription } from '@playwright/test';
import { join } from 'node:path';

/**
 * The reporters of every run, and of `vcconform merge` (Playwright's merge-reports replays the
 * shards' blob reports through the same list, so a merged run writes exactly what one run writes):
 * Playwright's HTML report, JUnit XML, the JSON report and conformance.json (+ conformance.html).
 * A sharded run adds a blob report, for the merge.
 */
export function reportersFor(reports: string, options: { blob?: boolean; list?: boolean } = {}): ReporterDescription[] {
  return [
    ...(options.list === false ? [] : [['list'] as ReporterDescription]),
    ['html', { outputFolder: join(reports, 'html'), open: 'never' }],
    ['junit', { outputFile: join(reports, 'junit.xml') }],
    ['json', { outputFile: join(reports, 'results.json') }],
    [join(__dirname, 'conformance-reporter.ts'), { outputFile: join(reports, 'conformance.json') }],
    ...(options.blob ? [['blob', { outputDir: join(reports, 'blob') }] as ReporterDescription] : []),
  ];
}
