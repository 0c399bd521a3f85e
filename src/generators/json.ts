/** The six JSON value types (integers are `number`). */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** The JSON type of a value as JSON.stringify would write it. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  return 'object';
}

/** True for a non-null, non-array object: a JSON object. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return jsonTypeOf(value) === 'object';
}

/** What the value becomes on the wire: JSON.parse(JSON.stringify(value)). */
export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * JSON text with object keys sorted, so that values Ajv's deep equality calls equal
 * (same members, any key order) get the same text; used as the uniqueItems selector.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isJsonObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
