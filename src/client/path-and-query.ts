/** `/path?query` of a URL, whatever its origin; a relative path is kept as is. */
export function pathAndQuery(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
}
