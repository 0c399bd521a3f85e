import fc from 'fast-check';

const HEX = [...'0123456789abcdef'];
const DIGITS = [...'0123456789'];
const LOWER = [...'abcdefghijklmnopqrstuvwxyz'];
const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * What each character of `real` may become. In a hex id (a session id, a UUID) every hex digit varies over hex digits;
 * in an id with digits (`domain-c8`, a draft number) only the digits vary, so the id keeps its shape; in a name without
 * digits (`bnxtnet`) each letter varies within its case. Anything else is kept.
 */
function classes(real: string): string[][] {
  const hex = /^[0-9a-f-]+$/.test(real) && /[a-f]/.test(real);
  const digits = /[0-9]/.test(real);
  return [...real].map((c) => {
    if (hex && /[0-9a-f]/.test(c)) return HEX;
    if (/[0-9]/.test(c)) return DIGITS;
    if (!digits && /[a-z]/.test(c)) return LOWER;
    if (!digits && /[A-Z]/.test(c)) return UPPER;
    return [c];
  });
}

/** How many different ids lookalike(real) can draw, the real one included (capped at a billion). */
export function lookalikes(real: string): number {
  return Math.min(
    1e9,
    classes(real).reduce((n, c) => n * c.length, 1),
  );
}

/**
 * Ids shaped like a real one (a session id, a listed draft), none of `except`: what a target issues, but not one it
 * issued. Draw from it only where it has clearly more variants than `except` (lookalikes), or the filter never ends.
 */
export function lookalike(real: string, except: readonly string[] = [real]): fc.Arbitrary<string> {
  return fc
    .tuple(...classes(real).map((c) => fc.constantFrom(...c)))
    .map((chars) => chars.join(''))
    .filter((id) => !except.includes(id));
}
