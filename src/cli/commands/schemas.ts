import { schemaFor, schemaIds } from '../../../specs/index';
import type { Command } from '../io';
import { parse } from '../parse';

/** `vcconform schemas [ID]`: list schema `$id`s, or print one schema. */
export const schemasCommand: Command = {
  name: 'schemas',
  summary: 'list the JSON Schema $ids in specs/, or print one schema',
  usage: 'vcconform schemas [SCHEMA_ID]',
  async run(args, io) {
    const { positionals } = parse('schemas', args, {}, 1);
    const [id] = positionals;
    io.out(id ? JSON.stringify(schemaFor(id), null, 2) : schemaIds().join('\n'));
    return 0;
  },
};
