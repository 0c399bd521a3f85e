import { join } from 'node:path';
import { DEEP_OPERATIONS } from '../../specs/deep-operations';
import { catalogueToOpenApi, expressible } from '../openapi/catalogue-to-openapi';
import { deriveCatalogue } from './derive-catalogue';
import { importSchemas, schemaFileName } from './import-schemas';
import { loadUpstream } from './upstream';

export const SPECS_DIR = join(__dirname, '..', '..', 'specs');
export const SCHEMAS_DIR = join(SPECS_DIR, 'schemas');
/** The generated operation catalogue (specs/operations.ts reads it). */
export const CATALOGUE_FILE = 'catalogue.json';

/** Serialises a generated JSON artifact the one way the repository stores it. */
export function toFileText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every generated file under specs/, by path relative to specs/, with its exact text. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const up = loadUpstream();
  const operations = deriveCatalogue(up, DEEP_OPERATIONS);
  files.set(CATALOGUE_FILE, toFileText(operations));
  const schemas = importSchemas(up, operations);
  for (const [id, schema] of schemas) {
    files.set(join('schemas', schemaFileName(id)), toFileText(schema));
  }
  // From the schemas just imported, not specs/index: the files on disk may be the stale ones.
  const { described, omitted } = expressible(operations);
  const openapi = catalogueToOpenApi(described, (id) => schemas.get(id), [...schemas.keys()], undefined, omitted);
  files.set('vcenter.openapi.json', toFileText(openapi));
  return files;
}
