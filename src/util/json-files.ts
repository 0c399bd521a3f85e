import { readdirSync } from 'node:fs';

/** The `.json` file names in a directory, sorted; none when the directory does not exist (or cannot be listed). */
export function jsonFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}
