import type { BenchReport, Figure, TargetRow } from './report-types';

/** A number as the table shows it: thousands separated from 100 up, 3 significant digits below. */
export function shown(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : String(Number(n.toPrecision(3)));
}

const sign = (t: TargetRow) => `${t.comparison === '>=' ? '≥' : '≤'} ${shown(t.threshold)}`;
const verdict = (t: TargetRow) => (t.pass === null ? 'not measured' : t.pass ? 'pass' : 'FAIL');

/** Columns padded to their widest cell; numbers right-aligned. */
function layout(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The table `npm run bench` prints: one row per figure (target and pass/fail where the issue sets one), then the self-tests. */
export function benchTable(report: BenchReport): string {
  const rows: string[][] = [['part', 'figure', 'median', 'min', 'max', 'unit', 'target', 'result']];
  for (const part of report.parts) {
    const targetOf = (f: Figure) => part.targets.find((t) => t.figure === f.id);
    for (const f of part.figures) {
      const t = targetOf(f);
      rows.push([part.id, f.label, shown(f.median), shown(f.min), shown(f.max), f.unit, t ? sign(t) : '', t ? verdict(t) : '']);
    }
    if (part.status !== 'measured') {
      rows.push([part.id, `${part.status}: ${part.reason ?? ''}`, '', '', '', '', '', '']);
      for (const t of part.targets) rows.push([part.id, `  (${t.figure})`, '', '', '', '', sign(t), verdict(t)]);
    }
  }
  const lines = layout(rows, new Set([2, 3, 4]));
  lines.splice(1, 0, '-'.repeat(Math.max(...lines.map((l) => [...l].length))));
  return [...lines, '', ...selfTestLines(report)].join('\n');
}

function selfTestLines({ selfTests: s }: BenchReport): string[] {
  if (!s.measured) return [`Self-tests: ${s.reason ?? 'not measured'}`];
  const projects = s.projects.map(
    (p) => `${p.name} ${shown(p.wallMs / 1000)} s wall (${p.tests} tests, ${shown(p.testMs / 1000)} s of test time)`,
  );
  const files = layout(
    s.slowestFiles.map((f) => [`${shown(f.testMs / 1000)} s`, `${f.tests} tests`, `${f.project}  ${f.file}`]),
    new Set([0, 1]),
  );
  return [
    `Self-tests (${s.source}, started ${s.startedAt}): ${projects.join('; ')}`,
    'Ten slowest test files:',
    ...files.map((l) => `  ${l}`),
  ];
}
