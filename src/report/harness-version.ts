import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** vcconform's own version, from its package.json. */
export function harnessVersion(): string {
  return (JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
