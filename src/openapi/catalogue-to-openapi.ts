import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { HttpMethod, Operation } from '../../specs/catalogue-types';
import { SpecError, message } from '../errors';
import { UPSTREAM_DIR, upstreamKey } from '../spec-import/upstream';
import { componentSchemas, type SchemaLookup } from './component-schemas';
import { operationObject } from './operation-object';

export { componentRef, type JsonSchema, type SchemaLookup } from './component-schemas';
export { ERROR_TYPES_EXT, RESOURCE_TYPE_EXT, TASK_RESULT_EXT } from './operation-object';

/** The two schemes the catalogued operations use, by their names in the official spec. */
export const SECURITY_SCHEMES = ['basic_auth', 'api_key_auth'] as const;

const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const DESCRIPTION = [
  'The vCenter operations vcconform certifies, generated from `specs/catalogue.json` and',
  '`specs/schemas/` by `npm run build:specs` (do not edit by hand).',
  '',
  'Path keys are the wire paths, `/api` included, without a query string. The official',
  'vSphere Automation 9.1 spec writes the fixed query inside the path key',
  '(`/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true`), which OpenAPI',
  'forbids: a path key is matched against the path alone. Here `action` and `vmw-task` are',
  'required query parameters whose schema is a single-value `enum`, so a request without them',
  'is invalid. OpenAPI allows one operation per path and method, so of two operations that differ',
  'only in their fixed query the first in the catalogue is described and the other is left out',
  '(`x-vcconform-omitted` lists them); the generator refuses a catalogue that still has such a pair.',
  '',
  'Query parameters the official spec declares (`spec` of `GET /api/cis/tasks/{task}`) are kept as',
  'it declares them: `style: form`, `explode: true`, so an object travels as one `property=value`',
  'pair per property (`?exclude_result=true`).',
  '',
  'Extensions: `x-vmw-error-types` on an error response lists the error types the spec documents',
  'for that status (several may share one); `x-vmw-task-result` on a task operation is a JSON',
  'pointer (a string rather than a `$ref` object, which some tools would dereference) to the schema',
  'of `Cis.Task.Info.result` once the task has succeeded; `x-vmw-resource-type` names the vSphere',
  'resource type an identifier refers to.',
].join('\n');

/**
 * The catalogue as an OpenAPI 3.1.0 document: one operation per catalogued operation, every
 * schema in `ids` as a component. Deterministic: paths, methods and components are sorted.
 */
export function catalogueToOpenApi(
  ops: readonly Operation[],
  schemaFor: SchemaLookup,
  ids: readonly string[],
  securitySchemes: Record<string, OpenAPIV3_1.SecuritySchemeObject> = upstreamSecuritySchemes(),
  omitted: readonly Operation[] = [],
): OpenAPIV3_1.Document {
  checkSchemasKnown(ops, new Set(ids));
  return {
    openapi: '3.1.0',
    info: {
      title: 'vCenter REST API — operations certified by vcconform',
      version: '9.1.0.0',
      description: DESCRIPTION,
      ...(omitted.length > 0 && { 'x-vcconform-omitted': omitted.map((op) => `${op.id}: ${op.method} /api${upstreamKey(op)}`) }),
    },
    servers: [{ url: 'https://{vcenter}', variables: { vcenter: { default: 'vcenter.example.com' } } }],
    paths: pathsOf(ops),
    components: { schemas: componentSchemas(schemaFor, ids), securitySchemes },
  };
}

/** Path items keyed by wire path; throws a SpecError when two operations share path and method. */
export function pathsOf(ops: readonly Operation[]): OpenAPIV3_1.PathsObject {
  const seen = new Map<string, Operation>();
  for (const op of ops) {
    const key = `${op.method} ${op.path}`;
    const other = seen.get(key);
    if (other)
      throw new SpecError(
        message(
          `build the OpenAPI document`,
          `${other.id} (${other.operationId}) and ${op.id} (${op.operationId}) are both ${key}, which OpenAPI cannot express`,
          'Give one of them another path or method',
        ),
      );
    seen.set(key, op);
  }
  const sorted = [...ops].sort((a, b) => compare(a.path, b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  const paths: Record<string, Record<string, OpenAPIV3_1.OperationObject>> = {};
  for (const op of sorted) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = operationObject(op);
  }
  // openapi-types 12 intersects the 3.0 and 3.1 method fields, so no 3.1 operation fits a 3.1 path item.
  return paths as OpenAPIV3_1.PathsObject;
}

/** `basic_auth` and `api_key_auth` as the official 9.1 spec declares them. */
export function upstreamSecuritySchemes(dir = UPSTREAM_DIR): Record<string, OpenAPIV3_1.SecuritySchemeObject> {
  const file = join(dir, 'security.json');
  const all =
    (JSON.parse(readFileSync(file, 'utf8')) as { components?: { securitySchemes?: Record<string, OpenAPIV3_1.SecuritySchemeObject> } })
      .components?.securitySchemes ?? {};
  const out: Record<string, OpenAPIV3_1.SecuritySchemeObject> = {};
  for (const name of SECURITY_SCHEMES) {
    const scheme = all[name];
    if (!scheme) throw new SpecError(message(`read security scheme ${name}`, `${file} has none`));
    out[name] = scheme;
  }
  return out;
}

/** Every schema an operation names must be a component, or the document would have a dangling ref. */
function checkSchemasKnown(ops: readonly Operation[], known: ReadonlySet<string>): void {
  for (const op of ops) {
    const named = [
      op.request?.schema,
      op.success.schema,
      ...(op.queryParams ?? []).map((q) => q.schema),
      ...op.errors.map((e) => e.schema),
      op.task?.resultSchema,
    ];
    const missing = named.filter((id): id is string => id !== undefined && !known.has(id));
    if (missing.length)
      throw new SpecError(
        message(
          `build OpenAPI operation ${op.id}`,
          `it names ${missing.join(', ')}, which is not among the schemas`,
          'Regenerate with npm run build:specs',
        ),
      );
  }
}

/**
 * The catalogue split into what one OpenAPI document can describe (the first operation at each path and method)
 * and the rest, which differ from one described only in their fixed query.
 */
export function expressible(ops: readonly Operation[]): { described: Operation[]; omitted: Operation[] } {
  const seen = new Set<string>();
  const described: Operation[] = [];
  const omitted: Operation[] = [];
  for (const op of ops) {
    const key = `${op.method} ${op.path}`;
    (seen.has(key) ? omitted : described).push(op);
    seen.add(key);
  }
  return { described, omitted };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
