import type {
  DocumentedError,
  ErrorType,
  HttpMethod,
  Operation,
  PathParam,
  QueryParam,
  ResourcePrivilege,
} from '../../specs/catalogue-types';
import type { DeepFacts } from '../../specs/deep-operations';
import { SpecError, message } from '../errors';
import { jsonSchemaOf, refToId, upstreamKey, type Json, type Upstream } from './upstream';
import { ONE_IS } from './import-schemas';
import {
  normalise,
  upstreamDeprecatedSince,
  upstreamErrors,
  upstreamPrivileges,
  upstreamSince,
  type UpstreamResourcePrivilege,
} from './upstream-facts';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const RESULT_OF = /describe the result of an? \*([A-Z]+) ([^*\s]+)\* operation/;

/** An operation of a spec that could not be made a catalogue record, and why. */
export interface Underived {
  key: string;
  method: HttpMethod;
  reason: string;
}

/**
 * The operation catalogue, derived from the spec: one record per (path key, method), the deep
 * operations first. `deep` holds, by operationId, what the spec cannot say about the operations
 * tested in depth. Every inline payload gets a `$id` (`<Service>.<Operation>Spec|Result|TaskId`, or
 * the deep name); a generated name that a component already has stops the derivation. Any operation
 * that cannot be derived, and any deep operation the spec lacks, stops it too: the vendored spec
 * must give the whole catalogue.
 */
export function deriveCatalogue(up: Upstream, deep: Readonly<Record<string, DeepFacts>>): Operation[] {
  const { operations, underived } = deriveWhatCan(up, deep);
  const [first] = underived;
  if (first) throw new SpecError(message(`derive ${first.method} ${first.key}`, first.reason));
  const known = Object.keys(deep).filter((id) => !operations.some((r) => r.operationId === id));
  if (known.length > 0)
    throw new SpecError(message('derive the catalogue', `the spec has no operation ${known.join(', ')}`, 'Check specs/deep-operations.ts'));
  return operations;
}

/**
 * What a user's spec (`--spec FILE`, any 8.x/9.x release) gives: every operation that can be derived,
 * and each that cannot with why (a path parameter naming no resource type, an error naming no vAPI type…).
 */
export function deriveWhatCan(
  up: Upstream,
  deep: Readonly<Record<string, DeepFacts>>,
): { operations: Operation[]; underived: Underived[] } {
  const results = taskResults(up);
  const records: Operation[] = [];
  const underived: Underived[] = [];
  for (const [key, item] of Object.entries(up.paths)) {
    for (const method of METHODS) {
      const spec = item[method.toLowerCase()];
      if (!spec) continue;
      try {
        records.push(deriveOperation(up, key, method, spec, deep[String(spec.operationId)], results));
      } catch (e) {
        // A malformed entry of a user's spec (no responses object, say) is one underived operation, not a crash.
        underived.push({ key, method, reason: (e as Error).message.replace(/^\[vcconform\] /, '') });
      }
    }
  }
  const ids = new Map<string, number>();
  for (const r of records) ids.set(r.id, (ids.get(r.id) ?? 0) + 1);
  // A task variant keeps the plain name unless the spec also has the operation without a task.
  for (const r of records) if ((ids.get(r.id) ?? 0) > 1 && r.task && r.depth === 'generic') r.id = `${r.id}Task`;
  const seen = new Set<string>();
  const unique = records.filter((r) => {
    if (!seen.has(r.id)) return seen.add(r.id);
    underived.push({ key: upstreamKey(r), method: r.method, reason: `another operation has the id ${r.id}` });
    return false;
  });
  // The deep operations first, in their list's order (suites, reports and the mock's routes read them so), then the spec's.
  const rank = (r: Operation) => (r.depth === 'deep' ? Object.keys(deep).indexOf(r.operationId) : Object.keys(deep).length);
  const ordered = unique.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j);
  return { operations: ordered.map(([r]) => r), underived };
}

function deriveOperation(
  up: Upstream,
  key: string,
  method: HttpMethod,
  spec: Json,
  facts: DeepFacts | undefined,
  results: ReadonlyMap<string, string>,
): Operation {
  const operationId = String(spec.operationId);
  const [service, name] = splitOperationId(operationId);
  const base = `${service}.${capital(name)}`;
  const [pathPart, queryPart] = key.split('?') as [string, string | undefined];
  const query = Object.fromEntries(
    (queryPart ?? '')
      .split('&')
      .filter(Boolean)
      .map((pair) => [pair.split('=')[0]!, pair.split('=')[1] ?? '']),
  );
  const params = (spec.parameters as Json[] | undefined) ?? [];
  const responses = spec.responses as Record<string, Json>;
  const successStatus = Object.keys(responses)
    .map(Number)
    .find((s) => s < 300);
  if (successStatus === undefined) throw new SpecError(message(`derive ${operationId}`, 'the spec documents no 2xx answer'));
  const success = responses[String(successStatus)]!;
  const body = spec.requestBody as Json | undefined;
  const task = query['vmw-task'] === 'true';
  const successSchema = jsonSchemaOf(success);
  const resultSchema = task ? results.get(`${method} ${key.replace(/&vmw-task=true$/, '')}`) : undefined;
  const privileges = upstreamPrivileges(spec);
  const since = upstreamSince(spec);
  const deprecatedSince = upstreamDeprecatedSince(spec);
  const op: Operation = {
    id: facts?.id ?? genericId(operationId),
    operationId,
    summary: facts?.summary ?? firstSentence(String(spec.description ?? '')),
    method,
    path: `/api${pathPart}`,
    query,
    pathParams: params.filter((p) => p.in === 'path').map((p) => pathParam(operationId, p)),
    ...(params.some((p) => p.in === 'query') && {
      queryParams: params.filter((p) => p.in === 'query').map((p) => queryParam(up, base, p)),
    }),
    auth: (spec.security as Json[] | undefined)?.[0]?.basic_auth ? 'basic' : 'session',
    ...(body && {
      request: {
        schema: payloadId(up, jsonSchemaOf(body), facts?.names?.request ?? `${base}Spec`),
        required: body.required === true,
        description: firstParagraph(String(body.description ?? '')),
      },
    }),
    success: {
      status: successStatus,
      ...(successSchema && {
        schema: payloadId(up, successSchema, facts?.names?.success ?? `${base}${task ? 'TaskId' : 'Result'}`),
      }),
      description: firstParagraph(String(success.description ?? '')),
    },
    errors: documentedErrors(up, spec),
    privileges: {
      operation: privileges.operation,
      resources: [...privileges.resources.map((r) => annotated(r, params)), ...(facts?.privilegesFromText ?? [])],
      ...(facts?.privilegeNote && { note: facts.privilegeNote }),
    },
    ...(task && {
      task: {
        ...(resultSchema && { resultSchema }),
        service: `com.vmware.${snake(service)}`,
        operation: snake(name),
      },
    }),
    class: facts?.class ?? (method === 'GET' ? 'read-only' : 'state-changing'),
    ...(since && { since }),
    ...(deprecatedSince && { deprecated: { since: deprecatedSince, ...(facts?.replacement && { replacement: facts.replacement }) } }),
    ...(facts?.outsideContract && { outsideContract: facts.outsideContract }),
    depth: facts ? 'deep' : 'generic',
  };
  return op;
}

/** `Esx.Settings.Clusters.Software.Drafts_commit$Task` → [`Esx.Settings.Clusters.Software.Drafts`, `commit`]. */
function splitOperationId(operationId: string): [string, string] {
  const m = /^([A-Za-z0-9.]+)_([A-Za-z0-9]+)(\$Task)?$/.exec(operationId);
  if (!m) throw new SpecError(message(`derive ${operationId}`, 'the operationId is not <Service>_<operation>[$Task]'));
  return [m[1]!, m[2]!];
}

/** `Vcenter.NamespaceManagement.Software.Supervisors_list` → `vcenter.namespaceManagement.software.supervisors.list`. */
export function genericId(operationId: string): string {
  const [service, name] = splitOperationId(operationId);
  return [...service.split('.'), name].map((s) => s.charAt(0).toLowerCase() + s.slice(1)).join('.');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** vAPI spelling of a name: `NamespaceManagement` → `namespace_management`, `checkCompatibility` → `check_compatibility`. */
const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function firstParagraph(text: string): string {
  return normalise(text.split(/\n\s*\n/).find((p) => !/^This operation is deprecated/.test(p.trim())) ?? '');
}

function firstSentence(text: string): string {
  const paragraph = firstParagraph(text);
  return /^(.*?[.!?])(?:\s|$)/.exec(paragraph)?.[1] ?? paragraph;
}

function pathParam(operationId: string, p: Json): PathParam {
  const text = String(p.description ?? '');
  const resourceType = ONE_IS.exec(text)?.[1];
  if (!resourceType) throw new SpecError(message(`derive ${operationId}`, `path parameter ${p.name} names no resource type`));
  return { name: String(p.name), resourceType, description: firstParagraph(text) };
}

function queryParam(up: Upstream, base: string, p: Json): QueryParam {
  return {
    name: String(p.name),
    schema: payloadId(up, p.schema as Json | undefined, `${base}Query.${p.name}`),
    ...(p.style !== undefined && { style: p.style as 'form' }),
    ...(p.explode !== undefined && { explode: p.explode as boolean }),
    required: p.required === true,
    description: normalise(String(p.description ?? '')),
  };
}

/** A `$ref`'s component, or the name an inline schema is given (never a component's name). */
function payloadId(up: Upstream, schema: Json | undefined, inlineName: string): string {
  if (typeof schema?.$ref === 'string') return refToId(schema.$ref);
  if (up.components[inlineName])
    throw new SpecError(
      message(`name an inline schema ${inlineName}`, 'a component of the spec has this name', 'Name it in specs/deep-operations.ts'),
    );
  return inlineName;
}

function documentedErrors(up: Upstream, spec: Json): DocumentedError[] {
  return upstreamErrors(up, spec).map((e) => {
    if (e.errorType.startsWith('?'))
      throw new SpecError(
        message(`derive ${spec.operationId}`, `the ${e.status} answer names no vAPI error type (${e.errorType.slice(1)})`),
      );
    return { status: e.status, errorTypes: [e.errorType as ErrorType], schema: e.schema, when: e.when };
  });
}

/** A privilege the prose requires on a resource referenced by `the parameter cluster` → via `path parameter cluster`. */
function annotated(r: UpstreamResourcePrivilege, params: Json[]): ResourcePrivilege {
  const param = /^the parameter (\w+)$/.exec(r.referencedBy)?.[1];
  const where = params.find((p) => p.name === param)?.in;
  return {
    resourceType: r.resourceType,
    via: param && where ? `${where} parameter ${param}` : r.referencedBy,
    privileges: r.privileges,
    source: 'annotation',
  };
}

/**
 * Task result types, which the spec links only in prose: a component "…describe[s] the result of
 * a *POST /esx/…?action=stage* operation" is the result of that key's `vmw-task=true` variant.
 */
function taskResults(up: Upstream): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, schema] of Object.entries(up.components)) {
    const m = RESULT_OF.exec(normalise(String(schema.description ?? '')));
    if (m) out.set(`${m[1]} ${m[2]}`, name);
  }
  return out;
}
