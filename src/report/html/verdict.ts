import { BUILD_NOT_REPORTED, buildDetail, buildName } from '../build-name';
import type { ConformanceReport } from '../conformance-types';
import { STATUSES, STATUS_MARK, describeCounts, formatDuration } from './format';
import { html, type Markup } from './markup';

function seeds(report: ConformanceReport): string {
  const all = report.seeds.length ? report.seeds.join(', ') : 'none recorded';
  return report.seed === null ? `drawn per property: ${all}` : `${report.seed} (properties: ${all})`;
}

/** The build under test, named, then its type and patch; or that the target did not report it. */
function build(b: ConformanceReport['target']['build']): Markup {
  return b
    ? html`<strong>${buildName(b)}</strong> <span class="build-detail">(${buildDetail(b)})</span>`
    : html`<em>${BUILD_NOT_REPORTED}</em>`;
}

/** The verdict banner: PASS/FAIL, the counts, and what was tested when, by which harness. */
export function verdictSection(report: ConformanceReport): Markup {
  const pass = report.verdict === 'pass';
  const word = pass ? 'PASS' : 'FAIL';
  const t = report.tests;
  const summary =
    `${report.failures.length} failed check evaluation${report.failures.length === 1 ? '' : 's'}, ` +
    `${report.errors.length} error${report.errors.length === 1 ? '' : 's'}`;
  return html`<section id="verdict" class="verdict ${pass ? 'verdict-pass' : 'verdict-fail'}" aria-labelledby="verdict-word">
<div class="verdict-head">
<h2 class="verdict-word" id="verdict-word"><span class="vh">Verdict: </span>${word}</h2>
<div>
<p class="verdict-summary">${summary}. Results: ${describeCounts(report.counts)}.</p>
<ul class="chips" aria-label="Results by status">${STATUSES.map(
    (s) => html`<li class="chip st-${s}"><span aria-hidden="true">${STATUS_MARK[s].symbol}</span> ${report.counts[s]} ${s}</li>`,
  )}</ul>
<p class="tests">Tests: ${t.total} total, ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped, ${t.flaky} flaky.</p>
</div>
</div>
<dl class="meta">
<dt>Target</dt><dd><code>${report.target.url}</code> <span class="tag">${report.target.kind}</span></dd>
<dt>Build</dt><dd id="target-build">${build(report.target.build)}</dd>
<dt>Started</dt><dd><time datetime="${report.startedAt}">${report.startedAt.replace('T', ' ')}</time></dd>
<dt>Duration</dt><dd>${formatDuration(report.durationMs)}</dd>
<dt>Harness</dt><dd>${report.harness.name} ${report.harness.version}</dd>
<dt>Seed</dt><dd>${seeds(report)}</dd>
</dl>
</section>`;
}
