import type { Operation, ResourceType } from '../../specs/catalogue-types';
import { SpecError, message } from '../errors';
import { jsonSchemaOf, refToId, upstreamKey, upstreamOperation, type Json, type Upstream } from './upstream';

export const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
/** Annotation keyword naming the vSphere resource type an identifier string refers to. */
export const RESOURCE_TYPE = 'x-vmw-resource-type';
/** The resource type of a task identifier (`{task}` of GET /cis/tasks/{task}). */
const TASK_RESOURCE_TYPE: ResourceType = 'com.vmware.cis.task';

const COPIED = new Set(['description', 'type', 'required', 'enum', 'format', 'uniqueItems', 'deprecated']);
const ENUM_SEE = /For more information see: \*([A-Za-z0-9.]+)\*/;
const KEY_IS = /key in the (?:property|parameter|response) map (?:must|will) be an identifier for the resource type: `([^`]+)`/;
/** "…the parameter must be an identifier for the resource type: `X`": X (a path parameter, a property, a create's answer). */
export const ONE_IS = /(?:property|parameter|response) (?:must|will) be an identifier for the resource type: `([^`]+)`/;
const MANY_ARE = /(?:property|parameter) (?:must|will) contain identifiers for the resource type: `([^`]+)`/;

/**
 * Converts the vendored 9.1 spec into draft 2020-12 JSON Schemas, one per payload, keyed by `$id`:
 * refs become `$id`s, prose enums are bound to their enum schema, identifier strings get their
 * resource type, and inline payloads of catalogued operations get the catalogue's name.
 */
export function importSchemas(up: Upstream, ops: readonly Operation[]): Map<string, Json> {
  const out = new Map<string, Json>();
  const pending: string[] = [];
  const need = (id: string) => {
    if (!out.has(id) && !pending.includes(id)) pending.push(id);
  };
  const convert = (node: Json, where: string) => convertNode(node, where, up, need);

  for (const op of ops) {
    const spec = upstreamOperation(up, op);
    if (!spec)
      throw new SpecError(
        message(
          `import operation ${op.id}`,
          `the 9.1 spec has no ${op.method} ${upstreamKey(op)}`,
          'Check path and query in specs/operations.ts',
        ),
      );
    const payloads: [string | undefined, Json | undefined][] = [
      [op.request?.schema, spec.requestBody as Json | undefined],
      [op.success.schema, (spec.responses as Record<string, Json>)[String(op.success.status)]],
    ];
    for (const [id, part] of payloads) {
      if (!id) continue;
      const schema = jsonSchemaOf(part);
      if (!schema)
        throw new SpecError(
          message(`import ${id}`, `${op.operationId} has no JSON schema for it`, 'Remove the schema from the catalogue entry'),
        );
      if (typeof schema.$ref === 'string') {
        if (refToId(schema.$ref) !== id)
          throw new SpecError(message(`import ${id}`, `${op.operationId} refers to ${refToId(schema.$ref)}, the catalogue says ${id}`));
        need(id);
      } else if (!out.has(id)) {
        // The payload's own description (e.g. "The key in the parameter map must be…") is annotated too.
        const converted = convert({ description: part?.description, ...schema }, id);
        out.set(id, document(id, id === op.success.schema ? tagTaskId(op, converted) : converted));
      }
    }
    for (const q of op.queryParams ?? []) {
      const declared = ((spec.parameters as Json[] | undefined) ?? []).find((p) => p.in === 'query' && p.name === q.name);
      const schema = declared?.schema as Json | undefined;
      if (schema && typeof schema.$ref !== 'string') {
        // An inline parameter schema (an array of ids, a flag) is stored under the catalogue's name, its description annotated.
        if (!out.has(q.schema)) out.set(q.schema, document(q.schema, convert({ description: declared?.description, ...schema }, q.schema)));
        continue;
      }
      if (typeof schema?.$ref !== 'string' || refToId(schema.$ref) !== q.schema)
        throw new SpecError(
          message(
            `import query parameter ${q.name} of ${op.id}`,
            `the 9.1 spec declares ${declared ? `its schema as ${JSON.stringify(declared.schema)}` : 'no such query parameter'}, ` +
              `the catalogue says ${q.schema}`,
            'Check queryParams in specs/operations.ts',
          ),
        );
      need(q.schema);
    }
    for (const e of op.errors) need(e.schema);
    if (op.task?.resultSchema) need(op.task.resultSchema);
  }
  for (let id = pending.shift(); id; id = pending.shift()) {
    const component = up.components[id];
    if (!component) throw new SpecError(message(`import ${id}`, 'no such component in specs/upstream/vcenter-9.1/components*.json'));
    out.set(id, document(id, convert(component, id)));
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The 202 body of a `vmw-task=true` operation is the task id (vcenter-contract.md §1: "success is
 * 202 with the task id as a bare JSON string"; stage: "the task-id is the response of this
 * operation"), the identifier GET /cis/tasks/{task} takes: it gets that parameter's resource type.
 */
function tagTaskId(op: Operation, schema: Json): Json {
  if (op.query['vmw-task'] !== 'true' || schema.type !== 'string' || schema[RESOURCE_TYPE]) return schema;
  return { ...schema, [RESOURCE_TYPE]: TASK_RESOURCE_TYPE };
}

function document(id: string, body: Json): Json {
  return { $schema: DRAFT, $id: id, title: id, ...body };
}

function convertNode(node: Json, where: string, up: Upstream, need: (id: string) => void): Json {
  const out: Json = {};
  const sub = (n: unknown, key: string) => convertNode(n as Json, `${where}/${key}`, up, need);
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref') {
      out.$ref = refToId(value as string);
      need(out.$ref as string);
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, sub(v, k)]));
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : sub(value, key);
    } else if (key === 'allOf') {
      out.allOf = (value as Json[]).map((v, i) => sub(v, `allOf/${i}`));
    } else if (key === 'discriminator') {
      const d = value as { propertyName: string; mapping?: Record<string, string> };
      const mapping = Object.entries(d.mapping ?? {}).map(([k, v]) => [k, refToId(v)] as const);
      for (const [, id] of mapping) need(id); // every subtype the discriminator names is part of the closure
      out.discriminator = { propertyName: d.propertyName, ...(d.mapping && { mapping: Object.fromEntries(mapping) }) };
    } else if (key === 'nullable') {
      // OpenAPI 3.0's `nullable` (once, on an optional property): every check reads a null as unset ("missing or `null`").
    } else if (COPIED.has(key)) {
      out[key] = value;
    } else {
      throw new SpecError(
        message(`import ${where}`, `unsupported keyword "${key}"`, 'Teach src/spec-import/import-schemas.ts the keyword'),
      );
    }
  }
  annotate(out, up, need);
  return out;
}

/** Adds what the 9.1 spec states only in prose: enum bindings and identifier resource types. */
function annotate(node: Json, up: Upstream, need: (id: string) => void): void {
  const text = typeof node.description === 'string' ? node.description : '';
  const enumId = ENUM_SEE.exec(text)?.[1];
  // An enum the vendored extract does not hold (MORE.md: prose-only names such as Vcenter.Host.ConnectionState) stays unbound.
  if (enumId && up.components[enumId] && !node.enum && !node.allOf && (node.type === 'string' || node.type === 'array')) {
    if (!up.components[enumId]?.enum) throw new SpecError(message('bind enum', `${enumId} is not an enum schema`));
    if (node.type === 'string') node.allOf = [{ $ref: enumId }];
    else node.items = { ...(node.items as Json), allOf: [{ $ref: enumId }] }; // a set of enum values (FilterSpec.status)
    need(enumId);
  }
  const key = KEY_IS.exec(text)?.[1];
  const one = ONE_IS.exec(text)?.[1];
  const many = MANY_ARE.exec(text)?.[1];
  if (key && node.type === 'object') node.propertyNames = { type: 'string', [RESOURCE_TYPE]: key };
  if (one && node.type === 'string') node[RESOURCE_TYPE] = one;
  if (many && node.type === 'array' && node.items) node.items = { ...(node.items as Json), [RESOURCE_TYPE]: many };
}

/** `Cis.Task.Info` → `cis-task-info.schema.json`. */
export function schemaFileName(id: string): string {
  return `${id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/\./g, '-')
    .toLowerCase()}.schema.json`;
}
