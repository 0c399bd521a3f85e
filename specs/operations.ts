import type { DocumentedError, ErrorType, Operation } from './catalogue-types';

/**
 * The operation catalogue: one record per vCenter operation vcconform certifies. Everything here is
 * taken from the official vSphere Automation 9.1 spec (`specs/upstream/vcenter-9.1/`); the
 * `catalogue matches the 9.1 spec` self-test re-derives statuses, error types, privileges and
 * texts from it and fails on any difference.
 */

const UA_SCHEMA = 'Vapi.Std.Errors.Unauthenticated';
const UZ_SCHEMA = 'Vapi.Std.Errors.Unauthorized';
const SU_SCHEMA = 'Vapi.Std.Errors.ServiceUnavailable';

function err(status: number, errorType: ErrorType, schema: string, when: string): DocumentedError {
  return { status, errorTypes: [errorType], schema, when };
}

const NAMESPACE_DEPRECATION = {
  since: '9.1.0.0',
  replacement: '/api/vcenter/namespace-management/software/supervisors/…',
};

const CLUSTER_PARAM_UPGRADED = {
  name: 'cluster',
  resourceType: 'ClusterComputeResource' as const,
  description: 'Identifier for the cluster which will be upgraded.',
};

const SESSION_401 = 'if the session id is missing from the request or the corresponding session object cannot be found.';
const SESSION_503_TAIL =
  'Due to the security nature of this API further details will not be disclosed in the error. Please refer to ' +
  'component health information, administrative logs and product specific documentation for possible causes.';
const TASKS_401 = 'if the user can not be authenticated.';
const TASKS_403 = "if the user doesn't have the required privileges.";
const TASKS_503 = 'if the system is unable to communicate with a service to complete the request.';
const NS_401 = 'if the user can not be authenticated.';
const NS_500 = 'if the system reports an error while responding to the request.';

export const operations: readonly Operation[] = [
  {
    id: 'session.create',
    operationId: 'Cis.Session_create',
    summary: 'Create a session (log in) with HTTP Basic credentials.',
    method: 'POST',
    path: '/api/session',
    query: {},
    pathParams: [],
    auth: 'basic',
    success: {
      status: 201,
      schema: 'Cis.Session.Id',
      description: 'Newly created session token to be used for authenticating further requests.',
    },
    errors: [
      err(
        401,
        'UNAUTHENTICATED',
        UA_SCHEMA,
        'if the session creation fails due to request specific issues. Due to the security nature of the API the details of ' +
          'the error are not disclosed. Please check the following preconditions if using a SAML token to authenticate: ' +
          '- the supplied token is delegate-able. - the time of client and server system are synchronized. - the token supplied is ' +
          'valid. - if bearer tokens are used check that system configuration allows the API endpoint to accept such tokens.',
      ),
      err(
        503,
        'SERVICE_UNAVAILABLE',
        SU_SCHEMA,
        'if session creation fails due to server specific issues, for example ' +
          `connection to a back end component is failing. ${SESSION_503_TAIL}`,
      ),
    ],
    privileges: { operation: [], resources: [] },
    class: 'session',
  },
  {
    id: 'session.get',
    operationId: 'Cis.Session_get',
    summary: 'Return information about the current session.',
    method: 'GET',
    path: '/api/session',
    query: {},
    pathParams: [],
    auth: 'session',
    success: { status: 200, schema: 'Cis.Session.Info', description: 'Information about the session.' },
    errors: [
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, SESSION_401),
      err(
        503,
        'SERVICE_UNAVAILABLE',
        SU_SCHEMA,
        `if session retrieval fails due to server specific issues e.g. connection to back end component is failing. ${SESSION_503_TAIL}`,
      ),
    ],
    privileges: { operation: [], resources: [] },
    class: 'read-only',
  },
  {
    id: 'session.delete',
    operationId: 'Cis.Session_delete',
    summary: 'Terminate the session (log out).',
    method: 'DELETE',
    path: '/api/session',
    query: {},
    pathParams: [],
    auth: 'session',
    success: { status: 204, description: 'Success!' },
    errors: [
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, SESSION_401),
      err(
        503,
        'SERVICE_UNAVAILABLE',
        SU_SCHEMA,
        'if session deletion fails due to server specific issues, for example ' +
          `connection to a back end component is failing. ${SESSION_503_TAIL}`,
      ),
    ],
    privileges: { operation: [], resources: [] },
    class: 'session',
  },
  {
    id: 'clusters.list',
    operationId: 'Vcenter.NamespaceManagement.Software.Clusters_list',
    summary: 'List the upgrade summary of all WCP-enabled clusters.',
    method: 'GET',
    path: '/api/vcenter/namespace-management/software/clusters',
    query: {},
    pathParams: [],
    auth: 'session',
    success: {
      status: 200,
      schema: 'Vcenter.NamespaceManagement.Software.Clusters.SummaryList',
      description: 'List of upgrade summary of all WCP enabled clusters.',
    },
    errors: [
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, NS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, 'if the user does not have System.Read privilege.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', NS_500),
    ],
    privileges: {
      operation: ['System.Anonymous'],
      resources: [],
      note: 'The formal annotation is System.Anonymous; the 403 text says System.Read.',
    },
    class: 'read-only',
    since: '7.0.0.0',
    deprecated: NAMESPACE_DEPRECATION,
  },
  {
    id: 'clusters.get',
    operationId: 'Vcenter.NamespaceManagement.Software.Clusters_get',
    summary: 'Return upgrade information about a WCP-enabled cluster.',
    method: 'GET',
    path: '/api/vcenter/namespace-management/software/clusters/{cluster}',
    query: {},
    pathParams: [CLUSTER_PARAM_UPGRADED],
    auth: 'session',
    success: {
      status: 200,
      schema: 'Vcenter.NamespaceManagement.Software.Clusters.Info',
      description: 'Information about the upgrade of the specified WCP enabled cluster.',
    },
    errors: [
      err(400, 'UNSUPPORTED', 'Vapi.Std.Errors.Unsupported', 'if the cluster is not WCP enabled.'),
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, NS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, 'if the user does not have System.Read privilege.'),
      err(404, 'NOT_FOUND', 'Vapi.Std.Errors.NotFound', 'if cluster could not be located.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', NS_500),
    ],
    privileges: {
      operation: [],
      resources: [
        { resourceType: 'ClusterComputeResource', via: 'path parameter cluster', privileges: ['System.Read'], source: 'annotation' },
      ],
    },
    class: 'read-only',
    since: '7.0.0.0',
    deprecated: NAMESPACE_DEPRECATION,
  },
  {
    id: 'clusters.upgrade',
    operationId: 'Vcenter.NamespaceManagement.Software.Clusters_upgrade',
    summary: 'Upgrade one cluster to a specific version.',
    method: 'POST',
    path: '/api/vcenter/namespace-management/software/clusters/{cluster}',
    query: { action: 'upgrade' },
    pathParams: [CLUSTER_PARAM_UPGRADED],
    auth: 'session',
    request: {
      schema: 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpec',
      required: true,
      description: 'Specification for upgrading the cluster.',
    },
    success: { status: 204, description: 'Success!' },
    errors: [
      err(400, 'UNSUPPORTED', 'Vapi.Std.Errors.Unsupported', 'if pre-check failed of the cluster.'),
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, NS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, 'if the user does not have Namespaces.Upgrade privilege.'),
      err(404, 'NOT_FOUND', 'Vapi.Std.Errors.NotFound', 'if cluster could not be located.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', NS_500),
    ],
    privileges: {
      operation: [],
      resources: [
        { resourceType: 'ClusterComputeResource', via: 'path parameter cluster', privileges: ['Namespaces.Upgrade'], source: 'annotation' },
      ],
      note: 'The 7.0 spec and the seed page name Namespaces.Manage; 9.1 names Namespaces.Upgrade.',
    },
    class: 'state-changing',
    since: '7.0.0.0',
    deprecated: NAMESPACE_DEPRECATION,
  },
  {
    id: 'clusters.upgradeMultiple',
    operationId: 'Vcenter.NamespaceManagement.Software.Clusters_upgradeMultiple',
    summary: 'Upgrade a set of clusters, each to its own version; pre-check failures come back per cluster.',
    method: 'POST',
    path: '/api/vcenter/namespace-management/software/clusters',
    query: { action: 'upgradeMultiple' },
    pathParams: [],
    auth: 'session',
    request: {
      schema: 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap',
      required: true,
      description: 'Specifications for upgrading selected clusters.',
    },
    success: {
      status: 200,
      schema: 'Vcenter.NamespaceManagement.Software.Clusters.ResultMap',
      description: 'Pre-check result when invoking upgrade for each cluster.',
    },
    errors: [
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, NS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, 'if the user does not have Namespaces.Upgrade privilege on all specified clusters.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', NS_500),
    ],
    privileges: {
      operation: ['System.Anonymous'],
      resources: [
        {
          resourceType: 'ClusterComputeResource',
          via: 'every key of the request map',
          privileges: ['Namespaces.Upgrade'],
          source: '403 text',
        },
      ],
      note:
        'The formal annotation is System.Anonymous; the 403 text requires Namespaces.Upgrade ' +
        'on all specified clusters (7.0 and the seed page: Namespaces.Manage).',
    },
    class: 'state-changing',
    since: '7.0.0.0',
    deprecated: NAMESPACE_DEPRECATION,
  },
  {
    id: 'software.stage',
    operationId: 'Esx.Settings.Clusters.Software_stage$Task',
    summary: "Stage the cluster's desired software document to its hosts, as a task.",
    method: 'POST',
    path: '/api/esx/settings/clusters/{cluster}/software',
    query: { action: 'stage', 'vmw-task': 'true' },
    pathParams: [{ name: 'cluster', resourceType: 'ClusterComputeResource', description: 'Identifier of the cluster.' }],
    auth: 'session',
    request: { schema: 'Esx.Settings.Clusters.Software.StageSpec', required: true, description: 'stage specification.' },
    success: {
      status: 202,
      schema: 'Esx.Settings.Clusters.Software.StageTaskId',
      description: 'The result of the *POST /esx/settings/clusters/{cluster}/software?action=stage* operation.',
    },
    errors: [
      err(
        400,
        'INVALID_ARGUMENT',
        'Vapi.Std.Errors.Error',
        'If the commit property of spec specifies an invalid commit, or the hosts property of spec specifies an invalid ' +
          'host or a host not part of the cluster, or the cluster is not managed with a single software specification.',
      ),
      err(400, 'NOT_ALLOWED_IN_CURRENT_STATE', 'Vapi.Std.Errors.Error', 'If there is another operation in progress.'),
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, 'If the caller is not authenticated.'),
      err(
        404,
        'NOT_FOUND',
        'Vapi.Std.Errors.NotFound',
        'If there is no cluster associated with cluster in the system or if desired software document is not found.',
      ),
      err(
        500,
        'ERROR',
        'Vapi.Std.Errors.Error',
        'If there is an unknown internal error. The accompanying error message will give more details about the failure.',
      ),
      err(500, 'TIMED_OUT', 'Vapi.Std.Errors.Error', 'If the operation times out.'),
      err(503, 'SERVICE_UNAVAILABLE', SU_SCHEMA, 'If the service is not available.'),
    ],
    privileges: {
      operation: ['VcIntegrity.lifecycleSoftwareRemediation.Write'],
      resources: [
        {
          resourceType: 'ClusterComputeResource',
          via: 'path parameter cluster',
          privileges: ['VcIntegrity.lifecycleSoftwareRemediation.Write'],
          source: 'annotation',
        },
      ],
      note: 'No 403 is declared: the refusal of a caller without the privilege has no documented status.',
    },
    task: {
      resultSchema: 'Esx.Settings.Clusters.Software.StageResult',
      service: 'com.vmware.esx.settings.clusters.software',
      operation: 'stage',
    },
    class: 'state-changing',
    since: '8.0.0.1',
  },
  {
    id: 'tasks.get',
    operationId: 'Cis.Tasks_get',
    summary: 'Return information about a task.',
    method: 'GET',
    path: '/api/cis/tasks/{task}',
    query: {},
    pathParams: [{ name: 'task', resourceType: 'com.vmware.cis.task', description: 'Task identifier.' }],
    auth: 'session',
    queryParams: [
      {
        name: 'spec',
        schema: 'Cis.Tasks.GetSpec',
        style: 'form',
        explode: true,
        required: false,
        description:
          'Specification on what to get for a task. If missing or `null`, the behavior is equivalent ' +
          'to a *Cis.Tasks.GetSpec* with all properties missing or `null` which means only the data ' +
          'described in *Cis.Task.Info* will be returned and the result of the operation will be return.',
      },
    ],
    success: { status: 200, schema: 'Cis.Task.Info', description: 'Information about the specified task.' },
    errors: [
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, TASKS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, TASKS_403),
      err(404, 'NOT_FOUND', 'Vapi.Std.Errors.NotFound', 'if the task is not found.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', 'if the system reports an error while responding to the request.'),
      err(500, 'RESOURCE_INACCESSIBLE', 'Vapi.Std.Errors.Error', "if the task's state cannot be accessed."),
      err(503, 'SERVICE_UNAVAILABLE', SU_SCHEMA, TASKS_503),
    ],
    privileges: { operation: [], resources: [] },
    class: 'read-only',
    since: '6.7.1',
  },
  {
    id: 'tasks.list',
    operationId: 'Cis.Tasks_list',
    summary: 'List tasks matching a filter (at most 1000).',
    method: 'POST',
    path: '/api/cis/tasks',
    query: { action: 'list' },
    pathParams: [],
    auth: 'session',
    request: { schema: 'Cis.Tasks.ListSpec', required: false, description: 'Request body for invoking operation: list' },
    success: { status: 200, schema: 'Cis.Tasks.InfoMap', description: 'Map of task identifier to information about the task.' },
    errors: [
      err(400, 'INVALID_ARGUMENT', 'Vapi.Std.Errors.InvalidArgument', 'if any of the specified parameters are invalid.'),
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, TASKS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, TASKS_403),
      err(
        500,
        'RESOURCE_INACCESSIBLE',
        'Vapi.Std.Errors.ResourceInaccessible',
        "if a task's state cannot be accessed or over 1000 tasks matching the *Cis.Tasks.FilterSpec*.",
      ),
      err(503, 'SERVICE_UNAVAILABLE', SU_SCHEMA, TASKS_503),
    ],
    privileges: { operation: [], resources: [] },
    class: 'read-only',
    since: '6.7.1',
  },
  {
    id: 'tasks.cancel',
    operationId: 'Cis.Tasks_cancel',
    summary: 'Cancel a task (best effort).',
    method: 'POST',
    path: '/api/cis/tasks/{task}',
    query: { action: 'cancel' },
    pathParams: [{ name: 'task', resourceType: 'com.vmware.cis.task', description: 'Task identifier.' }],
    auth: 'session',
    success: { status: 204, description: 'Success!' },
    errors: [
      err(400, 'NOT_ALLOWED_IN_CURRENT_STATE', 'Vapi.Std.Errors.Error', 'if the task is already canceled or completed.'),
      err(400, 'UNSUPPORTED', 'Vapi.Std.Errors.Error', 'if the task is not cancelable.'),
      err(401, 'UNAUTHENTICATED', UA_SCHEMA, TASKS_401),
      err(403, 'UNAUTHORIZED', UZ_SCHEMA, TASKS_403),
      err(404, 'NOT_FOUND', 'Vapi.Std.Errors.NotFound', 'if the task is not found.'),
      err(500, 'ERROR', 'Vapi.Std.Errors.Error', 'if the system reports an error while responding to the request.'),
      err(500, 'RESOURCE_INACCESSIBLE', 'Vapi.Std.Errors.Error', "if the task's state cannot be accessed."),
      err(503, 'SERVICE_UNAVAILABLE', SU_SCHEMA, TASKS_503),
    ],
    privileges: { operation: [], resources: [] },
    class: 'state-changing',
    since: '6.7.1',
  },
  {
    id: 'appliance.version',
    operationId: 'Appliance.System.Version_get',
    summary: 'Return the version, build and type of the vCenter appliance.',
    method: 'GET',
    path: '/api/appliance/system/version',
    query: {},
    pathParams: [],
    auth: 'session',
    success: { status: 200, schema: 'Appliance.System.Version.VersionStruct', description: 'version information about the appliance' },
    errors: [err(500, 'ERROR', 'Vapi.Std.Errors.Error', 'Generic error')],
    privileges: { operation: [], resources: [] },
    class: 'read-only',
    // Its 9.1 entry declares only 200 and 500, yet a vCenter answers 401 without a session like every /api operation:
    // certifying it would fail every vCenter on a status the contract page never covers.
    outsideContract:
      'read once per run by the administrator to name the build under test ' +
      '(conformance.json target.build); not part of vcenter-contract.md',
  },
];
