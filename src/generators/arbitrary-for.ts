import fc from 'fast-check';
import { schemaFor } from '../../specs/index';
import { flatten, ownProperty, schemaError, type Flat } from './flatten';
import { canonicalJson } from './json';
import { assertSupportedKeywords, documentId, type Resolve, type SchemaNode } from './keywords';
import { resolveOptions, type GeneratorOptions, type ResolvedGeneratorOptions } from './options';
import { anyJsonArbitrary, enumArbitrary, numberArbitrary, stringArbitrary } from './scalars';

export { SUPPORTED_KEYWORDS, type Resolve, type SchemaNode } from './keywords';
export type { GeneratorOptions } from './options';

const BUILDING = Symbol('building');
type Entry = fc.Arbitrary<unknown> | typeof BUILDING;

/**
 * Turns schema nodes into arbitraries. Recursion (e.g. LocalizationParam → NestedLocalizableMessage →
 * LocalizationParam) is bounded by container depth: at maxDepth only required properties and empty
 * collections are generated, so each node needs at most maxDepth + 1 arbitraries, cached here.
 */
class Builder {
  private readonly cache = new WeakMap<object, Map<number, Entry>>();

  constructor(
    private readonly resolve: Resolve,
    private readonly options: ResolvedGeneratorOptions,
  ) {}

  node(node: SchemaNode, where: string, depth: number): fc.Arbitrary<unknown> {
    if (typeof node === 'boolean') return this.flat(flatten(node, where, this.resolve), depth);
    const byDepth = this.cache.get(node) ?? new Map<number, Entry>();
    this.cache.set(node, byDepth);
    const hit = byDepth.get(depth);
    // Re-entering a node under construction only happens at maxDepth, through required properties alone.
    if (hit === BUILDING) throw schemaError(where, 'required properties recurse without end, so no finite value exists');
    if (hit) return hit;
    byDepth.set(depth, BUILDING);
    const arbitrary = this.flat(flatten(node, where, this.resolve), depth);
    byDepth.set(depth, arbitrary);
    return arbitrary;
  }

  private flat(flat: Flat, depth: number): fc.Arbitrary<unknown> {
    if (flat.never) throw schemaError(flat.where, 'the schema is false, so no value is valid');
    if (flat.enum) return enumArbitrary(flat, flat.enum);
    if (flat.nullable) return fc.oneof(fc.constant(null), this.flat({ ...flat, nullable: false }, depth));
    switch (kindOf(flat)) {
      case 'string':
        return stringArbitrary(flat);
      case 'integer':
      case 'number':
        return numberArbitrary(flat);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return this.array(flat, depth);
      case 'object':
        return this.object(flat, depth);
      default:
        return anyJsonArbitrary(this.options);
    }
  }

  private array(flat: Flat, depth: number): fc.Arbitrary<unknown[]> {
    if (depth >= this.options.maxDepth || flat.items === false) return fc.constant([]);
    const item = this.node(flat.items ?? true, `${flat.where}/items`, depth + 1);
    const maxLength = this.options.maxItems;
    // Ajv compares items by deep equality, so uniqueness is judged on key-order-free JSON text.
    return flat.uniqueItems ? fc.uniqueArray(item, { maxLength, selector: canonicalJson }) : fc.array(item, { maxLength });
  }

  private object(flat: Flat, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const minimal = depth >= this.options.maxDepth;
    const next = Math.min(depth + 1, this.options.maxDepth);
    const entries: [string, fc.Arbitrary<unknown>][] = [];
    for (const [name, sub] of Object.entries(flat.properties)) {
      if (!minimal || flat.required.includes(name)) entries.push([name, this.node(sub, `${flat.where}/properties/${name}`, next)]);
    }
    for (const name of flat.required.filter((r) => ownProperty(flat, r) === undefined))
      entries.push([name, this.undeclared(flat, name, next)]);
    const record = fc.record(Object.fromEntries(entries), { requiredKeys: [...flat.required], noNullPrototype: true });
    const extra = minimal ? undefined : this.extraEntries(flat, next);
    return extra ? fc.tuple(record, extra).map(([declared, more]) => ({ ...declared, ...more })) : record;
  }

  /** A required property the schema does not declare: valued by additionalProperties. */
  private undeclared(flat: Flat, name: string, depth: number): fc.Arbitrary<unknown> {
    if (flat.additionalProperties === false) throw schemaError(flat.where, `"${name}" is required but additionalProperties is false`);
    return this.node(flat.additionalProperties ?? true, `${flat.where}/additionalProperties`, depth);
  }

  /** Map entries: keyed by propertyNames (e.g. `domain-c8`), valued by additionalProperties. */
  private extraEntries(flat: Flat, depth: number): fc.Arbitrary<Record<string, unknown>> | undefined {
    const { additionalProperties: values, propertyNames } = flat;
    const freeForm = Object.keys(flat.properties).length === 0;
    // Open objects with declared properties stay realistic: extras only for maps and free-form objects.
    if (values === false || (!freeForm && (values === undefined || values === true))) return undefined;
    const keys = propertyNames === undefined ? fc.string({ maxLength: 12 }) : this.keys(flat, propertyNames, depth);
    const declared = (k: string) => ownProperty(flat, k) !== undefined;
    const value = this.node(values ?? true, `${flat.where}/additionalProperties`, depth);
    return fc.dictionary(
      keys.filter((k) => !declared(k)),
      value,
      { maxKeys: this.options.maxItems, noNullPrototype: true },
    );
  }

  private keys(flat: Flat, propertyNames: SchemaNode, depth: number): fc.Arbitrary<string> {
    const where = `${flat.where}/propertyNames`;
    const keyFlat = flatten(propertyNames, where, this.resolve);
    if (keyFlat.type !== undefined && keyFlat.type !== 'string')
      throw schemaError(where, `object keys are strings, but propertyNames has type ${keyFlat.type}`);
    return this.flat({ ...keyFlat, type: 'string' }, depth) as fc.Arbitrary<string>;
  }
}

/** The value kind a location generates: its type, else what its keywords imply, else any JSON. */
function kindOf(flat: Flat): string {
  if (flat.type !== undefined) return flat.type;
  if (
    Object.keys(flat.properties).length > 0 ||
    flat.required.length > 0 ||
    flat.additionalProperties !== undefined ||
    flat.propertyNames !== undefined
  )
    return 'object';
  if (flat.items !== undefined || flat.uniqueItems) return 'array';
  if (flat.resourceType !== undefined || (flat.format !== undefined && !['int64', 'double'].includes(flat.format))) return 'string';
  return flat.format !== undefined ? 'number' : 'any';
}

/** Valid values of an in-memory schema whose `$ref`s are looked up with `resolve`. */
export function arbitraryForSchema(schema: Record<string, unknown>, resolve: Resolve, options?: GeneratorOptions): fc.Arbitrary<unknown> {
  return build(schema, resolve, resolveOptions(options));
}

function build(schema: Record<string, unknown>, resolve: Resolve, options: ResolvedGeneratorOptions): fc.Arbitrary<unknown> {
  assertSupportedKeywords(schema, resolve);
  return new Builder(resolve, options).node(schema, `${documentId(schema)}#`, 0);
}

const byId = new Map<string, fc.Arbitrary<unknown>>();

/** Valid values of the specs/ schema with this `$id` (one arbitrary per id and options). */
export function arbitraryFor(id: string, options?: GeneratorOptions): fc.Arbitrary<unknown> {
  const resolved = resolveOptions(options);
  const key = `${id}\u0000${JSON.stringify(resolved)}`;
  let arbitrary = byId.get(key);
  if (!arbitrary) {
    arbitrary = build(schemaFor(id), schemaFor, resolved);
    byId.set(key, arbitrary);
  }
  return arbitrary;
}
