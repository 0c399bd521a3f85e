/**
 * The value with every `null` object property removed. The vAPI runtime omits unset optional
 * fields, the 9.1 prose says "missing or null" throughout, so null on a property reads as unset
 * (vcenter-contract.md §1). A null required property then shows up as missing.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** JSON pointers of every null object property in the value. */
export function nullPointers(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return v === null && !Array.isArray(value) ? [here] : nullPointers(v, here);
  });
}
