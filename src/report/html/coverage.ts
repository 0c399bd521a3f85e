import type { ConformanceReport, OperationCoverage } from '../conformance-types';
import { num } from './format';
import { html, type Markup } from './markup';

type Pair = OperationCoverage['statuses'][number];
type Field = OperationCoverage['optionalFields'][number];
const FORMS = ['unset', 'explicit', 'empty'] as const;

const pairName = (p: Pair) => (p.errorType ? `${p.status} ${p.errorType}` : String(p.status));
const isGap = (p: Pair) => p.documented && p.observed === 0;
const isUndocumented = (p: Pair) => !p.documented && p.observed > 0;
const missingForms = (f: Field) => FORMS.filter((form) => f[form] === 0);

/** A small horizontal bar: `part` of `whole` filled, with its own text alternative. */
function bar(part: number, whole: number, label: string, kind: string): Markup {
  const w = whole > 0 ? (100 * part) / whole : 0;
  return html`<svg class="bar bar-${kind}" role="img" viewBox="0 0 100 10" width="120" height="12" preserveAspectRatio="none" \
aria-label="${label}"><title>${label}</title><rect class="bar-bg" x="0" y="0" width="100" height="10"/>\
<rect class="bar-fill" x="0" y="0" width="${num(w)}" height="10"/></svg> <span class="bar-text">${part}/${whole}</span>`;
}

function pairChip(p: Pair): Markup {
  if (isUndocumented(p))
    return html`<li class="pair undocumented" title="observed ${p.observed}× but not documented">\
<strong>${pairName(p)}</strong> undocumented ×${p.observed}</li>`;
  if (isGap(p)) return html`<li class="pair gap" title="documented, never observed">${pairName(p)} <em>never observed</em></li>`;
  if (p.documented)
    return html`<li class="pair observed" title="documented, observed ${p.observed}×"><span aria-hidden="true">✓</span> \
${pairName(p)} ×${p.observed}</li>`;
  return html`<li class="pair unseen" title="neither documented nor observed">${pairName(p)}</li>`;
}

function formCell(f: Field, form: (typeof FORMS)[number]): Markup {
  const n = f[form];
  return n > 0
    ? html`<td class="form sent" title="${f.field} sent ${form} ${n}×"><span aria-hidden="true">✓</span> ${n}</td>`
    : html`<td class="form gap" title="${f.field} never sent ${form}"><span aria-hidden="true">✗</span><span class="vh">never</span></td>`;
}

function fieldsTable(c: OperationCoverage): Markup {
  if (!c.optionalFields.length) return html`<span class="none">no optional request fields</span>`;
  return html`<table class="fields"><thead><tr><th scope="col">field</th>${FORMS.map((f) => html`<th scope="col">${f}</th>`)}</tr></thead>
<tbody>${c.optionalFields.map(
    (f) => html`<tr${missingForms(f).length ? html` class="has-gap"` : ''}><th scope="row"><code>${f.field}</code></th>\
${FORMS.map((form) => formCell(f, form))}</tr>`,
  )}</tbody></table>`;
}

function row(c: OperationCoverage): Markup {
  const documented = c.statuses.filter((p) => p.documented);
  const seen = documented.filter((p) => p.observed > 0).length;
  const forms = c.optionalFields.length * FORMS.length;
  const sent = c.optionalFields.reduce((n, f) => n + FORMS.filter((form) => f[form] > 0).length, 0);
  return html`<tr class="cov-op"><th scope="row"><code>${c.operation}</code></th>
<td>${bar(
    seen,
    documented.length,
    `${c.operation}: ${seen} of ${documented.length} documented (status, error type) pairs observed`,
    'statuses',
  )}</td>
<td><ul class="pairs">${c.statuses.map(pairChip)}</ul></td>
<td>${forms ? bar(sent, forms, `${c.operation}: ${sent} of ${forms} optional-field forms sent`, 'fields') : ''}${fieldsTable(c)}</td></tr>`;
}

function gapCallout(coverage: OperationCoverage[]): Markup {
  const undocumented = coverage.flatMap((c) => c.statuses.filter(isUndocumented).map((p) => ({ op: c.operation, p })));
  const perOp = coverage
    .map((c) => ({
      op: c.operation,
      never: c.statuses.filter(isGap).map(pairName),
      unsent: c.optionalFields.filter((f) => missingForms(f).length).map((f) => `${f.field} (${missingForms(f).join(', ')})`),
    }))
    .filter((g) => g.never.length || g.unsent.length);
  if (!undocumented.length && !perOp.length)
    return html`<p class="callout ok">No gaps: \
every documented (status, error type) pair was observed and every optional field was sent unset, explicit and empty.</p>`;
  return html`<div class="callout gaps" role="note" aria-labelledby="gaps-title"><h3 id="gaps-title">Gaps</h3>
${
  undocumented.length
    ? html`<p class="undocumented-list"><strong>Observed but not documented:</strong></p>\
<ul>${undocumented.map((u) => html`<li class="undocumented"><code>${u.op}</code>: ${pairName(u.p)} (${u.p.observed}×)</li>`)}</ul>`
    : ''
}
${
  perOp.length
    ? html`<ul class="gap-list">${perOp.map(
        (g) =>
          html`<li class="gap"><code>${g.op}</code>${g.never.length ? html` — documented, never observed: ${g.never.join(', ')}` : ''}${
            g.unsent.length ? html` — optional fields never sent: ${g.unsent.join('; ')}` : ''
          }</li>`,
      )}</ul>`
    : ''
}
</div>`;
}

/** How many operations had checks evaluated, and each one that had none with why (its tests' skip reasons). */
function uncoveredCallout(coverage: OperationCoverage[]): Markup {
  const uncovered = coverage.filter((c) => c.uncovered);
  const summary = `${coverage.length - uncovered.length} of ${coverage.length} operations had checks evaluated`;
  if (!uncovered.length) return html`<p class="callout ok">${summary}.</p>`;
  return html`<div class="callout gaps" role="note" aria-labelledby="uncovered-title"><h3 id="uncovered-title">Uncovered operations</h3>
<p>${summary}; these had none:</p>
<ul class="uncovered-list">${uncovered.map(
    (c) => html`<li class="uncovered"><code>${c.operation}</code> (${c.depth}): ${(c.uncovered ?? []).join('; ')}</li>`,
  )}</ul></div>`;
}

/** Coverage per operation: documented statuses observed, undocumented answers, optional-field forms sent, gaps called out. */
export function coverageSection(report: ConformanceReport): Markup {
  return html`<section id="coverage" aria-labelledby="coverage-title">
<h2 id="coverage-title">Coverage</h2>
${uncoveredCallout(report.coverage)}
${gapCallout(report.coverage)}
${
  report.coverage.length
    ? html`<div class="scroll"><table class="coverage plain">
<caption class="vh">Coverage per operation</caption>
<thead><tr><th scope="col">Operation</th><th scope="col">Documented pairs observed</th>\
<th scope="col">(status, error type) pairs</th><th scope="col">Optional fields: unset / explicit / empty</th></tr></thead>
<tbody>${report.coverage.map(row)}</tbody>
</table></div>`
    : html`<p class="none">The run recorded no coverage.</p>`
}
</section>`;
}
