import { spawn } from 'node:child_process';
import { PACKAGE_ROOT as ROOT } from '../../util/package-root';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../../errors';
import type { Command, Io } from '../io';
import { parse } from '../parse';
import { withOwnTypeScript } from '../own-typescript';

const USAGE = 'vcconform merge DIR… [--reports DIR]';

/** The blob reports (`*.zip`) in each directory; a directory without one is a usage error naming it. */
export function blobsIn(dirs: readonly string[], cwd: string): string[] {
  if (dirs.length === 0)
    throw new UsageError(
      "merge: give the directories that hold the shards' blob reports (reports/blob of each `vcconform run --shard I/N`)",
    );
  return dirs.flatMap((d) => {
    const dir = resolve(cwd, d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`merge: ${JSON.stringify(dir)} is not a directory`);
    const zips = readdirSync(dir)
      .filter((f) => f.endsWith('.zip'))
      .map((f) => join(dir, f));
    if (zips.length === 0)
      throw new UsageError(`merge: ${JSON.stringify(dir)} holds no blob report (*.zip); a sharded run writes them to reports/blob`);
    return zips;
  });
}

/** `vcconform merge`: Playwright's merge-reports over the shards' blobs, through the same reporters as a run. */
export const mergeCommand: Command = {
  name: 'merge',
  summary:
    'merge the blob reports of a sharded run (vcconform run --shard I/N) ' +
    'into one set of reports: html/, junit.xml, results.json, conformance.json/.html',
  usage: USAGE,
  help: [
    "  DIR…             directories holding the shards' blob reports (*.zip, from reports/blob of each shard)",
    '  --reports DIR    where the merged reports go (default ./reports)',
    '',
    'Exit status: 0 merged (whatever the verdict: read conformance.json or use vcconform compare), 1 the merge failed, 2 usage error.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parse('merge', args, { reports: { type: 'string' } } as const, Number.MAX_SAFE_INTEGER);
    const cwd = process.cwd();
    const blobs = blobsIn(positionals, cwd);
    const reports = resolve(cwd, values.reports ?? 'reports');
    if (existsSync(reports) && !statSync(reports).isDirectory())
      throw new UsageError(`merge: --reports must be a directory, but ${JSON.stringify(reports)} is a file`);
    // merge-reports reads one directory: the blobs of every shard are gathered in a fresh one.
    const gathered = mkdtempSync(join(tmpdir(), 'vcconform-blobs-'));
    try {
      for (const blob of blobs) {
        const target = join(gathered, basename(blob));
        if (existsSync(target))
          throw new UsageError(`merge: two blob reports are named ${basename(blob)}; were the same shard's reports given twice?`);
        copyFileSync(blob, target);
      }
      const code = await mergeReports(gathered, reports, io);
      io.err(
        code === 0
          ? `[vcconform] merged ${blobs.length} blob report${blobs.length === 1 ? '' : 's'}; ` +
              `reports in ${reports} (html/index.html, junit.xml, results.json, conformance.json, conformance.html).`
          : '[vcconform] Failed to merge the blob reports: Playwright merge-reports exited with an error (above).',
      );
      return code;
    } finally {
      rmSync(gathered, { recursive: true, force: true });
    }
  },
};

function mergeReports(blobDir: string, reports: string, io: Io): Promise<number> {
  const cli = require.resolve('@playwright/test/cli');
  const argv = [cli, 'merge-reports', '--config', join(ROOT, 'src', 'report', 'merge.config.ts'), blobDir];
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, {
      cwd: ROOT,
      env: withOwnTypeScript({ ...process.env, VCCONFORM_REPORTS: reports }),
      stdio: 'inherit',
    });
    child.on('error', (e) => {
      io.err(`[vcconform] Failed to start Playwright merge-reports: ${e.message}.`);
      done(1);
    });
    child.on('exit', (code) => done(code === 0 ? 0 : 1));
  });
}
