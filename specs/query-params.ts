import { SpecError, message } from '../src/errors';
import type { QueryParam } from './catalogue-types';
import { operation, schemaFor, type Schema } from './index';

/**
 * The names a documented query parameter travels under. OpenAPI `style: form` with `explode: true`
 * sends an object as one `property=value` pair per property, so `spec` (Cis.Tasks.GetSpec) of
 * GET /cis/tasks/{task} is `?exclude_result=…&return_all=…`; any other parameter is sent by name.
 */
export function wireNames(param: QueryParam, lookup: (id: string) => Schema = schemaFor): string[] {
  const properties = lookup(param.schema).properties;
  const exploded = param.style === 'form' && param.explode && typeof properties === 'object' && properties !== null;
  return exploded ? Object.keys(properties) : [param.name];
}

/** `name`, checked to be a query name the catalogue documents for operation `operationId`. */
export function documentedQueryName(operationId: string, name: string): string {
  const params = operation(operationId).queryParams ?? [];
  if (params.some((p) => wireNames(p).includes(name))) return name;
  const known = params.flatMap((p) => wireNames(p));
  throw new SpecError(
    message(
      `find query name ${JSON.stringify(name)} of ${operationId}`,
      `the catalogue documents ${known.length ? known.join(', ') : 'none'}`,
      'Check queryParams in specs/operations.ts',
    ),
  );
}
