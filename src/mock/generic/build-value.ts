import { schemaFor } from '../../../specs/index';
import { flattenOnce, ownProperty, type Flat } from '../../generators/flatten';
import type { SchemaNode } from '../../generators/keywords';
import { isObject } from '../../util/is-object';

/** What a built answer may name: the ids of a type where the answer is read, and the time it is read. */
export interface BuildContext {
  ids(type: string): readonly string[];
  /** An ISO 8601 instant (the mock clock's). */
  now: string;
}

/** Lists of ids nest (hosts → components → …) no deeper than this; below it they are empty. */
const MAX_LIST_DEPTH = 6;

/**
 * The one deterministic value of the schema with this `$id` the generic mock answers with: required
 * properties, and optional ones only when they name an id; a string's first enum value, the clock's time for `date-time`, an https URL for
 * `uri`, an existing id for an id; 0, false; empty arrays and maps, except that a map keyed by ids
 * has one entry per id of its type, and an array of objects with an id field one item per id.
 */
export function buildValue(schemaId: string, context: BuildContext): unknown {
  return build({ $ref: schemaId }, `${schemaId}#`, context, 0, 'value');
}

function build(node: SchemaNode, where: string, context: BuildContext, depth: number, label: string): unknown {
  const flat = flattenOnce(node, where, schemaFor);
  if (flat.enum) return flat.enum[0];
  switch (kindOf(flat)) {
    case 'string':
      return stringValue(flat, context, label, node);
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return arrayValue(flat, context, depth);
    case 'object':
      return objectValue(flat, context, depth);
    default:
      return {};
  }
}

function stringValue(flat: Flat, context: BuildContext, label: string, node: SchemaNode): string {
  if (flat.resourceType !== undefined) return context.ids(flat.resourceType)[0] ?? '';
  if (flat.format === 'date-time') return context.now;
  if (flat.format === 'uri') return `https://vcenter.mock.test/${label}`;
  return firstPossibleValue(node) ?? label;
}

/**
 * The first of the "Possible values:" an enum-valued string's description lists: the 9.1 spec names the
 * enum only in prose there (`- \`COMPLIANT\`: …`), and a real value reads better than the property name.
 */
function firstPossibleValue(node: SchemaNode): string | undefined {
  const description = typeof node === 'object' && typeof node.description === 'string' ? node.description : '';
  return /Possible values:\s*- `([^`]+)`/.exec(description)?.[1];
}

/** One item per id when the items are objects with an id field; otherwise empty. */
function arrayValue(flat: Flat, context: BuildContext, depth: number): unknown[] {
  if (flat.items === undefined || depth >= MAX_LIST_DEPTH) return [];
  const where = `${flat.where}/items`;
  const items = flattenOnce(flat.items, where, schemaFor);
  const id = kindOf(items) === 'object' ? idProperty(items) : undefined;
  if (!id) return [];
  return context.ids(id.type).map((value) => ({ ...objectValue(items, context, depth + 1), [id.name]: value }));
}

function objectValue(flat: Flat, context: BuildContext, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of flat.required) {
    const sub = ownProperty(flat, name) ?? (isSchemaObject(flat.additionalProperties) ? flat.additionalProperties : {});
    out[name] = build(sub, `${flat.where}/properties/${name}`, context, depth, name);
  }
  // An optional id field is set too: a read that names one object (compliance's `commit`) is how its consumers find it.
  for (const [name, sub] of Object.entries(flat.properties)) {
    if (Object.hasOwn(out, name)) continue;
    const type = idType(sub, `${flat.where}/properties/${name}`);
    const id = type === undefined ? undefined : context.ids(type)[0];
    if (id !== undefined) out[name] = id;
  }
  const keyType = idType(flat.propertyNames, `${flat.where}/propertyNames`);
  if (keyType === undefined || depth >= MAX_LIST_DEPTH) return out;
  const values = isSchemaObject(flat.additionalProperties) ? flat.additionalProperties : {};
  for (const key of context.ids(keyType)) {
    const value = build(values, `${flat.where}/additionalProperties`, context, depth + 1, 'value');
    // A key spelt __proto__ is data here, as JSON.parse makes it.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The field that identifies an item: `id`/`identifier`, else the id field named like its type
 * (`cluster` of ClusterComputeResource, `version` of SupervisorVersion), else the first id field.
 */
function idProperty(flat: Flat): { name: string; type: string } | undefined {
  const ids = Object.entries(flat.properties).flatMap(([name, node]) => {
    const type = idType(node, `${flat.where}/properties/${name}`);
    return type === undefined ? [] : [{ name, type }];
  });
  const squash = (s: string) => s.replace(/[^a-z]/gi, '').toLowerCase();
  return (
    ids.find((p) => p.name === 'id' || p.name === 'identifier') ??
    ids.find((p) => squash(p.type.split('.').at(-1) ?? '').includes(squash(p.name))) ??
    ids[0]
  );
}

/** The resource type of an id string schema; undefined for anything else. */
function idType(node: SchemaNode | undefined, where: string): string | undefined {
  if (node === undefined || typeof node === 'boolean') return undefined;
  const flat = flattenOnce(node, where, schemaFor);
  return kindOf(flat) === 'string' && !flat.enum ? flat.resourceType : undefined;
}

const isSchemaObject = (node: SchemaNode | undefined): node is Record<string, unknown> => isObject(node);

/** The kind of value a location takes: its type, else what its keywords imply. */
function kindOf(flat: Flat): string | undefined {
  if (flat.type !== undefined) return flat.type;
  if (Object.keys(flat.properties).length > 0 || flat.required.length > 0 || flat.propertyNames !== undefined) return 'object';
  if (flat.items !== undefined) return 'array';
  if (flat.resourceType !== undefined) return 'string';
  return undefined;
}
