/**
 * Replaces secrets with placeholders before anything is recorded. It knows the passwords it was
 * given and learns every session id the client obtains; Authorization and session headers are
 * masked whatever their value.
 */
export class Redactor {
  private readonly secrets = new Map<string, string>();
  /** Session header values known to name no session (probes): recorded as sent. */
  private readonly probes = new Set<string>();

  /** Remembers a secret and the placeholder that stands for it. */
  add(secret: string | undefined, placeholder: string): void {
    if (secret && secret.length >= 4) this.secrets.set(secret, placeholder);
  }

  /** A session header value that is a probe, not a session: kept as sent, unless it is a known secret. */
  allowSessionHeader(value: string): void {
    if (!this.secrets.has(value)) this.probes.add(value);
  }

  /** The text with every known secret replaced (longest first, so no secret is half-masked). */
  text(text: string): string {
    let out = text;
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
