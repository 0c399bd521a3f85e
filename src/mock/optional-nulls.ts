import { schemaFor } from '../../specs/index';
import { flattenOnce, ownProperty } from '../generators/flatten';
import type { Resolve, SchemaNode } from '../generators/keywords';
import { childPointer } from '../generators/json-pointer';

/** A request body with its optional nulls removed, and the JSON pointers where they were. */
export interface NullsUnset {
  value: unknown;
  unset: string[];
}

/**
 * Reads `null` on an optional property as unset: the 9.1 prose says "missing or `null`" throughout
 * (vcenter-contract.md §1; StageSpec.commit and .hosts, UpgradeSpec.ignore_precheck_warnings), while
 * no schema has a `null` type. Walks the value along the schema's properties, map values and array
 * items, and drops every declared, non-required property whose value is null where its schema
 * rejects null. A null required property, array item or map value is kept, so validation still
 * refuses it. Pure; the input is not changed.
 */
export function optionalNullsUnsetBy(schema: Record<string, unknown>, value: unknown, resolve: Resolve): NullsUnset {
  const unset: string[] = [];
  const visit = (v: unknown, node: SchemaNode, pointer: string, where: string): unknown => {
    if (typeof node === 'boolean' || v === null || typeof v !== 'object') return v;
    const flat = flattenOnce(node, where, resolve);
    if (Array.isArray(v)) {
      const items = flat.items;
      return items === undefined ? v : v.map((item, i) => visit(item, items, childPointer(pointer, i), `${where}/items`));
    }
    const kept: [string, unknown][] = [];
    for (const [key, child] of Object.entries(v)) {
      const declared = ownProperty(flat, key);
      const at = childPointer(pointer, key);
      if (child === null && declared !== undefined && !flat.required.includes(key) && !admitsNull(declared, `${where}/properties/${key}`)) {
        unset.push(at);
        continue;
      }
      const sub = declared ?? flat.additionalProperties;
      kept.push([key, sub === undefined ? child : visit(child, sub, at, `${where}/properties/${key}`)]);
    }
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(kept);
  };
  // Where the schema itself accepts null (no type, [T, "null"]), null is a value, not "unset".
  const admitsNull = (node: SchemaNode, where: string): boolean => {
    if (typeof node === 'boolean') return node;
    const flat = flattenOnce(node, where, resolve);
    if (flat.type !== undefined) return flat.type === 'null' || flat.nullable;
    return flat.enum === undefined || flat.enum.includes(null);
  };
  const out = visit(value, schema, '', `${String(schema.$id)}#`);
  return { value: out, unset };
}

/** optionalNullsUnsetBy for the specs/ schema with this `$id`. */
export function optionalNullsUnset(schemaId: string, value: unknown): NullsUnset {
  return optionalNullsUnsetBy(schemaFor(schemaId), value, schemaFor);
}
