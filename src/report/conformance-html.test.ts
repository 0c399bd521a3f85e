import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { operations, validatorFor } from '../../specs';
import { checks } from '../checks';
import type { ConformanceReport, ResultStatus } from './conformance-types';
import { renderConformanceHtml, writeConformanceHtml } from './conformance-html';
import { attributes, element, failureBlocks, matrixCells, sample, startTags, textOf } from './html/testing';

const column = (op: string) => (op === '-' ? '- (probes)' : op);
const SYMBOL: Record<ResultStatus, string> = { passed: '✓', failed: '✗', warning: '!', info: 'i', skipped: '⊘' };

test.describe('conformance.html samples', () => {
  for (const name of ['clean', 'failing'] as const) {
    test(`the ${name} sample is a consistent conformance report`, () => {
      const r = sample(name);
      const valid = validatorFor('Vcconform.Conformance.Report');
      expect(valid(r), JSON.stringify(valid.errors)).toBe(true);
      const ops = new Set([...operations.map((o) => o.id), '-']);
      const names = new Set([...checks.map((c) => c.name), '*']);
      for (const x of r.results) {
        expect(ops.has(x.operation) && names.has(x.check), `${x.operation} × ${x.check}`).toBe(true);
        expect(x.check === '*', `${x.operation} × ${x.check}: skip entries and only they have a reason`).toBe(x.reason !== undefined);
      }
      const counts = { passed: 0, failed: 0, warning: 0, info: 0, skipped: 0 };
      for (const x of r.results) counts[x.status]++;
      expect(r.counts).toEqual(counts);
      expect(r.verdict).toBe(counts.failed + r.errors.length > 0 ? 'fail' : 'pass');
      for (const f of r.failures)
        expect(r.results.some((x) => x.operation === f.operation && x.check === f.check && x.status === 'failed')).toBe(true);
      expect(r.seeds).toEqual([...r.seeds].sort((a, b) => a - b));
      for (const c of r.coverage) expect(ops.has(c.operation)).toBe(true);
    });
  }

  test('the failing sample has what the page must show: failures, a task history, a replay, a skip, a gap', () => {
    const r = sample('failing');
    expect(r.failures.length).toBeGreaterThanOrEqual(2);
    const task = r.failures.find((f) => f.task)?.task;
    expect(task?.polls.map((p) => p.status)).toEqual([
      'PENDING',
      'PENDING',
      'RUNNING',
      'RUNNING',
      'RUNNING',
      'RUNNING',
      'RUNNING',
      'FAILED',
    ]);
    expect(r.failures.some((f) => f.replay?.path)).toBe(true);
    expect(r.results.some((x) => x.check === '*')).toBe(true);
    expect(r.coverage.some((c) => c.statuses.some((s) => s.documented && s.observed === 0))).toBe(true);
  });
});

test.describe('conformance.html content', () => {
  test('the verdict is large PASS or FAIL with its colour class, counts and run facts', () => {
    const clean = element(renderConformanceHtml(sample('clean')), 'section', 'verdict');
    expect(clean).toContain('class="verdict verdict-pass"');
    expect(textOf(clean)).toContain('Verdict: PASS');
    const r = sample('failing');
    const failing = element(renderConformanceHtml(r), 'section', 'verdict');
    expect(failing).toContain('class="verdict verdict-fail"');
    const text = textOf(failing);
    expect(text).toContain('Verdict: FAIL');
    expect(text).toContain('4 failed check evaluations, 1 error');
    for (const s of ['4 failed', '3 warning', '17 info', '2 skipped', '128 passed']) expect(text).toContain(s);
    for (const s of [
      r.target.url,
      'live',
      'VMware vCenter Server 9.1.0.0 build 24853646',
      '2026-03-02 10:01:44.090Z',
      '3 min 13 s',
      'vcconform 0.1.0',
      '402118, 1817342113, 2209876543',
    ])
      expect(text).toContain(s);
  });

  test('the build under test is named with its type and patch, or said to be not reported by the target', () => {
    const build = (r: ConformanceReport) => textOf(element(renderConformanceHtml(r), 'dd', 'target-build'));
    expect(build(sample('failing'))).toBe(
      'VMware vCenter Server 9.1.0.0 build 24853646 (vCenter Server with an ' +
        'embedded Platform Services Controller; patch released February 24, 2026)',
    );
    expect(build(sample('clean'))).toBe(
      'VMware vCenter Server 9.1.0.0 build 24321653 (vCenter Server with an embedded Platform Services Controller; not patched)',
    );
    const unreported = sample('clean');
    unreported.target.build = null;
    expect(build(unreported)).toBe('not reported by the target');
  });

  test('every matrix cell sits under its operation with its status class, symbol and spoken label', () => {
    const r = sample('failing');
    const cells = matrixCells(renderConformanceHtml(r));
    const evaluated = r.results.filter((x) => x.check !== '*');
    for (const x of evaluated) {
      const cell = cells.get(x.check)?.get(column(x.operation)) ?? '';
      expect(cell, `${x.operation} × ${x.check}`).toContain(`class="cell st-${x.status}"`);
      expect(textOf(cell)).toBe(`${SYMBOL[x.status]}${x.status}`);
      expect(cell).toContain(`title="${x.operation} × ${x.check}: ${x.status}, `);
    }
    expect(new Set(evaluated.map((x) => x.status))).toEqual(new Set(['passed', 'failed', 'warning', 'info']));
    const blank = cells.get('documented-error-is-returned')?.get('clusters.upgrade') ?? '';
    expect(blank).toContain('class="cell st-none"');
    expect(textOf(blank)).toBe('not evaluated');
    expect([...cells.keys()].filter((c) => c !== 'skipped tests (*)')).toHaveLength(new Set(evaluated.map((x) => x.check)).size);
  });

  test('a failed cell links to its failure block, and the counts are in the tooltip', () => {
    const page = renderConformanceHtml(sample('failing'));
    const cell = matrixCells(page).get('progress-never-decreases')?.get('software.stage') ?? '';
    expect(cell).toContain('title="software.stage × progress-never-decreases: failed, 1 failed, 2 passed (1 test)"');
    const anchor = /href="#([^"]+)"/.exec(cell)?.[1];
    expect(failureBlocks(page).find((b) => b.startsWith(` id="${anchor}"`))).toContain('progress-never-decreases');
  });

  test('the matrix groups checks by severity under row-group headers, with a legend', () => {
    const page = renderConformanceHtml(sample('failing'));
    const table = element(page, 'table', 'matrix');
    const groups = [...table.matchAll(/<th scope="rowgroup" colspan="(\d+)">([^<]*)<\/th>/g)].map((m) => [m[1], m[2]]);
    const r = sample('failing');
    const bySeverity = (s: string) => new Set(r.results.filter((x) => x.severity === s).map((x) => x.check)).size;
    expect(groups).toEqual([
      ['13', `Failure checks (${bySeverity('failure')})`],
      ['13', `Warning checks (${bySeverity('warning')})`],
      ['13', `Observations (${bySeverity('observation')})`],
    ]);
    // Every check of the sample is in exactly one group ('*' holds errors outside checks). The sample is a fixed report:
    // a check added to the registry later is not in it.
    const sampled = new Set(r.results.filter((x) => x.check !== '*').map((x) => x.check));
    expect(bySeverity('failure') + bySeverity('warning') + bySeverity('observation')).toBe(sampled.size);
    expect(textOf(element(page, 'section', 'matrix-section'))).toMatch(/✓ passed\s*✗ failed|✗ failed\s*! warning/);
  });

  test('skipped entries are shown per operation with their reasons', () => {
    const r = sample('failing');
    const page = renderConformanceHtml(r);
    const row = matrixCells(page).get('skipped tests (*)');
    for (const s of r.results.filter((x) => x.check === '*')) {
      expect(row?.get(s.operation)).toContain('class="cell st-skipped"');
      expect(row?.get(s.operation)).toContain(s.reason);
      expect(textOf(element(page, 'div', 'skipped'))).toContain(`${s.operation}${s.reason}${s.counts.skipped}`);
    }
    expect(row?.get('session.create')).toContain('st-none');
    expect(textOf(element(renderConformanceHtml(sample('clean')), 'p', 'skipped'))).toBe('No tests were skipped.');
  });

  test('coverage shows bars per operation and calls out never-observed pairs, undocumented answers and unsent fields', () => {
    const coverage = element(renderConformanceHtml(sample('failing')), 'section', 'coverage');
    const text = textOf(coverage);
    expect(text).toContain(
      'software.stage — documented, never observed: 500 TIMED_OUT, 503 SERVICE_UNAVAILABLE — optional fields never sent: commit (empty)',
    );
    expect(text).toContain(
      'clusters.upgrade — documented, never observed: 204, 400 UNSUPPORTED — ' +
        'optional fields never sent: ignore_precheck_warnings (unset, explicit, empty)',
    );
    expect(coverage).toContain('<li class="undocumented"><code>software.stage</code>: 403 UNAUTHORIZED (2×)</li>');
    expect(coverage).toContain(
      '<li class="pair undocumented" title="observed 2× but not documented"><strong>403 UNAUTHORIZED</strong> undocumented ×2</li>',
    );
    expect(coverage).toContain('<li class="pair gap" title="documented, never observed">500 TIMED_OUT <em>never observed</em></li>');
    expect(coverage).toContain('<td class="form gap" title="commit never sent empty">');
    expect(coverage).toContain('aria-label="software.stage: 6 of 8 documented (status, error type) pairs observed"');
    expect(coverage).toContain('<rect class="bar-fill" x="0" y="0" width="75" height="10"/>');
    expect(coverage.match(/<tr class="cov-op">/g)).toHaveLength(11);
    const clean = element(renderConformanceHtml(sample('clean')), 'section', 'coverage');
    expect(clean).toContain('class="callout ok"');
    expect(clean).not.toContain('class="pair gap"');
  });

  test('coverage says how many operations had checks evaluated, and names each that had none with why', () => {
    const clean = textOf(element(renderConformanceHtml(sample('clean')), 'section', 'coverage'));
    expect(clean).toContain('11 of 11 operations had checks evaluated.');
    const report = sample('failing');
    report.coverage[0] = { ...report.coverage[0]!, checks: [], uncovered: ['not in scope: session.create', 'safe mode'] };
    const coverage = element(renderConformanceHtml(report), 'section', 'coverage');
    expect(textOf(coverage)).toContain('10 of 11 operations had checks evaluated; these had none:');
    expect(coverage).toContain('<li class="uncovered"><code>session.create</code> (deep): not in scope: session.create; safe mode</li>');
  });

  test('each failure block shows its rule, test, scenario, Received vs Documented, exchange, curl and replay', () => {
    const r = sample('failing');
    const blocks = failureBlocks(renderConformanceHtml(r));
    expect(blocks).toHaveLength(r.failures.length);
    r.failures.forEach((f, i) => {
      const b = blocks[i]!;
      const text = textOf(b);
      for (const s of [
        f.operation,
        f.check,
        f.rule,
        f.test,
        f.scenario,
        `${f.exchange.method} ${f.exchange.url}`,
        `HTTP ${f.exchange.status}`,
      ])
        expect(text).toContain(s);
      for (const issue of f.issues) {
        expect(textOf(/<div class="received">.*?<\/div>/s.exec(b)?.[0] ?? '')).toBe(`Received${issue.received}`);
        expect(textOf(/<div class="documented">.*?<\/div>/s.exec(b)?.[0] ?? '')).toBe(`Documented${issue.documented}`);
      }
      expect(textOf(/<pre class="curl">.*?<\/pre>/s.exec(b)?.[0] ?? '')).toBe(f.curl);
      expect(b.includes('<pre class="replay-command">')).toBe(f.replay !== null);
    });
    const replayed = r.failures.findIndex((f) => f.replay);
    expect(textOf(blocks[replayed]!)).toContain(`fast-check seed ${r.failures[replayed]!.replay!.seed}, path 14:0:2`);
    expect(textOf(/<pre class="replay-command">.*?<\/pre>/s.exec(blocks[replayed]!)?.[0] ?? '')).toBe(
      r.failures[replayed]!.replay!.command,
    );
  });

  test('a JSON body is pretty-printed and a non-JSON body is shown as it came', () => {
    const r = sample('failing');
    r.failures[0]!.exchange.responseBody = '{"a":{"b":[1,2]}}';
    r.failures[1]!.exchange.responseBody = 'upstream connect error {';
    const blocks = failureBlocks(renderConformanceHtml(r));
    expect(blocks[0]).toContain('<pre class="body">{\n  &quot;a&quot;: {\n    &quot;b&quot;: [\n      1,\n      2\n    ]\n  }\n}</pre>');
    expect(blocks[1]).toContain('<pre class="body">upstream connect error {</pre>');
  });

  test('a task poll history is drawn as an SVG timeline: one mark per poll coloured by status, progress as a line', () => {
    const r = sample('failing');
    const page = renderConformanceHtml(r);
    const withTask = r.failures.filter((f) => f.task);
    const svgs = page.match(/<svg class="timeline".*?<\/svg>/gs) ?? [];
    expect(svgs).toHaveLength(withTask.length);
    const polls = withTask[0]!.task!.polls;
    const svg = svgs[0]!;
    expect([...svg.matchAll(/<circle class="mark (ts-[a-z-]+)"/g)].map((m) => m[1])).toEqual(
      polls.map((p) => `ts-${p.status!.toLowerCase()}`),
    );
    expect(/<polyline class="progress" points="([^"]*)"/.exec(svg)?.[1]?.split(' ')).toHaveLength(polls.filter((p) => p.total).length);
    expect(svg).toMatch(
      new RegExp(
        /^<svg class="timeline" role="img"[^>]* aria-label="Task timeline, 8 polls: /.source +
          /PENDING at 0 ms, then RUNNING at 470 ms, then FAILED at 5.6 s; last progress 2\/4\.">\n<title>/.source,
      ),
    );
    // PENDING and RUNNING change 470 ms apart: their labels take two rows instead of overlapping.
    expect(
      [...svg.matchAll(/<text class="state-label" x="[\d.]+" y="(\d+)" text-anchor="(\w+)">([^<]*)<\/text>/g)].map((m) => m.slice(1)),
    ).toEqual([
      ['150', 'start', 'PENDING'],
      ['163', 'start', 'RUNNING'],
      ['150', 'end', 'FAILED'],
    ]);
    expect(page).not.toMatch(/<svg class="timeline"[^>]*>(?:(?!<\/svg>).)*class="budget"/s); // 15 s budget lies beyond the 5.6 s of polls
  });

  test('errors outside checks are listed with their test and message', () => {
    const r = sample('failing');
    const errors = element(renderConformanceHtml(r), 'section', 'errors');
    expect(errors.match(/<li class="error">/g)).toHaveLength(r.errors.length);
    expect(textOf(errors)).toContain(`${r.errors[0]!.test} (${r.errors[0]!.testId})${r.errors[0]!.message}`);
    expect(textOf(element(renderConformanceHtml(sample('clean')), 'section', 'errors'))).toContain('No test failed outside a check.');
  });
});

const ATTACK = `</pre><script>alert(1)</script>"'><img src=x onerror=alert(2)>&amp;`;

/** The failing sample with hostile text in every kind of field the page shows. */
function hostile(): ConformanceReport {
  const r = sample('failing');
  r.target.url = `javascript:alert(3)//${ATTACK}`;
  r.target.build = { product: ATTACK, version: ATTACK, build: ATTACK, type: ATTACK, releasedate: ATTACK };
  r.startedAt = `2026-03-02T10:01:44Z"${ATTACK}`;
  r.harness.version = ATTACK;
  const f = r.failures.find((x) => x.task)!;
  Object.assign(f, { operation: ATTACK, check: ATTACK, rule: ATTACK, test: ATTACK, testId: ATTACK, scenario: ATTACK, curl: ATTACK });
  f.issues = [{ message: ATTACK, received: ATTACK, documented: ATTACK, pointer: ATTACK }];
  f.exchange = {
    ...f.exchange,
    method: ATTACK,
    url: ATTACK,
    requestHeaders: { [ATTACK]: ATTACK },
    requestBody: ATTACK,
    responseHeaders: { 'x-evil': ATTACK },
    responseBody: JSON.stringify({ message: ATTACK }),
  };
  f.replay = { seed: 1, path: ATTACK, command: ATTACK };
  f.task = { ...f.task!, taskId: ATTACK, outcome: ATTACK, polls: f.task!.polls.map((p) => ({ ...p, status: ATTACK, at: ATTACK })) };
  r.results.push({
    operation: ATTACK,
    check: ATTACK,
    severity: 'failure',
    status: 'failed',
    counts: { passed: 0, failed: 1, warning: 0, info: 0, skipped: 0 },
    tests: [ATTACK],
  });
  r.results.push({
    operation: ATTACK,
    check: '*',
    severity: null,
    status: 'skipped',
    counts: { passed: 0, failed: 0, warning: 0, info: 0, skipped: 1 },
    reason: ATTACK,
    tests: [ATTACK],
  });
  r.coverage.push({
    operation: ATTACK,
    depth: 'generic',
    checks: [ATTACK],
    uncovered: [ATTACK],
    statuses: [{ status: 500, errorType: ATTACK, documented: false, observed: 1 }],
    optionalFields: [{ field: ATTACK, unset: 0, explicit: 1, empty: 0 }],
  });
  r.errors.push({ testId: ATTACK, test: ATTACK, message: ATTACK });
  r.knownFailures = [{ operation: ATTACK, check: ATTACK, reason: ATTACK, expires: ATTACK }];
  return r;
}

const ATTRIBUTES = new Set([
  'id',
  'class',
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'href',
  'title',
  'scope',
  'colspan',
  'open',
  'datetime',
  'aria-label',
  'aria-labelledby',
  'aria-hidden',
  'role',
  'viewbox',
  'width',
  'height',
  'preserveaspectratio',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'points',
  'text-anchor',
]);

test.describe('conformance.html safety and structure', () => {
  test('report text never becomes markup: every start tag is well-formed with known attributes and no script', () => {
    const page = renderConformanceHtml(hostile());
    expect(page).not.toMatch(/<script|<img|<\/pre><script/i);
    const tags = startTags(page);
    expect(tags.length).toBeGreaterThan(1000);
    expect(tags.filter((t) => attributes(t) === null)).toEqual([]);
    expect(tags.filter((t) => attributes(t)?.some(([name]) => !ATTRIBUTES.has(name)))).toEqual([]);
    const escaped = '&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;';
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(30);
    expect(page).toContain(`&quot;message&quot;: &quot;&lt;/pre&gt;&lt;script&gt;`); // the JSON body, pretty-printed, still escaped
  });

  test('nothing is loaded from outside the page: no src, only in-page links, no url() or @import, a strict CSP', () => {
    const page = renderConformanceHtml(hostile());
    const tags = startTags(page);
    const all = tags.flatMap((t) => attributes(t) ?? []);
    expect(all.filter(([name]) => name === 'src' || name.startsWith('on'))).toEqual([]);
    const hrefs = all.filter(([name]) => name === 'href').map(([, value]) => value);
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !/^#[a-z0-9-]+$/.test(h ?? ''))).toEqual([]);
    const style = /<style>(.*?)<\/style>/s.exec(page)?.[1] ?? '';
    expect(style).not.toMatch(/url\(|@import|https?:/i);
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;/,
    );
    expect(tags.filter((t) => /^<(link|iframe|object|embed|form|base)\b/i.test(t))).toEqual([]);
  });

  test('the page is accessible: one h1, sections under h2, headed tables with scope, labelled SVGs', () => {
    const page = renderConformanceHtml(sample('failing'));
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect([...page.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => textOf(m[1]!))).toEqual([
      'Verdict: FAIL',
      'Checks by operation',
      'Coverage',
      'Failures (4)',
      'Errors (1)',
    ]);
    const ths = startTags(page).filter((t) => /^<th[ >]/.test(t));
    expect(ths.length).toBeGreaterThan(80);
    expect(ths.filter((t) => !/ scope="(col|row|rowgroup)"/.test(t))).toEqual([]);
    const svgs = page.match(/<svg[^>]*>\s*<title>[^<]+<\/title>/g) ?? [];
    expect(svgs.length).toBe((page.match(/<svg/g) ?? []).length);
    for (const s of svgs) expect(s).toMatch(/ role="img"[^>]* aria-label="[^"]+"/);
    expect(page).toContain('<html lang="en">');
  });

  test('the same report renders to the same bytes, and writeConformanceHtml writes exactly them', () => {
    const first = renderConformanceHtml(sample('failing'));
    expect(renderConformanceHtml(sample('failing'))).toBe(first);
    expect(renderConformanceHtml(structuredClone(sample('failing')))).toBe(first);
    const file = test.info().outputPath('conformance.html');
    writeConformanceHtml(sample('failing'), file);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });
});
