import { test, expect } from '@playwright/test';
import { compare } from './compare';
import { compareToHtml, escapeHtml } from './compare-html';
import { summaryOf } from './compare-text';
import { sampleBuild, sampleReport, type SampleRun } from './sample-report';

const TODAY = '2026-07-15';
const html = (baseline: SampleRun, current: SampleRun, files?: { baseline: string; current: string }) =>
  compareToHtml(compare(sampleReport(baseline), sampleReport(current), { today: TODAY }), files);

/** Markup that would do something if it reached the page unescaped. */
const H = `<i x="1" y='2'>&amp;</i>`;
const ESCAPED_H = '&lt;i x=&quot;1&quot; y=&#39;2&#39;&gt;&amp;amp;&lt;/i&gt;';

test.describe('compare html', () => {
  test('escapeHtml escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`a<b>c&d"e'f`)).toBe('a&lt;b&gt;c&amp;d&quot;e&#39;f');
    expect(escapeHtml(H)).toBe(ESCAPED_H);
  });

  test('the summary is the element with id compare-verdict, marked regressed only when there are new failures', () => {
    const regressed = compare(sampleReport(), sampleReport({ results: [['o', 'c', 'failed']] }), { today: TODAY });
    expect(compareToHtml(regressed)).toContain(`<p id="compare-verdict" class="regressed">${escapeHtml(summaryOf(regressed))}</p>`);
    const steady = compare(sampleReport({ results: [['o', 'c', 'failed']] }), sampleReport({ results: [['o', 'c', 'failed']] }), {
      today: TODAY,
    });
    expect(compareToHtml(steady)).toContain(`<p id="compare-verdict" class="steady">${escapeHtml(summaryOf(steady))}</p>`);
    expect(compareToHtml(steady).match(/id="compare-verdict"/g)).toHaveLength(1);
  });

  test('every string from the reports and the file names is escaped', () => {
    const fields = [
      'op',
      'check',
      'reason',
      'message',
      'test',
      'skip',
      'url',
      'product',
      'build',
      'buildtype',
      'released',
      'newbuild',
      'started',
      'version',
      'errortype',
      'basefile',
      'currentfile',
      'gone',
      'fixedcheck',
      'warned',
      'newcheck',
    ];
    const v = Object.fromEntries(fields.map((f) => [f, `${f}${H}`])) as Record<string, string>;
    const built = sampleBuild({ product: v.product!, build: v.build!, type: v.buildtype!, releasedate: v.released! });
    const page = html(
      {
        results: [
          [v.op!, v.gone!, 'failed'],
          [v.op!, v.fixedcheck!, 'failed'],
        ],
        knownFailures: [{ operation: v.op!, check: v.check!, reason: v.reason!, expires: '2026-12-31' }],
        target: { kind: 'live', url: v.url!, build: built },
        strings: { startedAt: v.started!, version: v.version! },
      },
      {
        results: [
          [v.op!, v.check!, 'failed'],
          [v.op!, v.newcheck!, 'failed'],
          [v.op!, v.fixedcheck!, 'passed'],
          [v.op!, v.warned!, 'warning'],
        ],
        skipped: [[v.op!, v.skip!]],
        statuses: [[v.op!, 500, v.errortype!, 1]],
        failures: { [`${v.op} ${v.newcheck}`]: { message: v.message!, test: v.test! } },
        target: { kind: 'live', url: v.url!, build: { ...built, build: v.newbuild! } },
      },
      { baseline: v.basefile!, current: v.currentfile! },
    );
    expect(page).not.toContain('<i ');
    expect(page).not.toContain('</i>');
    // `test` is evidence the text renderer does not print either; every other field must be on the page, escaped.
    for (const f of fields.filter((f) => f !== 'test')) expect(page, f).toContain(`${f}${ESCAPED_H}`);
  });

  test('one static page: inline CSS, no script, no event handler, no external resource', () => {
    const page = html(
      { results: [['o', 'c', 'failed']], target: { kind: 'live', url: 'https://vc.example' } },
      { results: [['o', 'd', 'failed']], statuses: [['o', 500, 'ERROR', 1]] },
    );
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<style>');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    for (const banned of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\son\w+=/i, /\ssrc=/i, /\shref=/i, /url\(/i, /@import/i])
      expect(page).not.toMatch(banned);
  });

  test('each kind of finding is a section with its count and one row per finding', () => {
    const page = html(
      {
        results: [
          ['o', 'fixed', 'failed'],
          ['o', 'still', 'failed'],
        ],
      },
      {
        results: [
          ['o', 'fixed', 'passed'],
          ['o', 'still', 'failed'],
          ['o', 'n1', 'failed'],
          ['o', 'n2', 'failed'],
        ],
      },
    );
    expect(page).toContain('<section class="new-failure"><h2>New failures (2)</h2>');
    expect(page).toContain('<section class="fixed"><h2>Fixed (1)</h2>');
    expect(page).toContain('<section class="still-failing"><h2>Still failing (1)</h2>');
    expect(page).not.toContain('class="known"');
    const newSection = page.split('<section class="new-failure">')[1]!.split('</section>')[0]!;
    expect(newSection.match(/<tr><td>/g)).toHaveLength(2);
    expect(newSection).toContain('<td><code>o</code></td><td><code>n1</code></td><td>1 failed evaluation; first: n1 broke on o (#0)</td>');
  });

  test('warnings and observed statuses that changed get their own tables', () => {
    const page = html(
      { results: [['o', 'w1', 'warning']], statuses: [['o', 404, 'NOT_FOUND', 1]] },
      { results: [['o', 'w2', 'warning']], statuses: [['o', 500, 'ERROR', 1, false]] },
    );
    expect(page).toContain('<h2>Warnings that changed (2)</h2>');
    expect(page).toContain('<td><code>o</code></td><td><code>w2</code></td><td>appeared</td>');
    expect(page).toContain('<td><code>o</code></td><td><code>w1</code></td><td>went away</td>');
    expect(page).toContain('<h2>Observed statuses that changed (2)</h2>');
    expect(html({ results: [['o', 'w1', 'warning']] }, {}), 'only warnings that went away').toContain('<h2>Warnings that changed (1)</h2>');
    expect(page).toContain('<td><code>o</code></td><td>now answers</td><td><code>500 ERROR (undocumented)</code></td>');
    expect(page).toContain('<td><code>o</code></td><td>no longer answers</td><td><code>404 NOT_FOUND</code></td>');
  });

  test('different targets are said at the top, under the verdict; the same target is not mentioned', () => {
    const page = html({ target: { kind: 'mock', url: 'http://127.0.0.1:1' } }, { target: { kind: 'live', url: 'https://vcsa.lab' } });
    const note = page.indexOf(
      '<p class="note" id="compare-target">Different targets: the baseline ' +
        'tested mock http://127.0.0.1:1, the current run live https://vcsa.lab;',
    );
    expect(note).toBeGreaterThan(page.indexOf('id="compare-verdict"'));
    expect(note).toBeLessThan(page.indexOf('<table>'));
    expect(html({}, {})).not.toContain('Different targets');
  });

  test('each run names its build in the runs table, or says it was not reported; different builds are said under the verdict', () => {
    const page = html(
      { target: { build: sampleBuild() } },
      { target: { build: sampleBuild({ version: '9.1.0.1', build: '24999999', releasedate: 'June 2, 2026' }) } },
    );
    expect(page).toContain(
      '<td title="vCenter Server with an embedded Platform Services Controller; ' +
        'not patched">VMware vCenter Server 9.1.0.0 build 24321653</td>',
    );
    expect(page).toContain(
      '<td title="vCenter Server with an embedded Platform Services Controller; ' +
        'patch released June 2, 2026">VMware vCenter Server 9.1.0.1 build 24999999</td>',
    );
    const note = page.indexOf(
      '<p class="note" id="compare-build">Different builds: the baseline tested VMware vCenter ' +
        'Server 9.1.0.0 build 24321653, the current run VMware vCenter Server 9.1.0.1 build 24999999;',
    );
    expect(note).toBeGreaterThan(page.indexOf('id="compare-verdict"'));
    expect(note).toBeLessThan(page.indexOf('<table>'));
    const unreported = html({}, { target: { build: sampleBuild() } });
    expect(unreported).toContain('<td><em>not reported by the target</em></td>');
    expect(unreported).not.toContain('id="compare-build"');
    expect(html({ target: { build: sampleBuild() } }, { target: { build: sampleBuild() } })).not.toContain('Different builds');
  });
});
