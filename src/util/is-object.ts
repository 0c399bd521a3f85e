/** A JSON object: not null, not an array (false for undefined too, unlike generators/json's isJsonObject). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
