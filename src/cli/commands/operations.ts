import type { Operation } from '../../../specs/catalogue-types';
import { operations } from '../../../specs/index';
import { wireNames } from '../../../specs/query-params';
import { upstreamKey } from '../../spec-import/upstream';
import type { Command } from '../io';
import { parse } from '../parse';

/** `vcconform operations`: the operation catalogue, as a table or as JSON. */
export const operationsCommand: Command = {
  name: 'operations',
  summary: 'list the catalogued operations with their documented statuses, error types and query parameters',
  usage: 'vcconform operations [--json]',
  async run(args, io) {
    const { values } = parse('operations', args, { json: { type: 'boolean' } });
    if (values.json) {
      io.out(JSON.stringify(operations, null, 2));
      return 0;
    }
    for (const op of operations) {
      const errors = [...new Set(op.errors.map((e) => e.status))].map(
        (s) =>
          `${s} ${op.errors
            .filter((e) => e.status === s)
            .flatMap((e) => e.errorTypes)
            .join('|')}`,
      );
      const flags = [
        op.task && 'task',
        op.deprecated && `deprecated ${op.deprecated.since}`,
        op.class,
        op.outsideContract && 'not certified: outside the contract',
      ]
        .filter(Boolean)
        .join(', ');
      io.out(
        `${op.id.padEnd(26)} ${op.method.padEnd(6)} ` +
          `/api${upstreamKey(op)}\n${''.padEnd(26)} ${op.success.status} ok; ${errors.join('; ')} (${flags})`,
      );
      for (const line of queryLines(op)) io.out(`${''.padEnd(26)} ${line}`);
    }
    return 0;
  },
};

/** `query spec: Cis.Tasks.GetSpec, optional, form-exploded: ?return_all=…&exclude_result=…`, one per documented query parameter. */
export function queryLines(op: Operation): string[] {
  return (op.queryParams ?? []).map((q) => {
    const names = wireNames(q);
    const sent =
      names.length === 1 && names[0] === q.name
        ? ''
        : `, ${q.style}${q.explode ? '-exploded' : ''}: ?${names.map((n) => `${n}=…`).join('&')}`;
    return `query ${q.name}: ${q.schema}, ${q.required ? 'required' : 'optional'}${sent}`;
  });
}
