/** The `error_type` of a vAPI std error body, if the body has one (a string). */
export function errorTypeOf(body: unknown): string | undefined {
  const t = (body as { error_type?: unknown } | undefined)?.error_type;
  return typeof t === 'string' ? t : undefined;
}
