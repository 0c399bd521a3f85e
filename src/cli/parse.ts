import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, with its errors turned into UsageErrors naming the command. */
export function parse<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
    }
    return parsed;
  } catch (e) {
    const reason = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${command}: ${reason}`);
  }
}

/** Parses a non-negative integer flag value, naming the flag when it is not one. */
export function intFlag(flag: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`--${flag} must be an integer from 0 to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}
