/**
 * npm run bench [-- --smoke] [--out FILE] [--self-tests FILE]
 *
 * Measures the reference mock and the harness (issue 12, P1–P5; see docs/performance.md), writes
 * reports/bench.json (schema specs/vcconform/bench-report.schema.json) and prints a table. The targets
 * are columns, never assertions: exit 0 whatever they say, 1 when a measurement itself broke, 2 for a
 * usage error. `--smoke`: one short repetition, no full run and no Prism (the self-test runs it).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from '../src/bench/run-bench';
import { benchTable } from '../src/bench/table';

const USAGE = 'usage: npm run bench [-- --smoke] [--out FILE] [--self-tests FILE]';

async function main(argv: string[]): Promise<number> {
  let values: { smoke?: boolean; out?: string; 'self-tests'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { smoke: { type: 'boolean' }, out: { type: 'string' }, 'self-tests': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`[vcconform] Failed to read the bench's arguments: ${(e as Error).message}. ${USAGE}\n`);
    return 2;
  }
  const out = resolve(values.out ?? 'reports/bench.json');
  const report = await runBench({
    smoke: values.smoke ?? false,
    out,
    selfTestReport: values['self-tests'] ?? 'reports/self/results.json',
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(
    `${benchTable(report)}\n\nWrote ${out} in ${(report.durationMs / 1000).toFixed(1)} s` +
      `${report.smoke ? ' (smoke mode: one short repetition; P2 and P5 skipped)' : ''}.\n`,
  );
  return report.parts.some((p) => p.status === 'failed') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
