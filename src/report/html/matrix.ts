import type { CheckOutcome, ConformanceReport, ResultStatus } from '../conformance-types';
import { STATUSES, STATUS_MARK } from './format';
import { html, type Markup } from './markup';

const SEVERITY_GROUPS = [
  { severity: 'failure', title: 'Failure checks' },
  { severity: 'warning', title: 'Warning checks' },
  { severity: 'observation', title: 'Observations' },
  { severity: null, title: 'Other checks' },
] as const;

/** Operations in a stable order: as the coverage lists them, then as results name them; `-` (probes) last. */
export function operationsOf(report: ConformanceReport): string[] {
  const seen = new Set<string>();
  for (const op of [...report.coverage.map((c) => c.operation), ...report.results.map((r) => r.operation)]) seen.add(op);
  return [...seen].filter((op) => op !== '-').concat(seen.has('-') ? ['-'] : []);
}

/** Where a failure block sits, so a failed cell can point at its evidence. */
export function failureAnchor(index: number): string {
  return `failure-${index + 1}`;
}

function countsText(r: Pick<CheckOutcome, 'counts' | 'tests'>): string {
  const parts = STATUSES.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${s}`);
  return `${parts.join(', ') || 'no evaluations'} (${r.tests.length} test${r.tests.length === 1 ? '' : 's'})`;
}

function mark(status: ResultStatus, href?: string): Markup {
  const m = STATUS_MARK[status];
  const inner = html`<span aria-hidden="true">${m.symbol}</span><span class="vh">${m.label}</span>`;
  return href ? html`<a href="#${href}">${inner}</a>` : inner;
}

function cell(op: string, check: string, r: CheckOutcome | undefined, href: string | undefined): Markup {
  if (!r) return html`<td class="cell st-none" title="${op} × ${check}: not evaluated"><span class="vh">not evaluated</span></td>`;
  return html`<td class="cell st-${r.status}" title="${op} × ${check}: ${r.status}, ${countsText(r)}">${mark(r.status, href)}</td>`;
}

function skippedCell(op: string, entries: CheckOutcome[]): Markup {
  if (!entries.length) return html`<td class="cell st-none"><span class="vh">nothing skipped</span></td>`;
  const why = entries
    .map((e) => `${e.reason ?? 'no reason given'} (${e.counts.skipped} test${e.counts.skipped === 1 ? '' : 's'})`)
    .join('; ');
  return html`<td class="cell st-skipped" title="${op}: skipped: ${why}">${mark('skipped', 'skipped')}</td>`;
}

function legend(): Markup {
  return html`<ul class="legend" aria-label="Legend">${STATUSES.map(
    (s) => html`<li><span class="swatch cell st-${s}" aria-hidden="true">${STATUS_MARK[s].symbol}</span> ${s}</li>`,
  )}<li><span class="swatch cell st-none" aria-hidden="true"></span> not evaluated</li></ul>`;
}

/** The check × operation matrix: rows are checks grouped by severity, columns operations; plus the skip reasons. */
export function matrixSection(report: ConformanceReport): Markup {
  const ops = operationsOf(report);
  const byKey = new Map<string, CheckOutcome>();
  const severityOf = new Map<string, CheckOutcome['severity']>();
  for (const r of report.results) {
    if (r.check === '*') continue;
    byKey.set(`${r.check}\u0000${r.operation}`, r);
    if (!severityOf.has(r.check) || severityOf.get(r.check) === null) severityOf.set(r.check, r.severity);
  }
  const firstFailure = new Map<string, string>();
  report.failures.forEach((f, i) => {
    const key = `${f.check}\u0000${f.operation}`;
    if (!firstFailure.has(key)) firstFailure.set(key, failureAnchor(i));
  });
  const skips = report.results.filter((r) => r.check === '*');
  const groups = SEVERITY_GROUPS.map((g) => ({ ...g, checks: [...severityOf].filter(([, s]) => s === g.severity).map(([c]) => c) })).filter(
    (g) => g.checks.length,
  );
  const width = ops.length + 1;
  return html`<section id="matrix-section" aria-labelledby="matrix-title">
<h2 id="matrix-title">Checks by operation</h2>
<p class="hint">Each cell is one (check, operation) pair; hover for the counts. A failed cell links to its evidence.</p>
${legend()}
<div class="scroll">
<table id="matrix" class="matrix">
<caption class="vh">Check results: rows are checks grouped by severity, columns are operations</caption>
<thead><tr><th scope="col" class="corner">check \\ operation</th>${ops.map(
    (op) => html`<th scope="col" class="op"><span>${op === '-' ? '- (probes)' : op}</span></th>`,
  )}</tr></thead>
${groups.map(
  (g) => html`<tbody class="group sev-${g.severity ?? 'none'}">
<tr class="group-head"><th scope="rowgroup" colspan="${width}">${g.title} (${g.checks.length})</th></tr>
${g.checks.map(
  (c) => html`<tr><th scope="row" class="check">${c}</th>\
${ops.map((op) => cell(op, c, byKey.get(`${c}\u0000${op}`), firstFailure.get(`${c}\u0000${op}`)))}</tr>
`,
)}</tbody>
`,
)}${
  skips.length
    ? html`<tbody class="group sev-skipped"><tr><th scope="row" class="check">skipped tests (*)</th>${ops.map((op) =>
        skippedCell(
          op,
          skips.filter((s) => s.operation === op),
        ),
      )}</tr></tbody>`
    : ''
}
</table>
</div>
${skippedList(skips)}
</section>`;
}

function skippedList(skips: CheckOutcome[]): Markup {
  if (!skips.length) return html`<p id="skipped" class="none">No tests were skipped.</p>`;
  return html`<div id="skipped">
<h3>Skipped (${skips.length})</h3>
<table class="plain">
<thead><tr><th scope="col">Operation</th><th scope="col">Reason</th><th scope="col">Tests</th></tr></thead>
<tbody>${skips.map(
    (s) => html`<tr class="skip"><th scope="row"><code>${s.operation}</code></th>\
<td class="skip-reason">${s.reason ?? 'no reason given'}</td><td>${s.counts.skipped}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}
