import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../specs/catalogue-types';
import { DEEP_OPERATIONS } from '../../specs/deep-operations';
import { UsageError } from '../errors';
import { CATALOGUE_FILE, toFileText } from './build';
import { deriveWhatCan, type Underived } from './derive-catalogue';
import { importSchemas, schemaFileName } from './import-schemas';
import { upstreamKey } from './upstream';
import { loadSpecFile } from './user-spec';

export { SPECS_ENV } from '../../specs/operations';

/** What a user's spec gave: the operations catalogued (deep ones among them) and those left out, each with why. */
export interface SpecDir {
  operations: number;
  deep: number;
  schemas: number;
  left: Underived[];
}

/**
 * Writes the catalogue and schemas a user's complete spec gives into `dir` (catalogue.json, schemas/), the way
 * npm run build:specs writes specs/ from the vendored fragments. An operation whose derivation or schemas fail (a
 * path parameter naming no resource type, a keyword the importer does not know) is left out and named; the deep
 * operations the suites are written around must all be there, or it is a UsageError naming those missing.
 */
export function writeSpecDir(file: string, dir: string): SpecDir {
  const up = loadSpecFile(file);
  const { operations, underived } = deriveWhatCan(up, DEEP_OPERATIONS);
  const left = [...underived];
  const kept: Operation[] = [];
  for (const op of operations) {
    try {
      importSchemas(up, [op]);
      kept.push(op);
    } catch (e) {
      left.push({ key: upstreamKey(op), method: op.method, reason: (e as Error).message.replace(/^\[vcconform\] /, '') });
    }
  }
  const missing = Object.values(DEEP_OPERATIONS)
    .map((f) => f.id)
    .filter((id) => !kept.some((op) => op.id === id));
  if (missing.length)
    throw new UsageError(
      `--spec ${file}: it lacks ${missing.join(', ')} (or they could not be imported), which the deep suites test; ` +
        'vcconform needs a spec of vSphere 8.0 U1 or later',
    );
  const schemas = importSchemas(up, kept);
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  writeFileSync(join(dir, CATALOGUE_FILE), toFileText(kept));
  for (const [id, schema] of schemas) writeFileSync(join(dir, 'schemas', schemaFileName(id)), toFileText(schema));
  return { operations: kept.length, deep: kept.filter((op) => op.depth === 'deep').length, schemas: schemas.size, left };
}

/** `e.g. GET /vcenter/vm: …; …`: the first few operations a spec gave that were left out, for the one stderr line that names them. */
export function leftOutExamples(left: readonly Underived[]): string {
  return `e.g. ${left
    .slice(0, 3)
    .map((u) => `${u.method} ${u.key}: ${u.reason}`)
    .join('; ')}`;
}
