import { flattenOnce, ownProperty, type Flat } from './flatten';
import { childPointer, splitPointer, valueAt } from './json-pointer';
import { isJsonObject, roundTrip, type JsonType } from './json';
import type { Resolve, SchemaNode } from './keywords';

/** The ways a valid value is made invalid. */
export type MutationKind = 'missing-required' | 'wrong-type' | 'out-of-enum' | 'extra-property' | 'duplicate-item';

/** What was changed: `pointer` is the JSON pointer of the removed, replaced or added location. */
export interface Mutation {
  kind: MutationKind;
  pointer: string;
  detail: string;
}

/** One place in a value where a mutation of one kind applies, with its alternative edits. */
export interface MutationSite {
  kind: MutationKind;
  pointer: string;
  variants: readonly { edit: 'set' | 'remove'; value?: unknown; detail: string }[];
}

// One representative per JSON type; a wrong-type edit writes one whose type the schema rejects.
const SAMPLES: Readonly<Record<JsonType, unknown>> = { string: 'vcconform', number: 7, boolean: true, null: null, array: [], object: {} };

/** Every mutation site of a valid value, each invalid by construction against the schema. */
export function mutationSites(value: unknown, schema: SchemaNode, where: string, resolve: Resolve): MutationSite[] {
  const sites: MutationSite[] = [];
  const visit = (v: unknown, node: SchemaNode, pointer: string, at: string, optional: boolean): void => {
    const flat = flattenOnce(node, at, resolve);
    typeSite(flat, pointer, optional, sites);
    enumSite(flat, v, pointer, sites);
    if (isJsonObject(v)) {
      objectSites(flat, v, pointer, sites);
      for (const [key, child] of Object.entries(v)) {
        const declared = ownProperty(flat, key);
        const sub = declared ?? flat.additionalProperties;
        // A map value (additionalProperties) is an entry, not an optional property: null stays a wrong type there.
        if (sub !== undefined && sub !== true)
          visit(child, sub, childPointer(pointer, key), `${at}/properties/${key}`, declared !== undefined && !flat.required.includes(key));
      }
    } else if (Array.isArray(v)) {
      if (flat.uniqueItems && v.length > 0) {
        sites.push({
          kind: 'duplicate-item',
          pointer: childPointer(pointer, v.length),
          variants: [{ edit: 'set', value: roundTrip(v[0]), detail: `appended a copy of item 0 to a uniqueItems array of ${v.length}` }],
        });
      }
      const items = flat.items;
      if (items !== undefined && items !== true)
        v.forEach((item, i) => {
          visit(item, items, childPointer(pointer, i), `${at}/items`, false);
        });
    }
  };
  visit(value, schema, '', where, false);
  return sites;
}

/**
 * Wrong-type edits of one location. Null is left out where it is valid (`[T, "null"]`) and on an
 * optional property: the 9.1 prose reads "missing or `null`" as unset throughout (vcenter-contract.md
 * §1; StageSpec.commit, UpgradeSpec.ignore_precheck_warnings), so a vCenter acts on such a request
 * although the schema, which has no `null` type, rejects it. A required property, an array item and
 * a map value still get null.
 */
function typeSite(flat: Flat, pointer: string, optional: boolean, sites: MutationSite[]): void {
  if (flat.type === undefined) return;
  const own: JsonType = flat.type === 'integer' ? 'number' : (flat.type as JsonType);
  const others = (Object.keys(SAMPLES) as JsonType[]).filter((t) => t !== own && !((flat.nullable || optional) && t === 'null'));
  sites.push({
    kind: 'wrong-type',
    pointer,
    variants: others.map((t) => ({
      edit: 'set',
      value: SAMPLES[t],
      detail: `expected ${flat.type}, wrote ${t} ${JSON.stringify(SAMPLES[t])}`,
    })),
  });
}

function enumSite(flat: Flat, value: unknown, pointer: string, sites: MutationSite[]): void {
  // A non-string location gets wrong-type edits instead; a string not in the enum must be a string to test the enum.
  if (!flat.enum || typeof value !== 'string') return;
  const taken = new Set(flat.enum.filter((v): v is string => typeof v === 'string'));
  let outsider = `${value}_NOT_IN_ENUM`;
  while (taken.has(outsider)) outsider += '_';
  sites.push({
    kind: 'out-of-enum',
    pointer,
    variants: [{ edit: 'set', value: outsider, detail: `"${outsider}" is not one of ${flat.enum.length} enum values` }],
  });
}

function objectSites(flat: Flat, value: Record<string, unknown>, pointer: string, sites: MutationSite[]): void {
  for (const name of flat.required) {
    if (Object.hasOwn(value, name))
      sites.push({
        kind: 'missing-required',
        pointer: childPointer(pointer, name),
        variants: [{ edit: 'remove', detail: `removed required property "${name}"` }],
      });
  }
  if (flat.additionalProperties !== false) return;
  let name = 'vcconform_extra';
  while (Object.hasOwn(value, name) || ownProperty(flat, name) !== undefined) name += '_';
  sites.push({
    kind: 'extra-property',
    pointer: childPointer(pointer, name),
    variants: [{ edit: 'set', value: 'unexpected', detail: `added "${name}" where additionalProperties is false` }],
  });
}

/** Applies one variant of a site to a copy of `value`; the original is left untouched. */
export function applyMutation(value: unknown, site: MutationSite, variant: number): { value: unknown; mutation: Mutation } {
  const chosen = site.variants[variant];
  if (!chosen) throw new RangeError(`site ${site.pointer} has no variant ${variant}`);
  const mutation: Mutation = { kind: site.kind, pointer: site.pointer, detail: chosen.detail };
  if (site.pointer === '') return { value: roundTrip(chosen.value), mutation };
  const copy = roundTrip(value);
  const { parent, token } = splitPointer(site.pointer);
  const container = valueAt(copy, parent);
  if (Array.isArray(container)) {
    if (chosen.edit === 'remove') container.splice(Number(token), 1);
    else container[Number(token)] = roundTrip(chosen.value);
  } else if (isJsonObject(container)) {
    if (chosen.edit === 'remove') delete container[token];
    else Object.defineProperty(container, token, { value: roundTrip(chosen.value), enumerable: true, writable: true, configurable: true });
  } else {
    throw new RangeError(`nothing to mutate at ${parent}`);
  }
  return { value: copy, mutation };
}
