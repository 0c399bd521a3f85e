import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReport } from '../conformance-types';

/** A sample report from src/report/samples (a fresh copy each call, so tests may mutate it). */
export function sample(name: 'clean' | 'failing'): ConformanceReport {
  return JSON.parse(readFileSync(join(__dirname, '..', 'samples', `${name}.json`), 'utf8')) as ConformanceReport;
}

/** The markup from `<tag id="id"` up to its first closing `</tag>` (for elements that do not nest). */
export function element(page: string, tag: string, id: string): string {
  const start = page.indexOf(`<${tag} id="${id}"`);
  if (start < 0) throw new Error(`no <${tag} id="${id}"> in the page`);
  const end = page.indexOf(`</${tag}>`, start);
  return page.slice(start, end + tag.length + 3);
}

/** Each failure block, from its opening tag to the next one (or the end of the failures section). */
export function failureBlocks(page: string): string[] {
  const section = element(page, 'section', 'failures');
  return section.split('<details open class="failure"').slice(1);
}

/** Every start tag of the page, as written. */
export function startTags(page: string): string[] {
  return page.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** A start tag's attributes as [name, value] pairs, or null when the tag is not well-formed `<name a="v" b>`. */
export function attributes(tag: string): [string, string | undefined][] | null {
  const m = /^<[a-zA-Z][a-zA-Z0-9]*((?:\s[a-zA-Z][a-zA-Z0-9-]*(?:="[^"<>]*")?)*)\s*\/?>$/.exec(tag);
  if (!m) return null;
  return [...m[1]!.matchAll(/\s([a-zA-Z][a-zA-Z0-9-]*)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), a[2]]);
}

/** The matrix as rows of cells: column names from the header, one `<td …>…</td>` per operation. */
export function matrixCells(page: string): Map<string, Map<string, string>> {
  const table = element(page, 'table', 'matrix');
  const ops = [...table.matchAll(/<th scope="col" class="op"><span>([^<]*)<\/span><\/th>/g)].map((m) => m[1]!);
  const rows = new Map<string, Map<string, string>>();
  for (const m of table.matchAll(/<tr><th scope="row" class="check">([^<]*)<\/th>(.*?)<\/tr>/g)) {
    const cells = m[2]!.match(/<td[^>]*>.*?<\/td>/g) ?? [];
    if (cells.length !== ops.length) throw new Error(`row ${m[1]} has ${cells.length} cells for ${ops.length} operations`);
    rows.set(m[1]!, new Map(ops.map((op, i) => [op, cells[i]!])));
  }
  return rows;
}

/** Text with tags removed and the five entities decoded: what a reader sees. */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
