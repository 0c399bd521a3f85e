import type { Figure, Part, PartId, TargetRow } from './report-types';

export const TITLES: Record<PartId, string> = {
  P1: 'Throughput: the reference mock and the harness against a bare node:http server',
  P2: 'Wall time and peak memory of the default vcconform run on the embedded mock',
  P3: 'upgradeMultiple round trip by batch size',
  P4: 'Task lifecycle: wall time against the simulated task durations',
  P5: 'The reference mock against Prism on the same operation',
};

/** The targets issue 12 sets, by part: [figure id, comparison, threshold]. Reported, never asserted. */
export const TARGETS: Record<PartId, readonly [string, TargetRow['comparison'], number][]> = {
  P1: [
    ['p1-harness-to-raw', '>=', 0.5],
    ['p1-mock-to-raw-upgrade-multiple', '>=', 0.6],
    ['p1-mock-to-raw-task-poll', '>=', 0.6],
  ],
  P2: [['p2-total', '<=', 30]],
  P3: [
    ['p3-batch-10000', '<=', 1000],
    ['p3-growth-10000-to-1000', '<=', 12],
  ],
  P4: [['p4-poll-overhead', '<=', 1.2]],
  P5: [['p5-mock-to-prism', '>=', 2]],
};

/** The part's target rows, each judged on its figure's median; a figure that is not there is "not measured". */
export function targetsOf(id: PartId, figures: readonly Figure[]): TargetRow[] {
  return TARGETS[id].map(([figureId, comparison, threshold]) => {
    const fig = figures.find((f) => f.id === figureId);
    if (!fig) return { figure: figureId, comparison, threshold, value: null, pass: null };
    return {
      figure: figureId,
      comparison,
      threshold,
      value: fig.median,
      pass: comparison === '>=' ? fig.median >= threshold : fig.median <= threshold,
    };
  });
}

/** A measured part, its targets judged. */
export function measured(id: PartId, figures: Figure[], notes: string[]): Part {
  return { id, title: TITLES[id], status: 'measured', figures, targets: targetsOf(id, figures), notes };
}

/** A part that was not run (skipped) or whose measurement broke (failed), its targets not measured. */
export function notMeasured(id: PartId, status: 'skipped' | 'failed', reason: string): Part {
  return { id, title: TITLES[id], status, reason, figures: [], targets: targetsOf(id, []), notes: [] };
}

/** Runs a part's measurement; an error makes it a failed part saying why, and the bench goes on. */
export async function guarded<T extends Part | Part[]>(ids: PartId[], run: () => Promise<T>): Promise<Part[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (e) {
    const reason = ((e as Error).message ?? String(e)).split('\n')[0]!.slice(0, 500);
    return ids.map((id) => notMeasured(id, 'failed', reason));
  }
}
