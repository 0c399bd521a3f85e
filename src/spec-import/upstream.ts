import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../specs/catalogue-types';

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
  const components = (read('components.json').components as Json).schemas as Record<string, Json>;
  const paths: Upstream['paths'] = {};
  for (const file of readdirSync(dir).filter((f) => f.startsWith('paths-') && f.endsWith('.json')).sort()) {
    Object.assign(paths, read(file).paths);
  }
  return { components, paths };
}

/** The spec's path key for an operation: relative to `/api`, with `action`/`vmw-task` inside. */
export function upstreamKey(op: Pick<Operation, 'path' | 'query'>): string {
  const query = Object.entries(op.query).map(([k, v]) => `${k}=${v}`).join('&');
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
