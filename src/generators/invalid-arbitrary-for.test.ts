import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import type { ErrorObject } from 'ajv';
import { schemaFor, schemaIds, validatorFor } from '../../specs/index';
import { SpecError } from '../errors';
import { arbitraryFor } from './arbitrary-for';
import { invalidArbitraryFor, invalidArbitraryForSchema, type InvalidValue, type MutationKind } from './invalid-arbitrary-for';
import { canonicalJson, isJsonObject, roundTrip } from './json';
import { splitPointer, valueAt } from './json-pointer';
import { applyMutation, mutationSites } from './mutation-sites';
import { check, LAW_SEED as SEED } from './testing';
const STAGE_SPEC = 'Esx.Settings.Clusters.Software.StageSpec';
const INVENTORY = 'Vcconform.Mock.Inventory';

/** Ajv's errors for the value as sent on the wire (empty when it is valid). */
function wireErrors(id: string, value: unknown): ErrorObject[] {
  const validate = validatorFor(id);
  return validate(roundTrip(value)) ? [] : [...(validate.errors ?? [])];
}

/** Checks the mutation against the mutated value and Ajv's own account of what is wrong. */
function checkPlausible({ value, mutation }: InvalidValue, errors: readonly ErrorObject[]): void {
  const { kind, pointer } = mutation;
  const at = pointer === '' ? undefined : splitPointer(pointer);
  const reported = (keyword: string, path: string, param?: [string, string]) =>
    errors.some(
      (e) => e.keyword === keyword && e.instancePath === path && (!param || (e.params as Record<string, unknown>)[param[0]] === param[1]),
    );
  const why = () => `implausible ${kind} at "${pointer}" (${mutation.detail}) in ${JSON.stringify(value)}; ajv: ${JSON.stringify(errors)}`;
  const parent = at ? valueAt(value, at.parent) : undefined;
  switch (kind) {
    case 'missing-required':
      check(isJsonObject(parent) && !Object.hasOwn(parent, at!.token), why);
      check(reported('required', at!.parent, ['missingProperty', at!.token]), why);
      return;
    case 'extra-property':
      check(isJsonObject(parent) && Object.hasOwn(parent, at!.token), why);
      check(reported('additionalProperties', at!.parent, ['additionalProperty', at!.token]), why);
      return;
    case 'duplicate-item': {
      const list = Array.isArray(parent) ? parent.map(canonicalJson) : [];
      check(list.length > 1 && list.slice(0, -1).includes(list.at(-1)!), why);
      check(reported('uniqueItems', at!.parent), why);
      return;
    }
    case 'wrong-type':
      check(reported('type', pointer), why);
      return;
    case 'out-of-enum':
      check(typeof valueAt(value, pointer) === 'string', why);
      check(reported('enum', pointer), why);
      return;
  }
}

test.describe('invalidArbitraryFor: every generated value fails the schema, for the reported reason', () => {
  for (const id of schemaIds()) {
    test(id, () => {
      let runs = 0;
      fc.assert(
        fc.property(invalidArbitraryFor(id), (invalid) => {
          runs++;
          const errors = wireErrors(id, invalid.value);
          check(errors.length > 0, () => `${id} accepts ${JSON.stringify(invalid)}`);
          checkPlausible(invalid, errors);
        }),
        { numRuns: 200, seed: SEED, includeErrorInReport: true },
      );
      expect(runs).toBe(200);
    });
  }
});

test.describe('invalidArbitraryFor: laws', () => {
  test('every mutation site is invalid by construction (the wire filter is only a safety net)', () => {
    const stillValid: string[] = [];
    let edits = 0;
    for (const id of schemaIds()) {
      fc.sample(arbitraryFor(id), { numRuns: 10, seed: SEED }).forEach((value, n) => {
        mutationSites(value, schemaFor(id), `${id}#`, schemaFor).forEach((site, k) => {
          // One variant per site, rotating, so every variant is exercised without trying all of them on every site.
          const invalid = applyMutation(value, site, (n + k) % site.variants.length);
          edits++;
          if (wireErrors(id, invalid.value).length === 0) stillValid.push(`${id}: ${JSON.stringify(invalid.mutation)}`);
        });
      });
    }
    expect(stillValid).toEqual([]);
    expect(edits).toBeGreaterThan(1000);
  });

  test(
    'across specs/, all five kinds are produced (extra-property by the ' +
      'closed specs/vcconform/ schemas); the same seed gives the same mutations',
    () => {
      const kinds = new Set<MutationKind>();
      const extraPropertyIn = new Set<string>();
      for (const id of schemaIds()) {
        const first = fc.sample(invalidArbitraryFor(id), { numRuns: 30, seed: SEED });
        expect(fc.sample(invalidArbitraryFor(id), { numRuns: 30, seed: SEED }), id).toEqual(first);
        for (const i of first) kinds.add(i.mutation.kind);
        if (first.some((i) => i.mutation.kind === 'extra-property')) extraPropertyIn.add(id);
      }
      expect([...kinds].sort()).toEqual(['duplicate-item', 'extra-property', 'missing-required', 'out-of-enum', 'wrong-type']);
      // extra-property needs additionalProperties: false: the vSphere schemas never set it, vcconform's own
      // formats in specs/vcconform/ do (the mock inventory at its root and in every user and cluster).
      expect(schemaFor(INVENTORY).additionalProperties).toBe(false);
      expect(extraPropertyIn).toContain(INVENTORY);
      expect([...extraPropertyIn].filter((id) => !id.startsWith('Vcconform.'))).toEqual([]);
    },
  );

  test('a handcrafted additionalProperties: false schema gets extra-property mutations that fail validation', () => {
    const closed = {
      $id: 'T.Closed',
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string' }, spec: { $ref: STAGE_SPEC } },
    };
    const stageSpec = validatorFor(STAGE_SPEC);
    // Hand-written validator for T.Closed: specs/index owns the only Ajv, and T.Closed is not in specs/.
    const validate = (v: unknown) =>
      isJsonObject(v) &&
      Object.keys(v).every((k) => k === 'name' || k === 'spec') &&
      typeof v.name === 'string' &&
      (v.spec === undefined || stageSpec(v.spec));
    const extras = fc
      .sample(invalidArbitraryForSchema(closed, schemaFor, validate), { numRuns: 400, seed: SEED })
      .filter((i) => i.mutation.kind === 'extra-property');
    expect(extras.length).toBeGreaterThan(0);
    for (const { value, mutation } of extras.slice(0, 20)) {
      const { parent, token } = splitPointer(mutation.pointer);
      expect(parent).toBe('');
      expect(['name', 'spec']).not.toContain(token);
      expect(Object.hasOwn(value as object, token)).toBe(true);
    }
    expect(extras.filter(({ value }) => validate(roundTrip(value)))).toEqual([]);
  });

  test('wrong-type edits never write null where the type is nullable ([T, "null"])', () => {
    const schema = {
      $id: 'T.Nullable',
      type: 'object',
      required: ['n'],
      properties: { s: { type: ['string', 'null'] }, n: { type: 'integer' } },
    };
    const written = (value: unknown, pointer: string) =>
      mutationSites(value, schema, 'T.Nullable#', schemaFor)
        .filter((site) => site.kind === 'wrong-type' && site.pointer === pointer)
        .flatMap((site) => site.variants.map((v) => v.value));
    for (const s of ['x', null]) {
      expect(written({ s, n: 1 }, '/s')).not.toContain(null);
      expect(written({ s, n: 1 }, '/s')).toEqual(expect.arrayContaining([7, true, [], {}]));
    }
    expect(written({ n: 1 }, '/n')).toContain(null);
  });

  test('a schema that admits no mutation throws a SpecError saying so', () => {
    const anything = { $id: 'T.Anything', description: 'Any JSON value.' };
    expect(() => invalidArbitraryForSchema(anything, schemaFor, () => true)).toThrow(SpecError);
    expect(() => invalidArbitraryForSchema(anything, schemaFor, () => true)).toThrow(/T\.Anything: the schema admits no mutation/);
  });
});
