import { UsageError, message } from '../errors';

/** Caller-facing knobs for the value generators; every field is optional. */
export interface GeneratorOptions {
  /** Largest array length and map size generated (default 3). */
  maxItems?: number;
  /** Container nesting below which only required properties and empty collections are generated (default 4). */
  maxDepth?: number;
}

/** GeneratorOptions with every default filled in, resolved once at the public boundary. */
export type ResolvedGeneratorOptions = Readonly<Required<GeneratorOptions>>;

/** Small on purpose: the law tests draw thousands of values per schema. */
export const DEFAULT_GENERATOR_OPTIONS: ResolvedGeneratorOptions = Object.freeze({ maxItems: 3, maxDepth: 4 });

/** Fills in defaults and rejects values that are not non-negative integers. */
export function resolveOptions(options: GeneratorOptions = {}): ResolvedGeneratorOptions {
  const resolved = { ...DEFAULT_GENERATOR_OPTIONS, ...dropUndefined(options) };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new UsageError(message('resolve generator options', `${name} must be a non-negative integer, got ${String(value)}`));
    }
  }
  return Object.freeze(resolved);
}

function dropUndefined(options: GeneratorOptions): GeneratorOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
