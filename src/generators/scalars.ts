import fc from 'fast-check';
import type { ResolvedGeneratorOptions } from './options';
import { schemaError, type Flat } from './flatten';
import { jsonTypeOf, roundTrip } from './json';
import { resourceIdArbitrary } from './resource-ids';

// Four-digit years only: toISOString writes ±YYYYYY outside 0000-9999, which date-time rejects.
const DATE_TIME = fc
  .date({ noInvalidDate: true, min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z') })
  .map((d) => d.toISOString());

// JSON has no -0, NaN or Infinity: generate only what survives the wire unchanged.
const FINITE_DOUBLE = fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d));

// An absolute http(s) URL: host labels, a made-up top-level domain, a path of unreserved characters. fc.webUrl() took most of a
// second to construct (its character tables), paid by every worker that generated one of the few `uri` strings (export results,
// BCG links); this one takes milliseconds.
const LABEL = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const SEGMENT = fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/);
const URI = fc
  .tuple(
    fc.constantFrom('https', 'http'),
    fc.array(LABEL, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('example', 'com', 'net', 'local'),
    fc.array(SEGMENT, { maxLength: 4 }),
  )
  .map(([scheme, labels, tld, path]) => `${scheme}://${[...labels, tld].join('.')}/${path.join('/')}`);

const STRING_FORMATS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  'date-time': () => DATE_TIME,
  uri: () => URI,
  password: once(() => fc.string({ minLength: 1, maxLength: 16 })),
};

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** Strings for a `type: string` location: an identifier for its resource type, its format, or plain text. */
export function stringArbitrary(flat: Flat): fc.Arbitrary<string> {
  if (flat.resourceType !== undefined) return resourceIdArbitrary(flat.resourceType);
  if (flat.format === undefined) return fc.string({ maxLength: 12 });
  const byFormat = Object.hasOwn(STRING_FORMATS, flat.format) ? STRING_FORMATS[flat.format] : undefined;
  if (!byFormat)
    throw schemaError(flat.where, `unsupported string format "${flat.format}"`, `Supported: ${Object.keys(STRING_FORMATS).join(', ')}`);
  return byFormat();
}

/** Numbers for a `type: integer | number` location: int64 → safe integers, double → finite doubles. */
export function numberArbitrary(flat: Flat): fc.Arbitrary<number> {
  const integer = flat.type === 'integer';
  switch (flat.format) {
    case undefined:
      return integer ? fc.integer() : FINITE_DOUBLE;
    // JSON parsers read numbers as doubles, so int64 values beyond 2^53 would not round-trip.
    case 'int64':
      return fc.maxSafeInteger();
    case 'double':
      if (integer) throw schemaError(flat.where, 'format "double" on an integer');
      return FINITE_DOUBLE;
    default:
      throw schemaError(flat.where, `unsupported number format "${flat.format}"`, 'Supported: int64, double');
  }
}

/** One of the enum values allowed by the location's type (null too where the type is nullable). */
export function enumArbitrary(flat: Flat, values: readonly unknown[]): fc.Arbitrary<unknown> {
  const allowed = values.filter((v) => matchesType(v, flat.type) || (flat.nullable && v === null));
  if (allowed.length === 0) throw schemaError(flat.where, `no enum value has type ${String(flat.type)}`);
  return fc.constantFrom(...allowed);
}

/** Any small JSON value, normalised through the wire (no -0, plain objects). */
export function anyJsonArbitrary(options: ResolvedGeneratorOptions): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: Math.min(2, options.maxDepth) }).map((v) => roundTrip(v));
}

/** Whether a JSON value satisfies a JSON Schema `type` (undefined: any type). */
export function matchesType(value: unknown, type: string | undefined): boolean {
  if (type === undefined) return true;
  if (type === 'integer') return Number.isInteger(value);
  return jsonTypeOf(value) === type;
}
