import { isJsonObject } from './json';

/** Appends one reference token to a JSON pointer (RFC 6901 escaping). */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The unescaped reference tokens of a JSON pointer (`''` is the whole document). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer to the container holding `pointer`, and the token naming it there. */
export function splitPointer(pointer: string): { parent: string; token: string } {
  const cut = pointer.lastIndexOf('/');
  const token = pointerTokens(pointer.slice(cut)).at(-1);
  if (cut < 0 || token === undefined) throw new RangeError(`the JSON pointer "${pointer}" has no parent`);
  return { parent: pointer.slice(0, cut), token };
}

/** The value at a pointer, or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  let here: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(here)) here = here[Number(token)];
    else if (isJsonObject(here) && Object.hasOwn(here, token)) here = here[token];
    else return undefined;
  }
  return here;
}
