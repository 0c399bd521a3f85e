import { operations } from '../../../specs/index';
import { upstreamKey } from '../../spec-import/upstream';
import type { Command } from '../io';
import { parse } from '../parse';

/** `vcconform operations`: the operation catalogue, as a table or as JSON. */
export const operationsCommand: Command = {
  name: 'operations',
  summary: 'list the catalogued operations with their documented statuses and error types',
  usage: 'vcconform operations [--json]',
  async run(args, io) {
    const { values } = parse('operations', args, { json: { type: 'boolean' } });
    if (values.json) {
      io.out(JSON.stringify(operations, null, 2));
      return 0;
    }
    for (const op of operations) {
      const errors = [...new Set(op.errors.map((e) => e.status))]
        .map((s) => `${s} ${op.errors.filter((e) => e.status === s).flatMap((e) => e.errorTypes).join('|')}`);
      const flags = [op.task && 'task', op.deprecated && `deprecated ${op.deprecated.since}`, op.class].filter(Boolean).join(', ');
      io.out(`${op.id.padEnd(26)} ${op.method.padEnd(6)} /api${upstreamKey(op)}\n${''.padEnd(26)} ${op.success.status} ok; ${errors.join('; ')} (${flags})`);
    }
    return 0;
  },
};
