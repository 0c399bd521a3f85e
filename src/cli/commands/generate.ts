import fc from 'fast-check';
import { schemaFor } from '../../../specs/index';
import { arbitraryFor } from '../../generators/arbitrary-for';
import { invalidArbitraryFor } from '../../generators/invalid-arbitrary-for';
import { UsageError } from '../../errors';
import type { Command } from '../io';
import { intFlag, parse } from '../parse';

/** `vcconform generate ID`: sample values (or invalid values) for a schema, one JSON per line. */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'print generated values for a schema, one JSON per line (--invalid: values that break it, with the mutation)',
  usage: 'vcconform generate SCHEMA_ID [--count N] [--seed N] [--invalid]',
  async run(args, io) {
    const { values, positionals } = parse(
      'generate',
      args,
      { count: { type: 'string' }, seed: { type: 'string' }, invalid: { type: 'boolean' } },
      1,
    );
    const [id] = positionals;
    if (!id) throw new UsageError('generate: a schema $id is required (list them with vcconform schemas)');
    schemaFor(id); // an unknown $id fails here, naming it
    const count = intFlag('count', values.count, 5, 10_000);
    const seed = intFlag('seed', values.seed, Date.now() % 2 ** 31, 2 ** 31 - 1);
    const arbitrary: fc.Arbitrary<unknown> = values.invalid ? invalidArbitraryFor(id) : arbitraryFor(id);
    io.err(`[vcconform] ${count} ${values.invalid ? 'invalid ' : ''}value(s) of ${id}, seed ${seed}`);
    for (const value of fc.sample(arbitrary, { numRuns: count, seed })) io.out(JSON.stringify(value));
    return 0;
  },
};
