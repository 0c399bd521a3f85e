import type { Figure, TargetRow, Unit } from './report-types';

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('[vcconform] Failed to take a median: there are no samples.');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for the report: 3 significant digits below 100, whole numbers above. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  return Math.abs(n) >= 100 ? Math.round(n) : Number(n.toPrecision(3));
}

/** A figure from its repetitions, in the order they were measured. */
export function figure(id: string, label: string, unit: Unit, samples: readonly number[], detail?: string): Figure {
  const r = samples.map(round);
  return {
    id,
    label,
    unit,
    median: round(median(samples)),
    min: Math.min(...r),
    max: Math.max(...r),
    samples: r,
    ...(detail !== undefined && { detail }),
  };
}

/**
 * a/b per repetition, paired: each ratio compares two measurements taken moments apart, so a
 * machine that gets busier or quieter during the bench moves both sides of one ratio together.
 */
export function ratioFigure(id: string, label: string, a: readonly number[], b: readonly number[], detail?: string): Figure {
  if (a.length !== b.length) throw new Error(`[vcconform] Failed to pair ${id}: ${a.length} and ${b.length} samples.`);
  return figure(
    id,
    label,
    'ratio',
    a.map((x, i) => x / b[i]!),
    detail,
  );
}

/** A target row judged on the figure's median (null: not measured). */
export function target(fig: Figure | string, comparison: TargetRow['comparison'], threshold: number): TargetRow {
  if (typeof fig === 'string') return { figure: fig, comparison, threshold, value: null, pass: null };
  const value = fig.median;
  return { figure: fig.id, comparison, threshold, value, pass: comparison === '>=' ? value >= threshold : value <= threshold };
}
