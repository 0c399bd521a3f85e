import { SpecError, message } from '../errors';
import { canonicalJson } from './json';
import { isSchemaNode, type Resolve, type SchemaNode } from './keywords';

const TYPES = new Set(['object', 'array', 'string', 'boolean', 'integer', 'number', 'null']);

/**
 * One schema location with `$ref` and `allOf` folded in: everything a value there must satisfy.
 * `where` (`<$id>#<pointer>`) is only for messages.
 */
export interface Flat {
  where: string;
  never: boolean;
  type?: string;
  /** `type: [T, "null"]`: null is valid besides `type` (the only type union the generators take). */
  nullable: boolean;
  enum?: readonly unknown[];
  format?: string;
  resourceType?: string;
  properties: Readonly<Record<string, SchemaNode>>;
  required: readonly string[];
  additionalProperties?: SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  uniqueItems: boolean;
}

/** Builds the SpecError for a schema location the generators cannot honour. */
export function schemaError(where: string, reason: string, hint?: string): SpecError {
  return new SpecError(message(`generate values at ${where}`, reason, hint));
}

/** Folds a node's `$ref` and `allOf` (any number of parts) into one Flat. */
export function flatten(node: SchemaNode, where: string, resolve: Resolve, seen: readonly string[] = []): Flat {
  if (typeof node === 'boolean') return { ...ownFlat({}, where), never: !node };
  const inside = typeof node.$id === 'string' ? [...seen, node.$id] : seen;
  let flat = ownFlat(node, where);
  if (typeof node.$ref === 'string') {
    // A $ref chain that comes back to a schema it is still inside has no content to generate from.
    if (inside.includes(node.$ref)) throw schemaError(where, `$ref "${node.$ref}" refers back to itself through allOf/$ref alone`);
    flat = merge(flat, flatten(resolve(node.$ref), `${node.$ref}#`, resolve, inside));
  }
  if (Array.isArray(node.allOf)) {
    node.allOf.forEach((part: unknown, i) => {
      if (!isSchemaNode(part)) throw schemaError(where, `allOf/${i} is not a schema`);
      flat = merge(flat, flatten(part, `${where}/allOf/${i}`, resolve, inside));
    });
  }
  return flat;
}

function ownFlat(node: Record<string, unknown>, where: string): Flat {
  const { format, enum: values, required = [], properties = {}, uniqueItems = false } = node;
  const { type, nullable } = typeOf(node.type, where);
  if (format !== undefined && typeof format !== 'string') throw schemaError(where, 'format is not a string');
  if (values !== undefined && !Array.isArray(values)) throw schemaError(where, 'enum is not an array');
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string'))
    throw schemaError(where, 'required is not a list of names');
  if (!isSchemaNode(properties) || typeof properties === 'boolean') throw schemaError(where, 'properties is not an object');
  const sub = (key: string): SchemaNode | undefined => {
    const child = node[key];
    if (child !== undefined && !isSchemaNode(child)) throw schemaError(where, `${key} is not a schema`);
    return child;
  };
  const resourceType = node['x-vmw-resource-type'];
  return {
    where,
    never: false,
    nullable,
    properties: properties as Record<string, SchemaNode>,
    required: required as string[],
    uniqueItems: uniqueItems === true,
    ...(type !== undefined && { type }),
    ...(format !== undefined && { format }),
    ...(values !== undefined && { enum: values }),
    ...(typeof resourceType === 'string' && { resourceType }),
    ...defined({ additionalProperties: sub('additionalProperties'), propertyNames: sub('propertyNames'), items: sub('items') }),
  };
}

/** A `type` keyword: one of TYPES, or a pair of one of them with "null" (a nullable value). */
function typeOf(type: unknown, where: string): { type?: string; nullable: boolean } {
  if (type === undefined) return { nullable: false };
  if (typeof type === 'string' && TYPES.has(type)) return { type, nullable: false };
  const other = Array.isArray(type) && type.length === 2 && type.includes('null') ? type.find((t) => t !== 'null') : undefined;
  if (typeof other === 'string' && TYPES.has(other)) return { type: other, nullable: true };
  throw schemaError(where, `type ${JSON.stringify(type)} is not one of ${[...TYPES].join(', ')}, nor a pair of one of them with "null"`);
}

/** Both constraints at once (allOf semantics); conflicting scalars are a SpecError, not a guess. */
function merge(a: Flat, b: Flat): Flat {
  const same = <K extends 'type' | 'format'>(key: K): Flat[K] => {
    if (a[key] !== undefined && b[key] !== undefined && a[key] !== b[key])
      throw schemaError(a.where, `allOf combines ${key} "${a[key]}" with "${b[key]}"`);
    return a[key] ?? b[key];
  };
  const both = (x?: SchemaNode, y?: SchemaNode): SchemaNode | undefined => (x === undefined ? y : y === undefined ? x : { allOf: [x, y] });
  const names = [...new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])];
  const properties = Object.fromEntries(names.map((n) => [n, both(ownProperty(a, n), ownProperty(b, n)) as SchemaNode]));
  assertOpenEnough(a, b);
  assertOpenEnough(b, a);
  return {
    // null stays valid only where every part with a type admits it.
    where: a.where,
    never: a.never || b.never,
    nullable: (a.type === undefined || a.nullable) && (b.type === undefined || b.nullable),
    properties,
    required: [...new Set([...a.required, ...b.required])],
    uniqueItems: a.uniqueItems || b.uniqueItems,
    ...defined({
      type: same('type'),
      format: same('format'),
      resourceType: a.resourceType ?? b.resourceType,
      enum: mergeEnum(a.enum, b.enum),
    }),
    ...defined({
      additionalProperties: both(a.additionalProperties, b.additionalProperties),
      propertyNames: both(a.propertyNames, b.propertyNames),
      items: both(a.items, b.items),
    }),
  };
}

/** The schema of a declared property (Object.hasOwn: names like `constructor` are data here). */
export function ownProperty(flat: Flat, name: string): SchemaNode | undefined {
  return Object.hasOwn(flat.properties, name) ? flat.properties[name] : undefined;
}

function mergeEnum(a?: readonly unknown[], b?: readonly unknown[]): readonly unknown[] | undefined {
  if (!a || !b) return a ?? b;
  const inB = new Set(b.map(canonicalJson));
  return a.filter((v) => inB.has(canonicalJson(v)));
}

// additionalProperties does not see through allOf: a closed part rejects the other part's properties.
function assertOpenEnough(closed: Flat, other: Flat): void {
  if (closed.additionalProperties !== false) return;
  const foreign = Object.keys(other.properties).filter((p) => !Object.hasOwn(closed.properties, p));
  if (foreign.length > 0)
    throw schemaError(
      closed.where,
      `allOf adds properties ${foreign.join(', ')} to a part with additionalProperties: false`,
      'Declare them in the closed part',
    );
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// A 10,000-cluster batch visits the same map-value schema 10,000 times: each node is flattened once per resolver.
const flats = new WeakMap<Resolve, WeakMap<object, Flat>>();

/** flatten(), remembered per schema node and resolver (a boolean schema is flattened afresh: it is not an object). */
export function flattenOnce(node: SchemaNode, where: string, resolve: Resolve): Flat {
  if (typeof node === 'boolean') return flatten(node, where, resolve);
  let byNode = flats.get(resolve);
  if (!byNode) {
    byNode = new WeakMap<object, Flat>();
    flats.set(resolve, byNode);
  }
  let flat = byNode.get(node);
  if (!flat) {
    flat = flatten(node, where, resolve);
    byNode.set(node, flat);
  }
  return flat;
}
