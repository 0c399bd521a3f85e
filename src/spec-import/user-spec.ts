import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors';
import { isObject } from '../util/is-object';
import type { Json, Upstream } from './upstream';

/**
 * A user's complete vSphere Automation spec (`vcenter.yaml` of an 8.x/9.x release, YAML or JSON) as the
 * importer reads it: its paths and component schemas. Anything that is not an OpenAPI 3 document with both
 * is one UsageError naming the file and what is missing.
 */
export function loadSpecFile(file: string): Upstream {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--spec ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 });
  } catch (e) {
    throw new UsageError(`--spec ${file}: not JSON or YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.'))
    throw new UsageError(`--spec ${file}: not an OpenAPI 3 document (no "openapi: 3.x" at its top)`);
  const schemas = isObject(doc.components) ? doc.components.schemas : undefined;
  if (!isObject(doc.paths) || !isObject(schemas))
    throw new UsageError(`--spec ${file}: an OpenAPI document without ${isObject(doc.paths) ? 'components.schemas' : 'paths'}`);
  return { paths: doc.paths as Upstream['paths'], components: schemas as Record<string, Json> };
}
