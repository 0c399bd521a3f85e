import { SpecError, message } from '../errors';

/** A JSON Schema node as the generators see it: an object, or a boolean schema. */
export type SchemaNode = boolean | Record<string, unknown>;
/** Looks up a schema by the bare `$id` a `$ref` names (e.g. `schemaFor` from specs/index). */
export type Resolve = (id: string) => Record<string, unknown>;

/** Every keyword the generators understand; any other keyword is a SpecError, never skipped. */
export const SUPPORTED_KEYWORDS = Object.freeze([
  // annotations: no effect on which values are valid
  '$schema',
  '$id',
  'title',
  'description',
  'deprecated',
  'discriminator',
  // assertions and applicators
  'type',
  'enum',
  'format',
  'x-vmw-resource-type',
  '$ref',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'uniqueItems',
] as const);

const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_KEYWORDS);

/** The `$id` of a schema document, for messages. */
export function documentId(schema: Record<string, unknown>): string {
  return typeof schema.$id === 'string' ? schema.$id : '(schema without $id)';
}

/**
 * Throws a SpecError naming the keyword and the `$id` for the first unsupported keyword in
 * `schema` or any schema it references; checked up front so depth limits never hide one.
 */
export function assertSupportedKeywords(schema: Record<string, unknown>, resolve: Resolve): void {
  const done = new Set<string>();
  const pending: Record<string, unknown>[] = [schema];
  for (let doc = pending.pop(); doc; doc = pending.pop()) {
    const id = documentId(doc);
    if (done.has(id)) continue;
    done.add(id);
    checkNode(doc, id, '', (ref) => {
      if (!done.has(ref)) pending.push(resolve(ref));
    });
  }
}

function checkNode(node: SchemaNode, id: string, pointer: string, follow: (ref: string) => void): void {
  if (typeof node === 'boolean') return;
  for (const key of Object.keys(node)) {
    if (!SUPPORTED.has(key)) {
      throw new SpecError(
        message(
          `generate values for ${id}`,
          `unsupported keyword "${key}" at ${pointer || '/'}`,
          'Teach src/generators the keyword (see SUPPORTED_KEYWORDS)',
        ),
      );
    }
  }
  if (typeof node.$ref === 'string') follow(node.$ref);
  const sub = (child: unknown, at: string) => {
    if (isSchemaNode(child)) checkNode(child, id, `${pointer}/${at}`, follow);
  };
  for (const key of ['items', 'additionalProperties', 'propertyNames'] as const) sub(node[key], key);
  if (Array.isArray(node.allOf))
    node.allOf.forEach((part, i) => {
      sub(part, `allOf/${i}`);
    });
  if (isSchemaNode(node.properties) && typeof node.properties === 'object') {
    for (const [name, child] of Object.entries(node.properties)) sub(child, `properties/${name}`);
  }
}

/** True for a value that can be a schema: a boolean or a non-array object. */
export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}
