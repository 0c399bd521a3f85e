import type { OpenAPIV3_1 } from 'openapi-types';
import { SpecError, message } from '../errors';

/** A JSON Schema object as stored in specs/schemas/ (bare-`$id` refs, draft 2020-12). */
export type JsonSchema = Record<string, unknown>;
/** Looks a schema up by `$id`; `undefined` (or a throw) when there is none. */
export type SchemaLookup = (id: string) => JsonSchema | undefined;

const COMPONENTS = '#/components/schemas/';

/** `Cis.Task.Info` → `#/components/schemas/Cis.Task.Info`. */
export function componentRef(id: string): string {
  return `${COMPONENTS}${id}`;
}

/**
 * `components.schemas` for these `$id`s, sorted by id (code-unit order, not locale order, so the
 * output is the same on every machine). Refs and discriminator mappings become JSON pointers.
 */
export function componentSchemas(schemaFor: SchemaLookup, ids: readonly string[]): Record<string, OpenAPIV3_1.SchemaObject> {
  const known = new Set(ids);
  const sorted = [...known].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, OpenAPIV3_1.SchemaObject> = {};
  for (const id of sorted) {
    const schema = schemaFor(id);
    if (!schema) throw new SpecError(message(`build OpenAPI component ${id}`, 'no schema has this $id'));
    if (schema.$id !== id)
      throw new SpecError(message(`build OpenAPI component ${id}`, `the schema's $id is ${JSON.stringify(schema.$id)}`));
    out[id] = toComponentSchema(schema, known);
  }
  return out;
}

/**
 * One specs/ schema as an OpenAPI 3.1 component: `$schema` and `$id` go (the component key names
 * it, and a `$id` would re-base every relative `$ref` inside it), `title` and `description` stay.
 */
export function toComponentSchema(schema: JsonSchema, known: ReadonlySet<string>): OpenAPIV3_1.SchemaObject {
  const { $schema: _dialect, $id: id, ...body } = schema;
  return rewrite(body, String(id), known) as OpenAPIV3_1.SchemaObject;
}

function rewrite(node: unknown, where: string, known: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, where, known));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = pointerTo(value, where, known);
    else if (key === 'discriminator' && hasMapping(value)) out[key] = rewriteDiscriminator(value, where, known);
    else out[key] = rewrite(value, where, known);
  }
  return out;
}

function hasMapping(value: unknown): value is { mapping: Record<string, unknown> } {
  const mapping = (value as { mapping?: unknown } | null)?.mapping;
  return typeof mapping === 'object' && mapping !== null;
}

function rewriteDiscriminator(d: { mapping: Record<string, unknown> }, where: string, known: ReadonlySet<string>): unknown {
  const mapping = Object.entries(d.mapping).map(([k, v]) => [k, pointerTo(String(v), where, known)]);
  return { ...d, mapping: Object.fromEntries(mapping) };
}

function pointerTo(id: string, where: string, known: ReadonlySet<string>): string {
  // A dangling ref would load in some tools and silently mock `{}` in others: refuse it here.
  if (!known.has(id))
    throw new SpecError(
      message(
        `build OpenAPI component ${where}`,
        `it refers to ${JSON.stringify(id)}, which is not among the schemas`,
        'Regenerate with npm run build:specs',
      ),
    );
  return componentRef(id);
}
