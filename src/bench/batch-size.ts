import { checks } from '../checks/index';
import { failuresOf, judge, runChecks } from '../checks/run-checks';
import { benchClient, sessionOf } from './bench-client';
import { bigClusterId, TO_VERSION } from './big-inventory';
import { measured } from './parts';
import type { Evidence } from '../checks/types';
import type { BenchSettings, Figure, Part } from './report-types';
import { startServer, userOf } from './servers';
import { figure, median, ratioFigure } from './stats';

interface Sample {
  totalMs: number;
  requestMs: number;
  checksMs: number;
  requestBytes: number;
  responseBytes: number;
  failed: number;
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

/** The checks that took longest on this evidence, each timed on its own (after one untimed pass). */
function slowestChecks(evidence: Evidence, count = 3): string {
  const applicable = checks.filter((c) => c.select(evidence) !== undefined);
  for (const c of applicable) judge(c, evidence);
  const timed = applicable.map((c) => {
    const t = performance.now();
    judge(c, evidence);
    return { name: c.name, ms: performance.now() - t };
  });
  return timed
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((c) => `${c.name} ${Math.round(c.ms)} ms`)
    .join(', ');
}

/**
 * P3: one mock whose inventory holds the largest batch's WCP clusters (built in memory, a third each
 * with clean, warnings-only and error pre-checks); for each size, a batch of the first N of them,
 * reset before every repetition so each does the same work. Timed: the harness's call (request, the
 * mock's validation and work, the answer read, parsed and redacted) and the checks on the answer
 * (body-matches-schema validates the whole ResultMap with the specs/ Ajv).
 */
export async function batchSizePart(settings: BenchSettings): Promise<Part> {
  const largest = Math.max(...settings.batchSizes);
  const mock = await startServer({ kind: 'mock', clusters: largest });
  const { api, transport } = benchClient(mock.url);
  try {
    const bySize = new Map<number, Sample[]>();
    let largestEvidence: Evidence | undefined;
    for (const size of settings.batchSizes) {
      const body = Object.fromEntries(Array.from({ length: size }, (_, i) => [bigClusterId(i), { desired_version: TO_VERSION }]));
      const samples: Sample[] = [];
      // One untimed round first: the first 10,000-key body also pays for JIT and buffer growth.
      for (let rep = -1; rep < settings.batchRepetitions; rep++) {
        await mock.reset();
        const session = await sessionOf(api, userOf(mock, 'administrator'));
        const t0 = performance.now();
        const exchange = await api.call('clusters.upgradeMultiple', { body, session });
        const t1 = performance.now();
        const evidence: Evidence = { scenario: `upgradeMultiple of ${size} clusters`, intent: { kind: 'valid' }, exchange };
        const results = runChecks(evidence, checks);
        const t2 = performance.now();
        if (exchange.status !== 200)
          throw new Error(
            `[vcconform] Failed to measure upgradeMultiple of ${size} clusters: ` +
              `it answered ${exchange.status} ${exchange.text.slice(0, 200)}.`,
          );
        if (rep >= 0)
          samples.push({
            totalMs: t2 - t0,
            requestMs: t1 - t0,
            checksMs: t2 - t1,
            requestBytes: Buffer.byteLength(exchange.request.rawBody ?? ''),
            responseBytes: Buffer.byteLength(exchange.text),
            failed: failuresOf(results).length,
          });
        api.exchanges.length = 0;
        if (size === largest) largestEvidence = evidence;
      }
      bySize.set(size, samples);
    }
    const figures: Figure[] = [...bySize].map(([size, s]) =>
      figure(
        `p3-batch-${size}`,
        `upgradeMultiple of ${size.toLocaleString('en')} clusters: round trip + checks`,
        'ms',
        s.map((x) => x.totalMs),
        `request ${Math.round(median(s.map((x) => x.requestMs)))} ms + ` +
          `checks ${Math.round(median(s.map((x) => x.checksMs)))} ms (medians); ` +
          `body ${kib(s[0]!.requestBytes)} sent, ${kib(s[0]!.responseBytes)} ` +
          `received; ${s.reduce((n, x) => n + x.failed, 0)} failed checks`,
      ),
    );
    const slowest = largestEvidence ? slowestChecks(largestEvidence) : '';
    const big = bySize.get(10_000);
    const thousand = bySize.get(1000);
    if (big && thousand)
      figures.push(
        ratioFigure(
          'p3-growth-10000-to-1000',
          't(10,000) ÷ t(1,000) (10× the clusters)',
          big.map((x) => x.totalMs),
          thousand.map((x) => x.totalMs),
        ),
      );
    return measured('P3', figures, [
      `A mock (own process, time scale 1000) with ${largest.toLocaleString('en')} generated WCP ` +
        `clusters; ${settings.batchRepetitions} repetition(s) per size after one untimed round, the mock reset before each.`,
      'Timed in the bench process with the harness client (node-transport, redaction, exchange record) ' +
        'and the whole check registry; the ratio pairs the repetitions of the two sizes in order.',
      `The slowest checks on the ${largest.toLocaleString('en')}-cluster answer, each timed alone: ${slowest}.`,
    ]);
  } finally {
    transport.close();
    await mock.close();
  }
}
