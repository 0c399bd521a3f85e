/** The 25 `Vapi.Std.Errors.Error.Type` values (9.1 spec, `Vapi.Std.Errors.Error.Type`). */
export const ERROR_TYPES = [
  'ERROR',
  'ALREADY_EXISTS',
  'ALREADY_IN_DESIRED_STATE',
  'CANCELED',
  'CONCURRENT_CHANGE',
  'FEATURE_IN_USE',
  'INTERNAL_SERVER_ERROR',
  'INVALID_ARGUMENT',
  'INVALID_ELEMENT_CONFIGURATION',
  'INVALID_ELEMENT_TYPE',
  'INVALID_REQUEST',
  'NOT_ALLOWED_IN_CURRENT_STATE',
  'NOT_FOUND',
  'OPERATION_NOT_FOUND',
  'RESOURCE_BUSY',
  'RESOURCE_IN_USE',
  'RESOURCE_INACCESSIBLE',
  'SERVICE_UNAVAILABLE',
  'TIMED_OUT',
  'UNABLE_TO_ALLOCATE_RESOURCE',
  'UNAUTHENTICATED',
  'UNAUTHORIZED',
  'UNEXPECTED_INPUT',
  'UNSUPPORTED',
  'UNVERIFIED_PEER',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A vSphere resource type as the spec names it (`…identifier for the resource type: X`), e.g. `ClusterComputeResource`. */
export type ResourceType = string;

/** Whether a request can change the target's state (used by safe mode on live targets). */
export type OperationClass = 'read-only' | 'session' | 'state-changing';

export interface PathParam {
  name: string;
  resourceType: ResourceType;
  /** The spec's words for the parameter. */
  description: string;
}

/**
 * A query parameter the 9.1 spec declares in `parameters` (not the fixed `action`/`vmw-task` it writes
 * into the path key). With `style: form` and `explode: true` an object parameter is not sent under
 * its own name: each property of its schema is its own `property=value` pair
 * (`?exclude_result=true&return_all=false` for `spec` of GET /cis/tasks/{task}).
 */
export interface QueryParam {
  name: string;
  /** `$id` of the parameter's schema. */
  schema: string;
  /** As the spec declares them; absent where it does not (OpenAPI's defaults for a query: form, exploded). */
  style?: 'form';
  explode?: boolean;
  required: boolean;
  /** The spec's words for the parameter, verbatim (whitespace normalised). */
  description: string;
}

/** One documented error response: a status, the error types it carries, and the doc's words. */
export interface DocumentedError {
  status: number;
  errorTypes: ErrorType[];
  /** `$id` of the schema the spec gives for this status. */
  schema: string;
  /** The spec's sentence for this case, verbatim (whitespace normalised). */
  when: string;
}

/** Privileges required on resources named by a path parameter or by the request's map keys. */
export interface ResourcePrivilege {
  resourceType: ResourceType;
  via: string;
  privileges: string[];
  /** `annotation`: the spec's formal privilege list; `403 text`: only the 403 description says it. */
  source: 'annotation' | '403 text';
}

export interface Privileges {
  /** Privileges the operation itself requires ("Operation execution requires …"). */
  operation: string[];
  /** Privileges required on a resource named by a path parameter or by request keys. */
  resources: ResourcePrivilege[];
  /** Where the documented sources disagree, or where the privilege is only in prose. */
  note?: string;
}

export interface Operation {
  /** Stable short id used by suites, mock and reports, e.g. `upgradeMultiple`. */
  id: string;
  /** The 9.1 spec's operationId. */
  operationId: string;
  summary: string;
  method: HttpMethod;
  /** Path template on the wire, without query, e.g. `/api/cis/tasks/{task}`. */
  path: string;
  /**
   * Fixed query parameters the spec writes into the path key: `action`, `vmw-task`, and the few
   * others (`?image=default`; `?with-removed-components` has the value '').
   */
  query: Readonly<Record<string, string>>;
  pathParams: PathParam[];
  /** Query parameters the spec declares, where it declares any. */
  queryParams?: QueryParam[];
  auth: 'basic' | 'session';
  request?: { schema: string; required: boolean; description: string };
  success: { status: number; schema?: string; description: string };
  errors: DocumentedError[];
  privileges: Privileges;
  /** For `$Task` operations: the schema of `Cis.Task.Info.result` once the task has succeeded. */
  task?: {
    /** Absent where the spec does not link it (it names the result type only in its prose, for stage). */
    resultSchema?: string;
    service: string;
    operation: string;
  };
  class: OperationClass;
  /** "This operation was added in vSphere API X"; absent where the spec does not say. */
  since?: string;
  deprecated?: { since: string; replacement?: string };
  /**
   * `deep`: hand-written suites and a stateful mock handler test its semantics (the seeds and the
   * session and task operations around them); `generic`: the data-driven checks alone, from the spec.
   */
  depth: 'deep' | 'generic';
  /**
   * Set for an operation the harness calls but does not certify, saying why: it is not part of
   * vcenter-contract.md, so no suite tests it and the coverage leaves it out. The mock serves it
   * like any other (session auth, schema-valid answers) and safe mode classifies it by `class`.
   */
  outsideContract?: string;
}
