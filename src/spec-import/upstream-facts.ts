import type { ErrorType } from '../../specs/catalogue-types';
import { jsonSchemaOf, refToId, type Json, type Upstream } from './upstream';

/** One documented error as the 9.1 spec states it. */
export interface UpstreamError {
  status: number;
  errorType: string;
  schema: string;
  when: string;
}

/** Collapses whitespace so texts compare regardless of the spec's line breaks. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Error class name (`Vapi.Std.Errors.NotFound`) → error_type (`NOT_FOUND`), from the discriminator mapping. */
export function errorTypeByClass(up: Upstream): Map<string, ErrorType> {
  const base = up.components['Vapi.Std.Errors.Error'] as { discriminator: { mapping: Record<string, string> } };
  return new Map(Object.entries(base.discriminator.mapping).map(([type, ref]) => [refToId(ref), type as ErrorType]));
}

/**
 * The documented errors of a spec operation. A response whose description names several kinds
 * (`***Vapi.Std.Errors.X*** when…`) yields one entry per kind; otherwise the kind is the schema's.
 */
export function upstreamErrors(up: Upstream, spec: Json): UpstreamError[] {
  const byClass = errorTypeByClass(up);
  const out: UpstreamError[] = [];
  for (const [code, response] of Object.entries(spec.responses as Record<string, Json>)) {
    const status = Number(code);
    if (status < 400) continue;
    const ref = jsonSchemaOf(response)?.$ref;
    const schema = typeof ref === 'string' ? refToId(ref) : '';
    const text = String(response.description ?? '');
    const kinds = [...text.matchAll(/\*\*\*(Vapi\.Std\.Errors\.\w+)\*\*\*([^*]*)/g)];
    if (kinds.length === 0) out.push({ status, errorType: byClass.get(schema) ?? `?${schema}`, schema, when: normalise(text) });
    for (const [, cls, when] of kinds) out.push({ status, errorType: byClass.get(cls!) ?? `?${cls}`, schema, when: normalise(when!) });
  }
  return out;
}

/** A query parameter as the 9.1 spec declares it (schema by `$id`, description normalised). */
export interface UpstreamQueryParam {
  name: string;
  schema: string;
  style: string | undefined;
  explode: boolean | undefined;
  required: boolean;
  description: string;
}

/** The `in: query` parameters of a spec operation, in the spec's order; an inline schema is `?inline`. */
export function upstreamQueryParams(spec: Json): UpstreamQueryParam[] {
  return ((spec.parameters as Json[] | undefined) ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => {
      const ref = (p.schema as Json | undefined)?.$ref;
      return {
        name: String(p.name),
        schema: typeof ref === 'string' ? refToId(ref) : '?inline',
        style: p.style as string | undefined,
        explode: p.explode as boolean | undefined,
        required: p.required === true,
        description: normalise(String(p.description ?? '')),
      };
    });
}

/** A privilege the prose requires on a resource, and what references it there (`the parameter cluster`). */
export interface UpstreamResourcePrivilege {
  resourceType: string;
  privileges: string[];
  referencedBy: string;
}

/** Privileges from the description prose: operation-level and per referenced resource. */
export function upstreamPrivileges(spec: Json): { operation: string[]; resources: UpstreamResourcePrivilege[] } {
  const text = String(spec.description ?? '');
  const operation = [...text.matchAll(/Operation execution requires `([^`]+)`/g)].map((m) => m[1]!);
  const resources = [...text.matchAll(/The resource `([^`]+)` referenced by ([^`]*) requires `([^`]+)`/g)].map((m) => ({
    resourceType: m[1]!,
    privileges: [m[3]!],
    referencedBy: m[2]!,
  }));
  return { operation, resources };
}

/** "This operation was added in __vSphere API X__" → X. */
export function upstreamSince(spec: Json): string | undefined {
  return /added in __vSphere API ([^_]+)__/.exec(String(spec.description ?? ''))?.[1];
}

/** "deprecated as of __vSphere API X__" → X, when the operation is deprecated. */
export function upstreamDeprecatedSince(spec: Json): string | undefined {
  if (spec.deprecated !== true) return undefined;
  return /deprecated as of __vSphere API ([^_]+)__/.exec(String(spec.description ?? ''))?.[1] ?? '?';
}
