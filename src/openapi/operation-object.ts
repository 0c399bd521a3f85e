import type { OpenAPIV3_1 } from 'openapi-types';
import type { DocumentedError, Operation, Privileges } from '../../specs/catalogue-types';
import { SpecError, message } from '../errors';
import { componentRef } from './component-schemas';

/** Extension on a parameter or schema: the vSphere resource type an identifier refers to. */
export const RESOURCE_TYPE_EXT = 'x-vmw-resource-type';
/** Extension on an error response: every error type the spec documents for that status. */
export const ERROR_TYPES_EXT = 'x-vmw-error-types';
/**
 * Extension on a `$Task` operation: a JSON pointer to the schema of `Cis.Task.Info.result` once the
 * task succeeded. A string, not a `{$ref}` object: Prism 5.14 dereferences `$ref` inside extensions
 * too, and StageResult (which reaches the recursive LocalizableMessage by several paths) then makes
 * it answer every error of the operation with 500 "Invalid reference token: paths".
 */
export const TASK_RESULT_EXT = 'x-vmw-task-result';

const JSON_MEDIA = 'application/json';

/** The OpenAPI operation object for one catalogued operation. */
export function operationObject(op: Operation): OpenAPIV3_1.OperationObject {
  const object: OpenAPIV3_1.OperationObject = {
    operationId: op.operationId,
    summary: op.summary,
    description: operationDescription(op),
    tags: [tagOf(op.operationId)],
    ...(op.deprecated && { deprecated: true }),
    parameters: uniqueParameters(op, [...pathParameters(op), ...queryParameters(op), ...documentedQueryParameters(op)]),
    ...(op.request && {
      requestBody: {
        description: op.request.description,
        required: op.request.required,
        content: { [JSON_MEDIA]: { schema: { $ref: componentRef(op.request.schema) } } },
      },
    }),
    responses: responses(op),
    security: [{ [op.auth === 'basic' ? 'basic_auth' : 'api_key_auth']: [] }],
  };
  if (object.parameters?.length === 0) delete object.parameters;
  if (op.task?.resultSchema) Object.assign(object, { [TASK_RESULT_EXT]: componentRef(op.task.resultSchema) });
  return object;
}

/** `Cis.Tasks_get` → `Cis.Tasks`, the tag the official spec gives the operation. */
function tagOf(operationId: string): string {
  return operationId.split('_')[0] ?? operationId;
}

function operationDescription(op: Operation): string {
  const lines = [op.summary, '', `Catalogue id: \`${op.id}\` (class ${op.class}).`];
  if (op.since) lines.push(`Added in vSphere API ${op.since}.`);
  if (op.deprecated)
    lines.push(
      `Deprecated since ${op.deprecated.since}${op.deprecated.replacement ? `; replaced by \`${op.deprecated.replacement}\`` : ''}.`,
    );
  if (op.outsideContract) lines.push(`Not certified by vcconform: ${op.outsideContract}.`);
  return [...lines, '', ...privilegeLines(op.privileges)].join('\n');
}

function privilegeLines(p: Privileges): string[] {
  const lines = ['Privileges:'];
  lines.push(`- operation: ${p.operation.length ? p.operation.join(', ') : 'none'}`);
  for (const r of p.resources) lines.push(`- on ${r.resourceType} (${r.via}): ${r.privileges.join(', ')}`);
  if (p.note) lines.push(`- note: ${p.note}`);
  return lines;
}

function pathParameters(op: Operation): OpenAPIV3_1.ParameterObject[] {
  const declared = op.pathParams
    .map((p) => p.name)
    .sort()
    .join(',');
  const templated = [...op.path.matchAll(/\{([^}]+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
  // OpenAPI requires exactly one path parameter per template variable.
  if (declared !== templated)
    throw new SpecError(
      message(`build OpenAPI operation ${op.id}`, `its path has {${templated}} but it declares path parameters {${declared}}`),
    );
  return op.pathParams.map((p) => ({
    name: p.name,
    in: 'path',
    required: true,
    description: p.description,
    schema: { type: 'string' },
    [RESOURCE_TYPE_EXT]: p.resourceType,
  }));
}

/** The fixed query the official spec writes into the path key, as required single-value enums. */
function queryParameters(op: Operation): OpenAPIV3_1.ParameterObject[] {
  const fixed: [string, string | undefined, string][] = [
    ['action', op.query.action, 'The operation to invoke on the resource; fixed for this operation.'],
    ['vmw-task', op.query['vmw-task'], 'Run the operation as a task: the response is the task identifier.'],
  ];
  return fixed.flatMap(([name, value, description]) =>
    value === undefined
      ? []
      : [
          {
            name,
            in: 'query',
            required: true,
            description,
            schema: { type: 'string', enum: [value] },
          },
        ],
  );
}

/** The query parameters the spec declares, as it declares them: schema by ref, style and explode kept. */
function documentedQueryParameters(op: Operation): OpenAPIV3_1.ParameterObject[] {
  return (op.queryParams ?? []).map((q) => ({
    name: q.name,
    in: 'query',
    required: q.required,
    description: q.description,
    style: q.style,
    explode: q.explode,
    schema: { $ref: componentRef(q.schema) },
  }));
}

/** OpenAPI identifies a parameter by name and location: two with the same pair are a catalogue slip. */
function uniqueParameters(op: Operation, parameters: OpenAPIV3_1.ParameterObject[]): OpenAPIV3_1.ParameterObject[] {
  const keys = parameters.map((p) => `${p.in} ${p.name}`);
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (twice.length)
    throw new SpecError(
      message(
        `build OpenAPI operation ${op.id}`,
        `it declares the ${[...new Set(twice)].join(', ')} parameter more than once`,
        'Check query and queryParams in specs/operations.ts',
      ),
    );
  return parameters;
}

function responses(op: Operation): OpenAPIV3_1.ResponsesObject {
  const out: OpenAPIV3_1.ResponsesObject = { [op.success.status]: successResponse(op) };
  for (const [status, errors] of byStatus(op.errors)) {
    if (status === op.success.status)
      throw new SpecError(message(`build OpenAPI operation ${op.id}`, `status ${status} is both its success and an error`));
    out[status] = errorResponse(op, status, errors);
  }
  return out;
}

function successResponse(op: Operation): OpenAPIV3_1.ResponseObject {
  const { schema, description } = op.success;
  return { description, ...(schema && { content: { [JSON_MEDIA]: { schema: { $ref: componentRef(schema) } } } }) };
}

function byStatus(errors: readonly DocumentedError[]): Map<number, DocumentedError[]> {
  const groups = new Map<number, DocumentedError[]>();
  for (const e of [...errors].sort((a, b) => a.status - b.status)) groups.set(e.status, [...(groups.get(e.status) ?? []), e]);
  return groups;
}

function errorResponse(op: Operation, status: number, errors: DocumentedError[]): OpenAPIV3_1.ResponseObject {
  const schemas = [...new Set(errors.map((e) => e.schema))];
  // OpenAPI has one schema per status; the official spec never gives two, so two is a catalogue slip.
  if (schemas.length !== 1)
    throw new SpecError(
      message(
        `build OpenAPI operation ${op.id}`,
        `its ${status} errors name different schemas (${schemas.join(', ')})`,
        'Give every error of one status the same schema in specs/operations.ts',
      ),
    );
  return {
    description: errors.map((e) => `***${e.errorTypes.join('***, ***')}*** ${e.when}`).join('\n\n'),
    content: { [JSON_MEDIA]: { schema: { $ref: componentRef(schemas[0] as string) } } },
    [ERROR_TYPES_EXT]: errors.flatMap((e) => e.errorTypes),
  } as OpenAPIV3_1.ResponseObject;
}
