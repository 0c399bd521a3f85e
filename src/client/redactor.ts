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
  /** Each secret as given, and its placeholder. */
  private readonly secrets = new Map<string, string>();
  /** Where they are looked for: each secret and its JSON-escaped form. */
  private readonly index = new SecretIndex();
  /** Session header values known to name no session (probes): recorded as sent. */
  private readonly probes = new Set<string>();

  /** Remembers a secret and the placeholder that stands for it. */
  add(secret: string | undefined, placeholder: string): void {
    if (!secret || secret.length < 4) return;
    this.secrets.set(secret, placeholder);
    this.index.add(secret, placeholder);
    const encoded = JSON.stringify(secret).slice(1, -1); // as it appears inside JSON strings
    if (encoded !== secret) this.index.add(encoded, placeholder);
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

  /**
   * The text with every known secret, and any credential header spelt out in it, replaced (the longest secret where several start at one
   * place, so none is half-masked).
   */
  text(text: string): string {
    const out = text.replace(HEADER_IN_TEXT, (whole, name: string, sep: string, scheme: string | undefined, value: string) => {
      if (name.toLowerCase() === 'vmware-api-session-id')
        return this.probes.has(value) && !this.secrets.has(value) ? whole : `${name}${sep}<redacted:session-id>`;
      return `${name}${sep}${scheme ?? ''}<redacted>`;
    });
    return this.index.replace(out);
  }

  /** Headers with credentials masked and known secrets replaced. */
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (lower === 'authorization') out[lower] = `${value.split(' ')[0] ?? ''} <redacted>`;
      else if (lower === 'vmware-api-session-id')
        out[lower] = value === '' || (this.probes.has(value) && !this.secrets.has(value)) ? value : '<redacted:session-id>';
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

const WINDOW = 4;

/** A 16-bit hash of the WINDOW characters of `text` from `at`. */
function windowHash(text: string, at: number): number {
  return (((text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) * 31 + text.charCodeAt(at + 2)) * 31 + text.charCodeAt(at + 3)) & 0xffff;
}

/**
 * Many strings (of WINDOW characters or more) found in one pass over a text. A worker learns thousands of
 * session ids, and replacing each in turn made redaction most of a run's time; here a hash of the WINDOW
 * characters at each place screens it, and only a hit compares the secrets that begin with them (longest
 * first). The cost follows the text's length, not the number of secrets.
 */
export class SecretIndex {
  private readonly byStart = new Map<string, { secret: string; placeholder: string }[]>();
  private readonly screen = new Uint8Array(1 << 16);

  add(secret: string, placeholder: string): void {
    if (secret.length < WINDOW) throw new Error(`[vcconform] Failed to index a secret: it is shorter than ${WINDOW} characters.`);
    const start = secret.slice(0, WINDOW);
    const list = (this.byStart.get(start) ?? []).filter((e) => e.secret !== secret);
    list.push({ secret, placeholder });
    list.sort((a, b) => b.secret.length - a.secret.length);
    this.byStart.set(start, list);
    this.screen[windowHash(secret, 0)] = 1;
  }

  /** The text with every indexed string replaced by its placeholder, scanning left to right. */
  replace(text: string): string {
    if (this.byStart.size === 0) return text;
    let out = '';
    let copied = 0;
    for (let at = 0; at + WINDOW <= text.length; ) {
      const hit =
        this.screen[windowHash(text, at)] === 1
          ? this.byStart.get(text.slice(at, at + WINDOW))?.find((e) => text.startsWith(e.secret, at))
          : undefined;
      if (!hit) {
        at++;
        continue;
      }
      out += text.slice(copied, at) + hit.placeholder;
      at += hit.secret.length;
      copied = at;
    }
    return copied === 0 ? text : out + text.slice(copied);
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
