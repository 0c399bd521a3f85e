import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { cleanEnv, ROOT } from './child-run';
import { findSecrets } from './secret-scan';

/** A minimal zip archive (as yazl writes them: local headers, central directory, end record); deflated unless `stored`. */
function zip(entries: Record<string, string | Buffer>, stored = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const packed = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x800, 6);
    head.writeUInt16LE(stored ? 0 : 8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    head.copy(entry, 8, 6, 30); // flags, method, time, date, crc, sizes, name length
    entry.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sorted = (found: { where: string; secret: string }[]) => found.map((f) => `${f.where} :: ${f.secret}`).sort();

test.describe('secret scan', () => {
  test('finds secrets in plain files, nested dirs, stored and deflated zip entries, zips in zips, HTML-embedded zips and texts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcconform-secret-scan-'));
    try {
      mkdirSync(join(dir, 'a', 'b'), { recursive: true });
      writeFileSync(join(dir, 'plain.txt'), 'password=hunter2-plain\n');
      writeFileSync(join(dir, 'a', 'b', 'deep.json'), JSON.stringify({ token: 'deep-session-id' }));
      writeFileSync(join(dir, 'clean.txt'), 'nothing to see; ab is too short to count');
      const inner = zip({ 'trace.trace': 'authorization: Basic ZW5jb2RlZA==' });
      writeFileSync(join(dir, 'a', 'archive.zip'), zip({ 'deflated.txt': 'zipped-deflated-secret', 'inner.zip': inner }));
      writeFileSync(join(dir, 'a', 'stored.zip'), zip({ 'dir/': '', 'dir/stored.txt': 'zipped-stored-secret' }, true));
      // The way Playwright's HTML reporter appends its data to index.html.
      const data = zip({ 'report.json': '{"files":[]}', '0123abcd.json': JSON.stringify({ stdout: 'html-embedded-secret' }) });
      writeFileSync(
        join(dir, 'index.html'),
        `<html><body></body></html><template id="playwrightReportBase64">data:application/zip;base64,${data.toString('base64')}</template>`,
      );
      writeFileSync(
        join(dir, 'page.html'),
        `<img src="data:text/plain;charset=utf-8;base64,${Buffer.from('inlined-text-secret').toString('base64')}">`,
      );
      const secrets = [
        'hunter2-plain',
        'deep-session-id',
        'zipped-deflated-secret',
        'ZW5jb2RlZA==',
        'zipped-stored-secret',
        'html-embedded-secret',
        'inlined-text-secret',
        'in-text-only',
        'absent-everywhere',
        'ab',
        '',
      ];
      const found = findSecrets(secrets, {
        dirs: [dir, join(dir, 'missing')],
        texts: { 'console output': 'a line with in-text-only and ab' },
      });
      expect(sorted(found)).toEqual(
        sorted([
          { where: join(dir, 'plain.txt'), secret: 'hunter2-plain' },
          { where: join(dir, 'a', 'b', 'deep.json'), secret: 'deep-session-id' },
          { where: `${join(dir, 'a', 'archive.zip')}!deflated.txt`, secret: 'zipped-deflated-secret' },
          { where: `${join(dir, 'a', 'archive.zip')}!inner.zip!trace.trace`, secret: 'ZW5jb2RlZA==' },
          // Stored entries are plain bytes in the archive too.
          { where: join(dir, 'a', 'stored.zip'), secret: 'zipped-stored-secret' },
          { where: `${join(dir, 'a', 'stored.zip')}!dir/stored.txt`, secret: 'zipped-stored-secret' },
          { where: `${join(dir, 'index.html')}!0123abcd.json`, secret: 'html-embedded-secret' },
          { where: `${join(dir, 'page.html')}!data:text/plain#0`, secret: 'inlined-text-secret' },
          { where: 'console output', secret: 'in-text-only' },
        ]),
      );
      // A damaged archive is scanned as bytes and never throws.
      writeFileSync(join(dir, 'broken.zip'), zip({ 'x.txt': 'broken-zip-secret' }, true).subarray(0, 60));
      expect(findSecrets(['broken-zip-secret'], { dirs: [join(dir, 'broken.zip')] })).toEqual([
        { where: join(dir, 'broken.zip'), secret: 'broken-zip-secret' },
      ]);
      expect(findSecrets(['absent-everywhere'], { dirs: [dir] })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("covers a real Playwright HTML report: test data in index.html's embedded zip, file attachments in data/", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcconform-html-report-'));
    try {
      // The child's spec resolves @playwright/test through this link, to the very copy that runs it.
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      const secrets = {
        LEAK_STDOUT: 'leaked-to-stdout-4711',
        LEAK_INLINE: 'leaked-inline-attachment-4712',
        LEAK_FILE: 'leaked-file-attachment-4713',
      };
      writeFileSync(
        join(dir, 'leak.spec.ts'),
        [
          "import { test } from '@playwright/test';",
          "import { writeFileSync } from 'node:fs';",
          'test("leaks", async ({}, testInfo) => {',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a test file, with its own template literal
          '  console.log(`stdout: ${process.env.LEAK_STDOUT}`);',
          "  await testInfo.attach('inline', { body: JSON.stringify({ token: " +
            "process.env.LEAK_INLINE }), contentType: 'application/json' });",
          "  const file = testInfo.outputPath('evidence.txt');",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a test file, with its own template literal
          '  writeFileSync(file, `${process.env.LEAK_FILE}`);',
          "  await testInfo.attach('file', { path: file, contentType: 'text/plain' });",
          '});',
        ].join('\n'),
      );
      const html = join(dir, 'html');
      const env = cleanEnv({ ...secrets, PLAYWRIGHT_HTML_OUTPUT_DIR: html, PLAYWRIGHT_HTML_OPEN: 'never' });
      const cli = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
      const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'test', '--reporter=html', '--output', join(dir, 'results'), 'leak.spec.ts'], {
          cwd: dir,
          env,
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => {
          output += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          output += d.toString();
        });
        child.on('exit', (code) => resolve({ code, output }));
      });
      expect(run.code, run.output).toBe(0);
      const index = join(html, 'index.html');
      const raw = readFileSync(index, 'utf8');
      expect(raw).toContain('<template id="playwrightReportBase64">data:application/zip;base64,');
      for (const secret of Object.values(secrets)) expect(raw.includes(secret), `${secret} only inside the embedded zip`).toBe(false);
      const found = findSecrets(Object.values(secrets), { dirs: [html] });
      const where = (secret: string) => found.filter((f) => f.secret === secret).map((f) => f.where.slice(html.length + 1));
      expect(where(secrets.LEAK_STDOUT)).toEqual([expect.stringMatching(/^index\.html![0-9a-f]+\.json$/)]);
      expect(where(secrets.LEAK_INLINE)).toEqual([expect.stringMatching(/^index\.html![0-9a-f]+\.json$/)]);
      expect(where(secrets.LEAK_FILE)).toEqual([expect.stringMatching(/^data\/[0-9a-f]{40}\.txt$/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
