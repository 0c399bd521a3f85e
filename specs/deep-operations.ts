import type { OperationClass, ResourcePrivilege } from './catalogue-types';

/**
 * What the 9.1 spec cannot say about the operations vcconform tests in depth (the two seeds and the
 * session and task operations around them), by operationId. Everything else in their catalogue
 * records, like every record of the generic operations, is derived from the spec by
 * `src/spec-import/derive-catalogue.ts`.
 */
export interface DeepFacts {
  /** The short id suites, mock, faults and reports use. */
  id: string;
  summary: string;
  /** Where the method alone classifies wrongly: logging in or out, a POST that only reads. */
  class?: OperationClass;
  /** `$id`s for payloads the spec writes inline (the generic name otherwise). */
  names?: { request?: string; success?: string };
  /** Privileges that only the 403 text states. */
  privilegesFromText?: ResourcePrivilege[];
  privilegeNote?: string;
  /** What replaces a deprecated operation (the spec says only since when). */
  replacement?: string;
  outsideContract?: string;
}

const NAMESPACE_REPLACEMENT = '/api/vcenter/namespace-management/software/supervisors/…';

export const DEEP_OPERATIONS: Readonly<Record<string, DeepFacts>> = {
  'Cis.Session_create': {
    id: 'session.create',
    summary: 'Create a session (log in) with HTTP Basic credentials.',
    class: 'session',
    names: { success: 'Cis.Session.Id' },
  },
  'Cis.Session_get': { id: 'session.get', summary: 'Return information about the current session.' },
  'Cis.Session_delete': { id: 'session.delete', summary: 'Terminate the session (log out).', class: 'session' },
  'Vcenter.NamespaceManagement.Software.Clusters_list': {
    id: 'clusters.list',
    summary: 'List the upgrade summary of all WCP-enabled clusters.',
    names: { success: 'Vcenter.NamespaceManagement.Software.Clusters.SummaryList' },
    privilegeNote: 'The formal annotation is System.Anonymous; the 403 text says System.Read.',
    replacement: NAMESPACE_REPLACEMENT,
  },
  'Vcenter.NamespaceManagement.Software.Clusters_get': {
    id: 'clusters.get',
    summary: 'Return upgrade information about a WCP-enabled cluster.',
    replacement: NAMESPACE_REPLACEMENT,
  },
  'Vcenter.NamespaceManagement.Software.Clusters_upgrade': {
    id: 'clusters.upgrade',
    summary: 'Upgrade one cluster to a specific version.',
    privilegeNote: 'The 7.0 spec and the seed page name Namespaces.Manage; 9.1 names Namespaces.Upgrade.',
    replacement: NAMESPACE_REPLACEMENT,
  },
  'Vcenter.NamespaceManagement.Software.Clusters_upgradeMultiple': {
    id: 'clusters.upgradeMultiple',
    summary: 'Upgrade a set of clusters, each to its own version; pre-check failures come back per cluster.',
    names: {
      request: 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap',
      success: 'Vcenter.NamespaceManagement.Software.Clusters.ResultMap',
    },
    privilegesFromText: [
      {
        resourceType: 'ClusterComputeResource',
        via: 'every key of the request map',
        privileges: ['Namespaces.Upgrade'],
        source: '403 text',
      },
    ],
    privilegeNote:
      'The formal annotation is System.Anonymous; the 403 text requires Namespaces.Upgrade ' +
      'on all specified clusters (7.0 and the seed page: Namespaces.Manage).',
    replacement: NAMESPACE_REPLACEMENT,
  },
  'Esx.Settings.Clusters.Software_stage$Task': {
    id: 'software.stage',
    summary: "Stage the cluster's desired software document to its hosts, as a task.",
    privilegeNote: 'No 403 is declared: the refusal of a caller without the privilege has no documented status.',
  },
  'Cis.Tasks_get': { id: 'tasks.get', summary: 'Return information about a task.' },
  'Cis.Tasks_list': {
    id: 'tasks.list',
    summary: 'List tasks matching a filter (at most 1000).',
    // A POST that only reads: the filter selects, nothing is changed.
    class: 'read-only',
    names: { request: 'Cis.Tasks.ListSpec', success: 'Cis.Tasks.InfoMap' },
  },
  'Cis.Tasks_cancel': { id: 'tasks.cancel', summary: 'Cancel a task (best effort).' },
  'Appliance.System.Version_get': {
    id: 'appliance.version',
    summary: 'Return the version, build and type of the vCenter appliance.',
    // Its 9.1 entry declares only 200 and 500, yet a vCenter answers 401 without a session like every /api operation:
    // certifying it would fail every vCenter on a status the contract page never covers.
    outsideContract:
      'read once per run by the administrator to name the build under test ' +
      '(conformance.json target.build); not part of vcenter-contract.md',
  },
};
