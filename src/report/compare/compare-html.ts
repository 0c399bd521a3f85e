import type { CheckKey, Comparison, RunInfo } from './compare';
import { FINDING_KINDS } from './compare';
import { GROUP_TITLES, buildNote, findingDetail, pairText, summaryOf, targetNote, type CompareFiles } from './compare-text';
import { BUILD_NOT_REPORTED, buildDetail, buildName } from '../build-name';

import { escapeHtml } from '../html/markup';

export { escapeHtml };

const CSS = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.8rem; }
#compare-verdict { font-size: 1.15rem; font-weight: 600; padding: .6rem .9rem; border-radius: 6px; }
.regressed { background: #fde2e1; border-left: 6px solid #c9252d; } .steady { background: #e3f5e1; border-left: 6px solid #2e7d32; }
.note { background: #fff4ce; border-left: 6px solid #b58900; padding: .5rem .9rem; }
table { border-collapse: collapse; width: 100%; } \
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }
th { background: #f4f4f6; } code { font-family: ui-monospace, monospace; font-size: .92em; }
.new-failure h2, .expired-known h2 { color: #c9252d; } .fixed h2 { color: #2e7d32; }
`;

type Cell = string;
const td = (text: string, code = false) => `<td>${code ? `<code>${escapeHtml(text)}</code>` : escapeHtml(text)}</td>`;

function table(headings: string[], rows: Cell[][]): string {
  return (
    `<table><thead><tr>${headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>` +
    `</thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}</tbody></table>`
  );
}

function section(kind: string, title: string, count: number, body: string): string {
  return `<section class="${escapeHtml(kind)}"><h2>${escapeHtml(title)} (${count})</h2>\n${body}</section>`;
}

const keyCells = (k: CheckKey) => [td(k.operation, true), td(k.check, true)];

function buildCell(r: RunInfo): Cell {
  const b = r.target.build;
  return b
    ? `<td title="${escapeHtml(buildDetail(b))}">${escapeHtml(buildName(b))}</td>`
    : `<td><em>${escapeHtml(BUILD_NOT_REPORTED)}</em></td>`;
}

function runRow(label: string, r: RunInfo, file?: string): Cell[] {
  return [
    td(label),
    td(file ?? ''),
    td(r.target.kind),
    td(r.target.url, true),
    buildCell(r),
    td(r.startedAt),
    td(r.verdict),
    td(r.harnessVersion),
  ];
}

/** The comparison as one static page: inline CSS, no script, no external resource, every string escaped. */
export function compareToHtml(c: Comparison, files?: CompareFiles): string {
  const note = targetNote(c);
  const builds = buildNote(c);
  const parts = [
    `<h1>vcconform compare</h1>`,
    `<p id="compare-verdict" class="${c.regressed ? 'regressed' : 'steady'}">${escapeHtml(summaryOf(c))}</p>`,
    ...(note ? [`<p class="note" id="compare-target">${escapeHtml(note)}</p>`] : []),
    ...(builds ? [`<p class="note" id="compare-build">${escapeHtml(builds)}</p>`] : []),
    table(
      ['run', 'file', 'target', 'url', 'build', 'started', 'verdict', 'vcconform'],
      [runRow('baseline', c.baseline, files?.baseline), runRow('current', c.current, files?.current)],
    ),
    `<p>Known failures judged on ${escapeHtml(c.today)}.</p>`,
  ];
  for (const kind of FINDING_KINDS) {
    const found = c.findings.filter((f) => f.kind === kind);
    if (found.length)
      parts.push(
        section(
          kind,
          GROUP_TITLES[kind],
          found.length,
          table(
            ['operation', 'check', 'detail'],
            found.map((f) => [...keyCells(f), td(findingDetail(f))]),
          ),
        ),
      );
  }
  const { appeared, gone } = c.warnings;
  if (appeared.length || gone.length) {
    const rows = [...appeared.map((k) => [...keyCells(k), td('appeared')]), ...gone.map((k) => [...keyCells(k), td('went away')])];
    parts.push(section('warnings', 'Warnings that changed', rows.length, table(['operation', 'check', 'change'], rows)));
  }
  const statusRows = c.statusChanges.flatMap((s) => [
    ...s.appeared.map((p) => [td(s.operation, true), td('now answers'), td(pairText(p), true)]),
    ...s.disappeared.map((p) => [td(s.operation, true), td('no longer answers'), td(pairText(p), true)]),
  ]);
  if (statusRows.length)
    parts.push(
      section(
        'statuses',
        'Observed statuses that changed',
        statusRows.length,
        table(['operation', 'change', 'status and error type'], statusRows),
      ),
    );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>vcconform compare: ${escapeHtml(summaryOf(c))}</title>`,
    `<style>${CSS}</style></head><body>`,
    ...parts,
    '</body></html>',
    '',
  ].join('\n');
}
