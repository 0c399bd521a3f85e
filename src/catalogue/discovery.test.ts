import { test, expect } from '@playwright/test';
import { operation, operations } from '../../specs/index';
import { discoveryFor, producersOf } from './discovery';
import { idSites, idsAt, sitePath } from './id-sites';

const stepsOf = (id: string) => {
  const d = discoveryFor(operation(id));
  return 'gap' in d ? d.gap : d.steps.map((s) => `${s.param} ← ${s.producer.operation.id} ${sitePath(s.producer.site)}`);
};

test.describe('id sites: where a schema carries identifiers', () => {
  test('array items, map keys, fields: each with its resource type', () => {
    expect(idSites('Vcenter.Cluster.ListResult')).toContainEqual({
      resourceType: 'ClusterComputeResource',
      path: ['items', { property: 'cluster' }],
    });
    expect(idSites('Esx.Settings.Clusters.Software.Drafts.ListResult')).toContainEqual({
      resourceType: 'com.vmware.esx.settings.draft',
      path: ['keys'],
    });
    expect(idSites('Cis.Tasks.InfoMap').map(sitePath)).toContain('[keys]');
  });

  test('idsAt reads them from a body, each once, skipping what is not a non-empty string', () => {
    const [site] = idSites('Vcenter.Cluster.ListResult');
    expect(idsAt([{ cluster: 'domain-c8' }, { cluster: 'domain-c9' }, { cluster: 'domain-c8' }, { cluster: 7 }, null, {}], site!)).toEqual([
      'domain-c8',
      'domain-c9',
    ]);
    expect(idsAt({ not: 'an array' }, site!)).toEqual([]);
    const keys = idSites('Esx.Settings.Clusters.Software.Drafts.ListResult').find((s) => s.path.at(-1) === 'keys')!;
    expect(idsAt({ 1: {}, 2: {} }, keys)).toEqual(['1', '2']);
  });
});

test.describe('producer → consumer discovery', () => {
  test('a path parameter is filled by a read that lists its resource type, nested ones under the ones before', () => {
    expect(stepsOf('esx.settings.clusters.software.drafts.get')).toEqual([
      'cluster ← vcenter.cluster.list [items].cluster',
      'draft ← esx.settings.clusters.software.drafts.list [keys]',
    ]);
    expect(stepsOf('vcenter.datacenter.delete')).toEqual(['datacenter ← vcenter.datacenter.list [items].datacenter']);
  });

  test('of several producers, the one sharing the longest path with the consumer: WCP clusters for the namespace service', () => {
    expect(producersOf('ClusterComputeResource').map((p) => p.operation.id)).toEqual(
      expect.arrayContaining(['clusters.list', 'vcenter.cluster.list']),
    );
    expect(stepsOf('clusters.get')).toEqual(['cluster ← clusters.list [items].cluster']);
    expect(stepsOf('esx.settings.clusters.software.get')).toEqual(['cluster ← vcenter.cluster.list [items].cluster']);
  });

  test('a parameter no read lists is a gap naming its resource type, never a guess', () => {
    expect(stepsOf('tasks.get')).toBe('no read in the catalogue lists com.vmware.cis.task ids for {task}');
    const draftOnly = operations.filter((o) => o.id !== 'esx.settings.clusters.software.drafts.list');
    const d = discoveryFor(operation('esx.settings.clusters.software.drafts.get'), draftOnly);
    expect(d).toEqual({ gap: 'no read in the catalogue lists com.vmware.esx.settings.draft ids for {draft} under {cluster}' });
  });

  test('every generic operation of the catalogue is discoverable', () => {
    const gaps = operations
      .filter((o) => o.depth === 'generic')
      .flatMap((o) => {
        const d = discoveryFor(o);
        return 'gap' in d ? [`${o.id}: ${d.gap}`] : [];
      });
    expect(gaps).toEqual([]);
  });
});
