import type { ConformanceReport, FailedExchange, Failure } from '../conformance-types';
import { failureAnchor } from './matrix';
import { clip, prettyBody } from './format';
import { html, type Markup } from './markup';
import { taskBlock } from './timeline';

function headers(h: Record<string, string>): Markup {
  const lines = Object.entries(h).map(([k, v]) => `${k}: ${v}`);
  return lines.length ? html`<pre class="headers">${lines.join('\n')}</pre>` : html`<p class="none">no headers</p>`;
}

function body(text: string | undefined, what: string): Markup {
  if (text === undefined || text === '') return html`<p class="none">no ${what} body</p>`;
  return html`<pre class="body">${clip(prettyBody(text))}</pre>`;
}

function exchange(e: FailedExchange): Markup {
  return html`<div class="exchange">
<div class="request"><h5>Request</h5><pre class="request-line">${e.method} ${e.url}</pre>\
${headers(e.requestHeaders)}${body(e.requestBody, 'request')}</div>
<div class="response"><h5>Response</h5><pre class="status-line">HTTP ${e.status}</pre>\
${headers(e.responseHeaders)}${body(e.responseBody, 'response')}</div>
</div>`;
}

function issue(i: Failure['issues'][number]): Markup {
  const side = (cls: string, title: string, value: string | undefined) =>
    html`<div class="${cls}"><h5>${title}</h5>${
      value === undefined ? html`<p class="none">not given</p>` : html`<pre>${clip(value)}</pre>`
    }</div>`;
  return html`<li class="issue"><p class="issue-message">${i.message}${
    i.pointer !== undefined ? html` <span class="pointer">at <code>${i.pointer === '' ? '(the whole body)' : i.pointer}</code></span>` : ''
  }</p>
<div class="versus">${side('received', 'Received', i.received)}${side('documented', 'Documented', i.documented)}</div></li>`;
}

function replay(r: NonNullable<Failure['replay']>): Markup {
  return html`<div class="replay"><h4>Property replay</h4>
<p>fast-check seed <code class="seed">${r.seed}</code>${r.path ? html`, path <code class="path">${r.path}</code>` : ''}</p>
<pre class="replay-command">${r.command}</pre></div>`;
}

function failure(f: Failure, index: number): Markup {
  return html`<details open class="failure" id="${failureAnchor(index)}">
<summary><h3><span class="vh">Failure ${index + 1}: </span><code>${f.operation}</code> \
<span aria-hidden="true">·</span> <code>${f.check}</code></h3></summary>
<dl class="facts">
<dt>Rule</dt><dd class="rule">${f.rule}</dd>
<dt>Test</dt><dd>${f.test} <span class="muted">(${f.testId})</span></dd>
<dt>Scenario</dt><dd class="scenario">${f.scenario}</dd>
</dl>
<h4>Issues (${f.issues.length})</h4>
<ol class="issues">${f.issues.map(issue)}</ol>
<h4>Exchange (redacted)</h4>
${exchange(f.exchange)}
<h4>Reproduce with curl</h4>
<pre class="curl">${f.curl}</pre>
${f.replay ? replay(f.replay) : ''}
${f.task ? taskBlock(f.task) : ''}
</details>`;
}

/** One open block per failed check evaluation, with its issues and evidence. */
export function failuresSection(report: ConformanceReport): Markup {
  return html`<section id="failures" aria-labelledby="failures-title">
<h2 id="failures-title">Failures (${report.failures.length})</h2>
${report.failures.length ? report.failures.map(failure) : html`<p class="none">No check failed.</p>`}
</section>`;
}

/** Tests that failed outside a check: harness errors, timeouts, unrecorded evidence. */
export function errorsSection(report: ConformanceReport): Markup {
  return html`<section id="errors" aria-labelledby="errors-title">
<h2 id="errors-title">Errors (${report.errors.length})</h2>
${
  report.errors.length
    ? html`<ul class="errors">${report.errors.map(
        (e) => html`<li class="error"><p><strong>${e.test}</strong> \
<span class="muted">(${e.testId})</span></p><pre>${clip(e.message)}</pre></li>`,
      )}</ul>`
    : html`<p class="none">No test failed outside a check.</p>`
}
</section>`;
}

/** Failures a baseline accepts for now (only in a hand-written baseline). */
export function knownFailuresSection(report: ConformanceReport): Markup {
  const known = report.knownFailures ?? [];
  if (!known.length) return html``;
  return html`<section id="known-failures" aria-labelledby="known-title">
<h2 id="known-title">Known failures (${known.length})</h2>
<table class="plain"><thead><tr><th scope="col">Operation</th><th scope="col">Check</th>\
<th scope="col">Reason</th><th scope="col">Expires</th></tr></thead>
<tbody>${known.map(
    (k) => html`<tr><th scope="row"><code>${k.operation}</code></th>\
<td><code>${k.check}</code></td><td>${k.reason}</td><td>${k.expires}</td></tr>`,
  )}</tbody></table>
</section>`;
}
