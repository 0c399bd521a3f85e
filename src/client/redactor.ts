/**
 * Header values written out in free text (an HTTP client's call log, a proxy's error page):
 * `authorization: Basic …`, `vmware-api-session-id: …`, as `name: value` or `name=value`.
 */
const HEADER_IN_TEXT = /\b(authorization|vmware-api-session-id)(["']?\s*[:=]\s*["']?)((?:basic|bearer|negotiate|sign)\s+)?[^\s"',;}]+/gi;

/**
 * Replaces secrets with placeholders before anything is recorded. It knows the passwords it was
 * given and learns every session id the client obtains; Authorization and session headers are
 * masked whatever their value, in header maps and wherever free text spells one out.
 */
export class Redactor {
  private readonly secrets = new Map<string, string>();
  /** Session header values known to name no session (probes): recorded as sent. */
  private readonly probes = new Set<string>();

  /** Remembers a secret and the placeholder that stands for it. */
  add(secret: string | undefined, placeholder: string): void {
    if (secret && secret.length >= 4) this.secrets.set(secret, placeholder);
  }

  /** Remembers a user's credentials in every form they travel in: the password, its base64, and the Basic token. */
  addCredentials(username: string, password: string): void {
    this.add(password, '<redacted:password>');
    this.add(Buffer.from(password).toString('base64'), '<redacted:password>');
    this.add(basicToken(username, password), '<redacted:basic>');
  }

  /** Every secret known so far (to scrub a text this redactor does not see, e.g. a child's output). */
  known(): string[] {
    return [...this.secrets.keys()];
  }

  /** A session header value that is a probe, not a session: kept as sent, unless it is a known secret. */
  allowSessionHeader(value: string): void {
    if (!this.secrets.has(value)) this.probes.add(value);
  }

  /** The text with every known secret, and any credential header spelt out in it, replaced (longest first, so no secret is half-masked). */
  text(text: string): string {
    let out = text.replace(HEADER_IN_TEXT, (whole, name: string, sep: string, scheme: string | undefined, value: string) => {
      if (name.toLowerCase() === 'vmware-api-session-id') return this.probes.has(value) && !this.secrets.has(value) ? whole : `${name}${sep}<redacted:session-id>`;
      return `${name}${sep}${scheme ?? ''}<redacted>`;
    });
    for (const [secret, placeholder] of [...this.secrets].sort(([a], [b]) => b.length - a.length)) {
      out = out.split(secret).join(placeholder);
      const encoded = JSON.stringify(secret).slice(1, -1); // as it appears inside JSON strings
      if (encoded !== secret) out = out.split(encoded).join(placeholder);
    }
    return out;
  }

  /** Headers with credentials masked and known secrets replaced. */
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'authorization') out[lower] = `${value.split(' ')[0] ?? ''} <redacted>`;
      else if (lower === 'vmware-api-session-id') out[lower] = value === '' || (this.probes.has(value) && !this.secrets.has(value)) ? value : '<redacted:session-id>';
      else out[lower] = this.text(value);
    }
    return out;
  }

  /** A JSON value with every string that holds a known secret redacted. */
  value<T>(value: T): T {
    if (value === undefined) return value;
    return JSON.parse(this.text(JSON.stringify(value))) as T;
  }
}

/** The token of `Authorization: Basic <token>` for these credentials. */
export function basicToken(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/**
 * An error on its way out of the harness's wire, rewritten: an HTTP client's call log (which lists
 * every request header) is dropped and every known secret masked, in the message and the stack.
 */
export function redactError(redactor: Redactor, e: unknown): Error {
  if (!(e instanceof Error)) return new Error(redactor.text(String(e)));
  const clean = (text: string) => redactor.text(text.replace(/\n\s*Call log:[\s\S]*$/, ''));
  e.message = clean(e.message);
  if (e.stack) e.stack = clean(e.stack);
  return e;
}
