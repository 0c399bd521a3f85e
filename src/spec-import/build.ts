import { join } from 'node:path';
import { operations } from '../../specs/operations';
import { catalogueToOpenApi } from '../openapi/catalogue-to-openapi';
import { importSchemas, schemaFileName } from './import-schemas';
import { loadUpstream } from './upstream';

export const SPECS_DIR = join(__dirname, '..', '..', 'specs');
export const SCHEMAS_DIR = join(SPECS_DIR, 'schemas');

/** Serialises a generated JSON artifact the one way the repository stores it. */
export function toFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every generated file under specs/, by path relative to specs/, with its exact text. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const schemas = importSchemas(loadUpstream(), operations);
  for (const [id, schema] of schemas) {
    files.set(join('schemas', schemaFileName(id)), toFileText(schema));
  }
  // From the schemas just imported, not specs/index: the files on disk may be the stale ones.
  const openapi = catalogueToOpenApi(operations, (id) => schemas.get(id), [...schemas.keys()]);
  files.set('vcenter.openapi.json', toFileText(openapi));
  return files;
}
