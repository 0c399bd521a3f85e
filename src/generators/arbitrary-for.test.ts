import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { schemaFor, schemaIds, validatorFor } from '../../specs/index';
import { SpecError, UsageError } from '../errors';
import { arbitraryFor, arbitraryForSchema, SUPPORTED_KEYWORDS, type Resolve } from './arbitrary-for';
import { canonicalJson, roundTrip } from './json';
import { resolveOptions } from './options';
import { check, LAW_SEED as SEED } from './testing';
const STAGE_SPEC = 'Esx.Settings.Clusters.Software.StageSpec';
const UPGRADE_SPEC_MAP = 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap';

/** Resolves handcrafted schemas first, then specs/. */
const resolverWith =
  (...local: Record<string, unknown>[]): Resolve =>
  (id) =>
    local.find((s) => s.$id === id) ?? schemaFor(id);
const sample = <T>(arb: fc.Arbitrary<T>, numRuns = 200, seed = SEED) => fc.sample(arb, { numRuns, seed });

test.describe('arbitraryFor: 1,000 generated values pass the schema', () => {
  for (const id of schemaIds()) {
    test(id, () => {
      const validate = validatorFor(id);
      let runs = 0;
      fc.assert(
        fc.property(arbitraryFor(id), (value) => {
          runs++;
          check(validate(value), () => `${id} rejects a generated value: ${JSON.stringify(validate.errors, null, 1)}`);
          // Values must reach a server unchanged: no -0, NaN, undefined or null-prototype objects.
          check(isDeepStrictEqual(roundTrip(value), value), () => `${JSON.stringify(value)} changes on the JSON round-trip`);
        }),
        { numRuns: 1000, seed: SEED, includeErrorInReport: true },
      );
      expect(runs).toBe(1000);
    });
  }
});

test.describe('arbitraryFor: laws and edges', () => {
  test('the same seed yields the same values, from the cached and from a fresh arbitrary', () => {
    for (const id of schemaIds()) {
      const fresh = arbitraryForSchema(schemaFor(id), schemaFor);
      expect(sample(arbitraryFor(id), 20), id).toEqual(sample(fresh, 20));
    }
    expect(sample(arbitraryFor('Cis.Task.Info'), 20, 1)).not.toEqual(sample(arbitraryFor('Cis.Task.Info'), 20, 2));
  });

  test('an unsupported keyword throws a SpecError naming the keyword and the $id, wherever it hides', () => {
    const tiny = { $id: 'Tiny.Schema', type: 'string', pattern: '^a' };
    expect(() => arbitraryForSchema(tiny, resolverWith())).toThrow(SpecError);
    expect(() => arbitraryForSchema(tiny, resolverWith())).toThrow(/Tiny\.Schema.*unsupported keyword "pattern"/);
    const nested = { $id: 'Tiny.Nested', type: 'object', properties: { a: { type: 'array', items: { type: 'string', minLength: 1 } } } };
    expect(() => arbitraryForSchema(nested, resolverWith())).toThrow(/Tiny\.Nested.*"minLength" at \/properties\/a\/items/);
    // Behind a $ref and an optional property that the depth bound would never generate.
    const referenced = { $id: 'Tiny.Deep', type: 'object', properties: { x: { oneOf: [{ type: 'string' }] } } };
    const outer = { $id: 'Tiny.Outer', type: 'object', properties: { deep: { $ref: 'Tiny.Deep' } } };
    expect(() => arbitraryForSchema(outer, resolverWith(referenced), { maxDepth: 0 })).toThrow(/Tiny\.Deep.*unsupported keyword "oneOf"/);
    expect(SUPPORTED_KEYWORDS).toContain('x-vmw-resource-type');
    expect(SUPPORTED_KEYWORDS).not.toContain('pattern');
  });

  test('unsupported formats and unsatisfiable schemas throw instead of guessing', () => {
    expect(() => arbitraryForSchema({ $id: 'T.Fmt', type: 'string', format: 'ipv4' }, resolverWith())).toThrow(/T\.Fmt#.*format "ipv4"/);
    const loop = { $id: 'T.Loop', type: 'object', required: ['next'], properties: { next: { $ref: 'T.Loop' } } };
    expect(() => arbitraryForSchema(loop, resolverWith(loop))).toThrow(/recurse without end/);
    const clash = { $id: 'T.Clash', type: 'string', allOf: [{ $ref: 'Cis.Task.Progress' }] };
    expect(() => arbitraryForSchema(clash, resolverWith())).toThrow(/T\.Clash#.*type "string" with "object"/);
  });

  test('allOf merges an error subtype with Vapi.Std.Errors.Error', () => {
    const values = sample(arbitraryFor('Vapi.Std.Errors.Unauthenticated'), 300) as Record<string, unknown>[];
    expect(values.filter((v) => !('error_type' in v && 'messages' in v))).toEqual([]);
    expect(
      values.some((v) => typeof v.challenge === 'string'),
      'own optional property appears',
    ).toBe(true);
  });

  test('recursion through LocalizationParam → NestedLocalizableMessage is explored and bounded', () => {
    const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
    const values = sample(arbitraryFor('Vapi.Std.LocalizationParam'), 1000);
    const nested = values.filter((v) => JSON.stringify(v).includes('"l":{') && /"params":\{"[^"]*":\{"/.test(JSON.stringify(v)));
    expect(nested.length, 'some params nest a further LocalizationParam').toBeGreaterThan(0);
    expect(Math.max(...values.map(depth))).toBeLessThanOrEqual(resolveOptions().maxDepth + 1);
    expect(sample(arbitraryFor('Vapi.Std.LocalizationParam', { maxDepth: 0 }), 50)).toEqual(Array(50).fill({}));
  });

  test('uniqueItems arrays are unique (StageSpec.hosts) and arrays respect maxItems', () => {
    const hosts = sample(arbitraryFor(STAGE_SPEC), 500).flatMap((v) =>
      (v as { hosts?: string[] }).hosts ? [(v as { hosts: string[] }).hosts] : [],
    );
    expect(
      hosts.some((h) => h.length >= 2),
      'non-trivial arrays are generated',
    ).toBe(true);
    expect(hosts.filter((h) => new Set(h.map(canonicalJson)).size !== h.length)).toEqual([]);
    const lists = (sample(arbitraryFor('Cis.Tasks.FilterSpec', { maxItems: 1 }), 300) as Record<string, unknown[]>[]).flatMap((v) =>
      Object.values(v),
    );
    expect(Math.max(...lists.map((l) => l.length))).toBe(1);
  });

  test('formats: date-time in UTC, int64 safe integers, doubles finite and never -0', () => {
    const params = sample(arbitraryFor('Vapi.Std.LocalizationParam'), 500) as Record<string, unknown>[];
    const field = (name: string) => params.flatMap((p) => (name in p ? [p[name]] : []));
    expect(field('dt').length).toBeGreaterThan(0);
    expect(field('dt').filter((dt) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(dt as string))).toEqual([]);
    expect(field('i').filter((i) => !Number.isSafeInteger(i))).toEqual([]);
    expect(field('d').filter((d) => !Number.isFinite(d) || Object.is(d, -0))).toEqual([]);
    const urls = sample(arbitraryForSchema({ $id: 'T.Uri', type: 'string', format: 'uri' }, resolverWith()), 200) as string[];
    expect(urls.filter((url) => !URL.canParse(url))).toEqual([]);
  });

  test('map keys follow propertyNames; additionalProperties: false objects get no extra keys', () => {
    const patched = { ...schemaFor(UPGRADE_SPEC_MAP), propertyNames: { type: 'string', 'x-vmw-resource-type': 'ClusterComputeResource' } };
    const maps = sample(arbitraryForSchema(patched, schemaFor), 300) as Record<string, unknown>[];
    expect(maps.some((m) => Object.keys(m).length > 0)).toBe(true);
    expect(maps.flatMap((m) => Object.keys(m)).filter((key) => !/^domain-c\d+$/.test(key))).toEqual([]);
    const closed = { $id: 'T.Closed', type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } };
    expect(
      sample(arbitraryForSchema(closed, resolverWith()), 200)
        .flatMap((v) => Object.keys(v as object))
        .filter((k) => k !== 'a'),
    ).toEqual([]);
  });

  test('a nullable type ([T, "null"]) yields both null and T, also through an enum and allOf; other unions throw', () => {
    const nullable = {
      $id: 'T.Nullable',
      type: 'object',
      required: ['s', 'e', 'o'],
      properties: {
        s: { type: ['string', 'null'] },
        e: { type: ['string', 'null'], enum: ['a', null] },
        o: { type: ['null', 'object'], required: ['n'], properties: { n: { type: 'integer' } } },
      },
    };
    const values = sample(arbitraryForSchema(nullable, resolverWith()), 300) as Record<string, unknown>[];
    for (const key of ['s', 'e', 'o']) {
      expect(values.filter((v) => v[key] === null).length, `${key} is sometimes null`).toBeGreaterThan(0);
      expect(values.filter((v) => v[key] !== null).length, `${key} is sometimes not null`).toBeGreaterThan(0);
    }
    expect(values.filter((v) => v.e !== null && v.e !== 'a')).toEqual([]);
    expect(values.filter((v) => v.o !== null && !Number.isInteger((v.o as { n?: unknown }).n))).toEqual([]);
    // allOf: null stays valid only where every part with a type admits it.
    const narrowed = { $id: 'T.Narrowed', type: ['string', 'null'], allOf: [{ type: 'string' }] };
    expect(sample(arbitraryForSchema(narrowed, resolverWith()), 100).filter((v) => typeof v !== 'string')).toEqual([]);
    const open = { $id: 'T.Open', type: ['string', 'null'], allOf: [{ description: 'no type' }] };
    expect(sample(arbitraryForSchema(open, resolverWith()), 100)).toContain(null);
    expect(() => arbitraryForSchema({ $id: 'T.Union', type: ['string', 'integer'] }, resolverWith())).toThrow(
      /T\.Union#.*nor a pair of one of them with "null"/,
    );
    expect(() => arbitraryForSchema({ $id: 'T.Null', type: ['null', 'null'] }, resolverWith())).toThrow(SpecError);
  });

  test('options are resolved once, with defaults, and bad values are refused', () => {
    expect(resolveOptions()).toEqual({ maxItems: 3, maxDepth: 4 });
    expect(resolveOptions({ maxItems: 1 })).toEqual({ maxItems: 1, maxDepth: 4 });
    expect(() => resolveOptions({ maxItems: -1 })).toThrow(UsageError);
    expect(() => arbitraryFor('Cis.Task.Info', { maxDepth: 1.5 })).toThrow(/maxDepth must be a non-negative integer/);
  });
});
