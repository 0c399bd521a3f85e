import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** Zips inside zips (a trace in a blob report) are opened this deep, and no deeper. */
const MAX_DEPTH = 4;
/** An entry claiming to inflate to more than this is skipped rather than risk a zip bomb. */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
/**
 * `data:…;base64,…` in HTML: Playwright's HTML report appends its test data as
 * `<template id="playwrightReportBase64">data:application/zip;base64,…</template>` to index.html.
 */
const DATA_URL = /data:([\w.+-]+\/[\w.+-]+)?(?:;[\w.+-]+=[^;,"'<>\s]*)*;base64,([A-Za-z0-9+/]{16,}={0,2})/g;

/** Where any of `secrets` occurs in the files under `dirs` (recursively, zip archives' entries included) and in `texts`. */
export function findSecrets(
  secrets: string[],
  where: { dirs?: string[]; texts?: Record<string, string> },
): { where: string; secret: string }[] {
  const wanted = [...new Set(secrets)].filter((s) => s.length >= 4).map((secret) => ({ secret, bytes: Buffer.from(secret, 'utf8') }));
  const found = new Map<string, { where: string; secret: string }>();
  const scan = (name: string, data: Buffer, depth: number) => {
    for (const { secret, bytes } of wanted) if (data.includes(bytes)) found.set(`${name}\0${secret}`, { where: name, secret });
    if (depth >= MAX_DEPTH) return;
    if (isZip(data)) for (const [entry, content] of zipEntries(data)) scan(`${name}!${entry}`, content, depth + 1);
    if (/\.html?$/i.test(name))
      for (const [label, blob] of embeddedBlobs(data)) {
        // An embedded zip's entries are named as if the HTML were the archive: index.html!report.json.
        if (isZip(blob)) for (const [entry, content] of zipEntries(blob)) scan(`${name}!${entry}`, content, depth + 1);
        else scan(`${name}!${label}`, blob, depth + 1);
      }
  };
  for (const dir of where.dirs ?? []) for (const file of regularFiles(dir)) scan(file, readFileSync(file), 0);
  for (const [name, text] of Object.entries(where.texts ?? {})) scan(name, Buffer.from(text, 'utf8'), MAX_DEPTH);
  return [...found.values()];
}

/** Every regular file under `path` (or `path` itself), symbolic links not followed; nothing for a missing path. */
function regularFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  const stat = lstatSync(path);
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => regularFiles(join(path, name)));
}

function isZip(data: Buffer): boolean {
  return data.length >= 22 && (data.readUInt32LE(0) === 0x04034b50 || data.readUInt32LE(0) === 0x06054b50);
}

/** The base64 `data:` URLs in an HTML file, decoded, each labelled `data:<type>#<n>`. */
function embeddedBlobs(html: Buffer): [string, Buffer][] {
  const text = html.toString('latin1');
  return [...text.matchAll(DATA_URL)].map((m, i) => [`data:${m[1] ?? ''}#${i}`, Buffer.from(m[2] ?? '', 'base64')]);
}

/** A zip's entries from its central directory: stored and deflated ones; others, zip64 and damaged ones left out. */
function zipEntries(zip: Buffer): [string, Buffer][] {
  const end = endOfCentralDirectory(zip);
  if (end < 0) return [];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: [string, Buffer][] = [];
  for (let i = 0; i < count && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const content = entryContent(zip, local, method, packed, size);
    if (content && !name.endsWith('/')) entries.push([name, content]);
  }
  return entries;
}

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--) if (zip.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

function entryContent(zip: Buffer, local: number, method: number, packed: number, size: number): Buffer | undefined {
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50 || size > MAX_ENTRY_BYTES) return undefined;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + packed > zip.length) return undefined;
  const data = zip.subarray(start, start + packed);
  if (method === 0) return data;
  if (method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch {
    return undefined;
  }
}
