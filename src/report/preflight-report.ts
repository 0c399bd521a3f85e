import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic';
import { buildReport } from './build-report';
import { writeConformanceHtml } from './conformance-html';
import { harnessVersion } from './harness-version';

/**
 * conformance.json and .html for a run that stopped before its first test, because the target
 * failed the pre-flight (it refused the connection, its certificate is not trusted): verdict `fail`
 * with the reason as the run's error, so a nightly job that lost its lab still has a report to
 * compare, and it says why.
 */
export function writePreflightReport(
  reports: string,
  target: { kind: 'live' | 'replay'; url: string },
  reason: string,
  startedAt: Date,
): void {
  const report = buildReport({
    tests: [],
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    harnessVersion: harnessVersion(),
    configured: { live: { ...target, seed: null, build: null } },
    stopped: `the target failed the pre-flight before any test ran (${reason})`,
  });
  if (!report) return;
  mkdirSync(reports, { recursive: true });
  writeFileAtomic(join(reports, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeConformanceHtml(report, join(reports, 'conformance.html'));
}
