import fc from 'fast-check';
import { schemaFor, validatorFor } from '../../specs/index';
import { message, SpecError } from '../errors';
import { arbitraryFor, arbitraryForSchema } from './arbitrary-for';
import { flatten } from './flatten';
import { roundTrip } from './json';
import { documentId, type Resolve, type SchemaNode } from './keywords';
import { applyMutation, mutationSites, type Mutation } from './mutation-sites';
import type { GeneratorOptions } from './options';

export type { Mutation, MutationKind } from './mutation-sites';

/** A value that the schema rejects, and the one mutation of a valid value that made it so. */
export interface InvalidValue {
  value: unknown;
  mutation: Mutation;
}

/** Decides validity of a JSON value, e.g. `validatorFor(id)`. */
export type Validate = (value: unknown) => boolean;

/**
 * Invalid values of an in-memory schema: a valid value with one mutation applied. Mutations are
 * invalid by construction; the final filter (on the JSON round-trip, as sent on the wire) only
 * guards against an edit that serialization undoes.
 */
export function invalidArbitraryForSchema(
  schema: Record<string, unknown>,
  resolve: Resolve,
  validate: Validate,
  options?: GeneratorOptions,
): fc.Arbitrary<InvalidValue> {
  return invalidFrom(arbitraryForSchema(schema, resolve, options), schema, resolve, validate);
}

/** Invalid values of the specs/ schema with this `$id`, checked with `validatorFor(id)`. */
export function invalidArbitraryFor(id: string, options?: GeneratorOptions): fc.Arbitrary<InvalidValue> {
  const validate = validatorFor(id);
  return invalidFrom(arbitraryFor(id, options), schemaFor(id), schemaFor, (v) => validate(v));
}

function invalidFrom(
  valid: fc.Arbitrary<unknown>,
  schema: Record<string, unknown>,
  resolve: Resolve,
  validate: Validate,
): fc.Arbitrary<InvalidValue> {
  const where = `${documentId(schema)}#`;
  assertMutable(schema, where, resolve);
  return (
    valid
      .map((value) => ({ value, sites: mutationSites(value, schema, where, resolve) }))
      // Only optional parts can lack sites (assertMutable found some); such values are skipped.
      .filter(({ sites }) => sites.length > 0)
      .chain(({ value, sites }) =>
        fc.nat(sites.length - 1).chain((i) => {
          const site = sites[i] as (typeof sites)[number];
          return fc.nat(site.variants.length - 1).map((j) => applyMutation(value, site, j));
        }),
      )
      .filter((invalid) => !validate(roundTrip(invalid.value)))
  );
}

/** Throws when no location reachable in the schema constrains anything a mutation could break. */
function assertMutable(schema: SchemaNode, where: string, resolve: Resolve): void {
  const seen = new Set<SchemaNode>();
  const mutable = (node: SchemaNode, at: string): boolean => {
    if (seen.has(node)) return false;
    seen.add(node);
    const flat = flatten(node, at, resolve);
    if (
      flat.type !== undefined ||
      flat.enum !== undefined ||
      flat.required.length > 0 ||
      flat.additionalProperties === false ||
      flat.uniqueItems
    )
      return true;
    const children = [
      ...Object.entries(flat.properties),
      ['additionalProperties', flat.additionalProperties],
      ['items', flat.items],
    ] as const;
    return children.some(([key, child]) => child !== undefined && mutable(child, `${at}/${key}`));
  };
  if (!mutable(schema, where)) {
    throw new SpecError(
      message(
        `generate invalid values for ${documentId(schema as Record<string, unknown>)}`,
        'the schema admits no mutation: it accepts any JSON value',
        'Give it a type, an enum or required properties',
      ),
    );
  }
}
