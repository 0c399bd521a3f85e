import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors';
import { checkConformanceReport } from '../../report/compare/check-report';
import { compare, isIsoDate } from '../../report/compare/compare';
import { compareToHtml } from '../../report/compare/compare-html';
import { compareToText } from '../../report/compare/compare-text';
import type { ConformanceReport } from '../../report/conformance-types';
import { writeFileAtomic } from '../../util/write-file-atomic';
import type { Command } from '../io';
import { parse } from '../parse';

const USAGE = 'vcconform compare BASELINE.json CURRENT.json [--out DIR] [--today YYYY-MM-DD]';

const OPTIONS = {
  out: { type: 'string' },
  today: { type: 'string' },
} as const;

/** A UsageError from inside compare, prefixed with the command name (and the file it concerns). */
function named(e: unknown, file?: string): never {
  if (e instanceof UsageError) throw new UsageError(`compare: ${file ? `${file}: ` : ''}${e.message}`);
  throw e;
}

/** Reads one report; every problem is a UsageError naming the file. */
function readReport(file: string): ConformanceReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new UsageError(`compare: ${file}: cannot be read (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`compare: ${file}: not JSON (${(e as Error).message})`);
  }
  try {
    return checkConformanceReport(value);
  } catch (e) {
    return named(e, file);
  }
}

/** The settings, every flag checked before anything is read. */
export function compareSettings(args: string[], now: Date = new Date()) {
  const { values, positionals } = parse('compare', args, OPTIONS, 2);
  const [baseline, current] = positionals;
  if (baseline === undefined || current === undefined) throw new UsageError('compare: needs two files, BASELINE.json and CURRENT.json');
  const today = values.today ?? now.toISOString().slice(0, 10);
  if (!isIsoDate(today)) throw new UsageError(`compare: --today must be a date as YYYY-MM-DD, got ${JSON.stringify(today)}`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('compare: --out must not be empty');
  const out = resolve(values.out ?? dirname(current));
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`compare: --out must be a directory, but ${JSON.stringify(out)} is a file`);
  return { baseline, current, today, out };
}

/** `vcconform compare`, with an injectable clock for the default --today (self-tests). */
export function createCompareCommand(clock: () => Date = () => new Date()): Command {
  return {
    name: 'compare',
    summary: "compare a run's conformance.json with a baseline: new failures, fixed, still failing, known; exit 1 only for new failures",
    usage: USAGE,
    help: [
      '  BASELINE.json    the conformance.json of an earlier run; it may list knownFailures: [{operation, check, reason,',
      '                   expires: "YYYY-MM-DD"}], accepted up to and including their expires day',
      '  CURRENT.json     the conformance.json of the run to judge',
      '  --out DIR        where compare.txt and compare.html go (default: the directory of CURRENT.json)',
      '  --today DATE     the day known failures are judged on, YYYY-MM-DD (default: today, UTC)',
      '',
      'Exit status: 1 when there are new failures (including known failures past their expiry), 0 otherwise,',
      '2 for a usage error (a missing or unreadable file, not JSON, not a conformance report, a bad flag: one line on stderr).',
    ].join('\n'),
    async run(args, io) {
      const s = compareSettings(args, clock());
      const baseline = readReport(s.baseline);
      const current = readReport(s.current);
      let comparison: ReturnType<typeof compare>;
      try {
        comparison = compare(baseline, current, { today: s.today });
      } catch (e) {
        return named(e, s.baseline); // a bad knownFailures entry: the baseline is the file to fix
      }
      const files = { baseline: s.baseline, current: s.current };
      const text = compareToText(comparison, files);
      mkdirSync(s.out, { recursive: true });
      writeFileAtomic(join(s.out, 'compare.txt'), text);
      writeFileAtomic(join(s.out, 'compare.html'), compareToHtml(comparison, files));
      io.out(`${text}\nWritten: ${join(s.out, 'compare.txt')}, ${join(s.out, 'compare.html')}`);
      return comparison.regressed ? 1 : 0;
    },
  };
}

export const compareCommand = createCompareCommand();
