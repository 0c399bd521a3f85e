import { test, expect } from '@playwright/test';
import { DEEP_OPERATIONS } from '../../specs/deep-operations';
import { deriveCatalogue, deriveWhatCan, genericId } from './derive-catalogue';
import { loadUpstream, upstreamKey, upstreamOperation } from './upstream';

const up = loadUpstream();
const catalogue = deriveCatalogue(up, DEEP_OPERATIONS);
const byId = (id: string) => catalogue.find((o) => o.id === id)!;

test.describe('deriveCatalogue: the catalogue from the 9.1 spec', () => {
  test('one record per operation of the vendored spec, deep ones first and named by specs/deep-operations.ts', () => {
    const count = Object.values(up.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(catalogue).toHaveLength(count);
    expect(count).toBe(130);
    expect(catalogue.slice(0, 12).map((o) => o.depth)).toEqual(Array(12).fill('deep'));
    expect(catalogue.slice(0, 12).map((o) => o.id)).toEqual(Object.values(DEEP_OPERATIONS).map((f) => f.id));
    for (const op of catalogue) expect(upstreamOperation(up, op)?.operationId, op.id).toBe(op.operationId);
  });

  test('generic ids come from the operationId; a $Task keeps its plain name', () => {
    expect(genericId('Vcenter.Cluster_list')).toBe('vcenter.cluster.list');
    expect(genericId('Vcenter.NamespaceManagement.Software.Supervisors.Upgrades.Jobs_create')).toBe(
      'vcenter.namespaceManagement.software.supervisors.upgrades.jobs.create',
    );
    expect(genericId('Esx.Settings.Clusters.Software.Drafts_commit$Task')).toBe('esx.settings.clusters.software.drafts.commit');
    expect(() => genericId('not an operation id')).toThrow(/the operationId is not <Service>_<operation>\[\$Task\]/);
  });

  test('classes from the method, except where the deep facts say otherwise', () => {
    expect(byId('vcenter.datacenter.get').class).toBe('read-only');
    expect(byId('vcenter.datacenter.create').class).toBe('state-changing');
    expect(byId('esx.settings.clusters.software.drafts.software.components.update').class).toBe('state-changing');
    expect(byId('tasks.list').class).toBe('read-only');
    expect(byId('session.create').class).toBe('session');
  });

  test('task operations: service and operation in vAPI spelling; the result type where the prose links it', () => {
    expect(byId('esx.settings.clusters.software.apply').task).toEqual({
      resultSchema: 'Esx.Settings.Clusters.Software.ApplyResult',
      service: 'com.vmware.esx.settings.clusters.software',
      operation: 'apply',
    });
    expect(byId('software.stage').task?.resultSchema).toBe('Esx.Settings.Clusters.Software.StageResult');
    expect(byId('esx.settings.clusters.software.scan').task).toEqual({
      service: 'com.vmware.esx.settings.clusters.software',
      operation: 'scan',
    });
    expect(byId('esx.settings.clusters.software.reports.hardwareCompatibility.check').task?.service).toBe(
      'com.vmware.esx.settings.clusters.software.reports.hardware_compatibility',
    );
    expect(byId('esx.settings.clusters.software.scan').success.schema).toBe('Esx.Settings.Clusters.Software.ScanTaskId');
  });

  test('fixed queries other than action and vmw-task are kept, a bare key as the empty string', () => {
    const removed = byId('esx.settings.clusters.software.effectiveComponents.listWithRemovedComponents');
    expect(removed.query).toEqual({ 'with-removed-components': '' });
    expect(upstreamKey(removed)).toBe('/esx/settings/clusters/{cluster}/software/effective-components?with-removed-components');
    expect(byId('esx.settings.clusters.software.getDefaultImage').query).toEqual({ image: 'default' });
  });

  test('inline payloads get a name, and the id a create answers carries its resource type', () => {
    expect(byId('vcenter.cluster.list').success.schema).toBe('Vcenter.Cluster.ListResult');
    expect(byId('vcenter.cluster.list').queryParams?.map((q) => q.schema)).toContain('Vcenter.Cluster.ListQuery.clusters');
    expect(byId('esx.settings.clusters.software.drafts.create').success.schema).toBe('Esx.Settings.Clusters.Software.Drafts.CreateResult');
    expect(byId('esx.settings.clusters.software.drafts.get').pathParams.map((p) => p.resourceType)).toEqual([
      'ClusterComputeResource',
      'com.vmware.esx.settings.draft',
    ]);
  });

  test('an inline payload whose generated name is a component stops the derivation, naming both', () => {
    const clash = { ...up, components: { ...up.components, 'Vcenter.Cluster.ListResult': { type: 'object' } } };
    expect(() => deriveCatalogue(clash, DEEP_OPERATIONS)).toThrow(
      /derive GET \/vcenter\/cluster: .*name an inline schema Vcenter\.Cluster\.ListResult: a component of the spec has this name/,
    );
  });

  test('a deep operation the spec lacks stops the derivation; a user spec just leaves it out', () => {
    const deep = { ...DEEP_OPERATIONS, 'Cis.Tasks_frobnicate': { id: 'tasks.frobnicate', summary: 'x' } };
    expect(() => deriveCatalogue(up, deep)).toThrow(/the spec has no operation Cis\.Tasks_frobnicate/);
    expect(deriveWhatCan(up, deep).operations).toHaveLength(130);
  });
});
