import { schemaFor } from '../../specs/index';
import { flatten } from '../generators/flatten';
import type { SchemaNode } from '../generators/keywords';
import { isObject } from '../util/is-object';

/** One step from a value into the values it holds. */
export type Step = { property: string } | 'items' | 'values' | 'keys';

/**
 * Where a schema's values carry identifiers of a resource type (`x-vmw-resource-type`): a path of
 * steps from the root to a string (`items` → `cluster` of `Vcenter.Cluster.Summary[]`) or to the
 * keys of a map (`keys` of `Drafts.ListResult`).
 */
export interface IdSite {
  resourceType: string;
  path: readonly Step[];
}

/** How deep a walk goes: deeper id fields are references inside details, not what a read lists. */
const MAX_DEPTH = 4;
const cache = new Map<string, IdSite[]>();

/** Every id site of the schema with this `$id`, shallowest first (cached). */
export function idSites(schemaId: string): IdSite[] {
  let sites = cache.get(schemaId);
  if (!sites) {
    sites = [];
    walk({ $ref: schemaId }, `${schemaId}#`, [], [], sites);
    sites.sort((a, b) => a.path.length - b.path.length);
    cache.set(schemaId, sites);
  }
  return sites;
}

function walk(node: SchemaNode, where: string, path: Step[], inside: readonly string[], out: IdSite[]): void {
  if (path.length > MAX_DEPTH || typeof node === 'boolean') return;
  const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
  if (ref && inside.includes(ref)) return; // a recursive type: its ids were found on the way in
  const seen = ref ? [...inside, ref] : inside;
  const flat = flatten(node, where, schemaFor);
  if (flat.type === 'string' && flat.resourceType) out.push({ resourceType: flat.resourceType, path });
  if (flat.type === 'array' && flat.items !== undefined) walk(flat.items, `${where}/items`, [...path, 'items'], seen, out);
  if (flat.type !== 'object') return;
  for (const [name, child] of Object.entries(flat.properties)) walk(child, `${where}/${name}`, [...path, { property: name }], seen, out);
  if (isObject(flat.propertyNames) && typeof flat.propertyNames['x-vmw-resource-type'] === 'string')
    out.push({ resourceType: flat.propertyNames['x-vmw-resource-type'], path: [...path, 'keys'] });
  if (flat.additionalProperties !== undefined && flat.additionalProperties !== false)
    walk(flat.additionalProperties, `${where}/additionalProperties`, [...path, 'values'], seen, out);
}

/** The identifiers a value holds at a site, in document order, each once. */
export function idsAt(value: unknown, site: IdSite): string[] {
  let current: unknown[] = [value];
  for (const step of site.path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step === 'items') {
        if (Array.isArray(v)) next.push(...v);
      } else if (!isObject(v)) {
      } else if (step === 'values') {
        next.push(...Object.values(v));
      } else if (step === 'keys') {
        next.push(...Object.keys(v));
      } else if (Object.hasOwn(v, step.property)) {
        next.push(v[step.property]);
      }
    }
    current = next;
  }
  return [...new Set(current.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/** `items.cluster`, `keys`: a site's path for people. */
export function sitePath(site: IdSite): string {
  return site.path.length === 0 ? '(the body)' : site.path.map((s) => (typeof s === 'string' ? `[${s}]` : s.property)).join('.');
}
