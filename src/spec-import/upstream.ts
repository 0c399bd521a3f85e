import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../specs/catalogue-types';
import { SpecError, message } from '../errors';

export type Json = Record<string, unknown>;

/** The vendored 9.1 spec: component schemas and path items keyed as the spec keys them. */
export interface Upstream {
  components: Record<string, Json>;
  paths: Record<string, Record<string, Json>>;
}

export const UPSTREAM_DIR = join(__dirname, '..', '..', 'specs', 'upstream', 'vcenter-9.1');

/** Reads every vendored fragment of the 9.1 spec. */
export function loadUpstream(dir = UPSTREAM_DIR): Upstream {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  // components.json and components-more.json (the shared extract's second block, e.g. Appliance.System.Version.VersionStruct).
  const components: Record<string, Json> = {};
  for (const file of files.filter((f) => f.startsWith('components'))) {
    for (const [name, schema] of Object.entries((read(file).components as Json).schemas as Record<string, Json>)) {
      if (components[name]) throw new SpecError(message(`load ${file}`, `schema ${name} is defined in two component files`));
      components[name] = schema;
    }
  }
  const paths: Upstream['paths'] = {};
  for (const file of files.filter((f) => f.startsWith('paths-'))) Object.assign(paths, read(file).paths);
  return { components, paths };
}

/** The spec's path key for an operation: relative to `/api`, with `action`/`vmw-task` inside. */
export function upstreamKey(op: Pick<Operation, 'path' | 'query'>): string {
  const query = Object.entries(op.query)
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join('&');
  return op.path.replace(/^\/api/, '') + (query ? `?${query}` : '');
}

/** The spec's operation object for a catalogued operation, or undefined. */
export function upstreamOperation(up: Upstream, op: Pick<Operation, 'path' | 'query' | 'method'>): Json | undefined {
  return up.paths[upstreamKey(op)]?.[op.method.toLowerCase()];
}

/** `#/components/schemas/X` → `X`, the schema's `$id` in specs/. */
export function refToId(ref: string): string {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : ref;
}

/** The `application/json` schema of a request body or response, if any. */
export function jsonSchemaOf(part: Json | undefined): Json | undefined {
  const content = part?.content as Record<string, Json> | undefined;
  return content?.['application/json']?.schema as Json | undefined;
}
