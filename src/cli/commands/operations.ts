import type { Operation } from '../../../specs/catalogue-types';
import { operations } from '../../../specs/index';
import { wireNames } from '../../../specs/query-params';
import { upstreamKey } from '../../spec-import/upstream';
import type { Command } from '../io';
import { parse } from '../parse';
import { DEEP_OPERATIONS } from '../../../specs/deep-operations';
import { UsageError } from '../../errors';
import { deriveWhatCan } from '../../spec-import/derive-catalogue';
import { leftOutExamples } from '../../spec-import/spec-dir';
import { loadSpecFile } from '../../spec-import/user-spec';
import { globToRegExp } from '../../target/scope';

/** `vcconform operations`: the operation catalogue, as a table or as JSON. */
export const operationsCommand: Command = {
  name: 'operations',
  summary: 'list the catalogued operations with their documented statuses, error types and query parameters',
  usage: 'vcconform operations [--json] [--spec FILE [--operations PATTERN]…]',
  async run(args, io) {
    const { values } = parse('operations', args, {
      json: { type: 'boolean' },
      spec: { type: 'string' },
      operations: { type: 'string', multiple: true },
    });
    if (values.operations && !values.spec) throw new UsageError('operations: --operations picks from a --spec FILE; name the file');
    const listed = values.spec ? fromSpec(values.spec, values.operations, io) : operations;
    if (values.json) {
      io.out(JSON.stringify(listed, null, 2));
      return 0;
    }
    for (const op of listed) {
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

/**
 * The catalogue a user's spec gives (`--spec FILE`), limited to the ids `patterns` match (comma-separated globs): the
 * operations vcconform can derive from it, and on stderr how many it could not, with the first reasons.
 */
function fromSpec(file: string, patterns: string[] | undefined, io: Parameters<Command['run']>[1]): readonly Operation[] {
  const { operations: derived, underived } = deriveWhatCan(loadSpecFile(file), DEEP_OPERATIONS);
  const globs = (patterns ?? [])
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
  const picked = globs.length ? derived.filter((op) => globs.some((g) => globToRegExp(g).test(op.id))) : derived;
  if (globs.length && picked.length === 0)
    throw new UsageError(`operations: --operations ${globs.join(',')} matches none of the ${derived.length} operations of ${file}`);
  if (underived.length)
    io.err(`[vcconform] ${underived.length} operation(s) of ${file} could not be derived, ${leftOutExamples(underived)}`);
  return picked;
}

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
