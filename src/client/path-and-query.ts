/** `/path?query` of a URL, whatever its origin; a relative path is kept as is. */
export function pathAndQuery(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
}

/**
 * The query string of a catalogued operation's request: its fixed query (a value of '' is the bare
 * key, as the spec writes `?with-removed-components`), then the caller's parameters.
 */
export function queryString(fixed: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>> = {}): string {
  const bare = Object.keys(fixed).filter((k) => fixed[k] === '' && !(k in extra));
  const valued = Object.entries({ ...fixed, ...extra }).filter(([k]) => !bare.includes(k));
  return [...bare.map(encodeURIComponent), new URLSearchParams(valued).toString()].filter(Boolean).join('&');
}
