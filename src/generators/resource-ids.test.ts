import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { RESOURCE_TYPE_KEYWORD, schemaFor, schemaIds } from '../../specs/index';
import { arbitraryFor } from './arbitrary-for';
import { KNOWN_RESOURCE_TYPES, resourceIdArbitrary, unknownResourceIdArbitrary } from './resource-ids';
import { loadInventory } from '../mock/inventory';
import { check, LAW_SEED as SEED } from './testing';
// Display names, not identifiers: any non-empty string is a plausible cluster name.
const FALLBACK_ON_PURPOSE = ['ClusterComputeResource.name'];

const SHAPES: Record<string, RegExp> = {
  ClusterComputeResource: /^domain-c\d+$/,
  HostSystem: /^host-\d+$/,
  'com.vmware.cis.task': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:com\.vmware\.[a-z_.]+$/,
  'com.vmware.esx.settings.commit': /^\d+$/,
  'com.vmware.vapi.service': /^com\.vmware(\.[a-z][a-z0-9_]*)+$/,
  'com.vmware.vapi.operation': /^[a-z][a-z0-9_]*$/,
  'Unknown.Type': /^.+$/s,
};

test.describe('resourceIdArbitrary', () => {
  for (const [type, shape] of Object.entries(SHAPES)) {
    test(`${type} ids look like ${shape.source}`, () => {
      const ids = fc.sample(resourceIdArbitrary(type), { numRuns: 500, seed: SEED });
      expect(ids.filter((id) => !shape.test(id))).toEqual([]);
      expect(new Set(ids).size, 'ids vary').toBeGreaterThan(1);
    });
  }

  test('every resource type named in specs/ has a realistic generator (or is a fallback on purpose)', () => {
    const used = new Set<string>();
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const type = (node as Record<string, unknown>)[RESOURCE_TYPE_KEYWORD];
      if (typeof type === 'string') used.add(type);
      Object.values(node).forEach(walk);
    };
    for (const id of schemaIds()) walk(schemaFor(id));
    expect(used.size).toBeGreaterThan(0);
    for (const type of used) expect([...KNOWN_RESOURCE_TYPES, ...FALLBACK_ON_PURPOSE], `resource type ${type}`).toContain(type);
  });

  test('schema locations use them: StageSpec.hosts items, StageResult map keys, Summary.cluster', () => {
    /** Asserts `shape` on every id that `ids` picks out of 300 values of the schema, and that there are some. */
    const idsIn = <T>(schemaId: string, ids: (v: T) => string[], shape: RegExp) => {
      let seen = 0;
      fc.assert(
        fc.property(arbitraryFor(schemaId), (v) => {
          for (const id of ids(v as T)) {
            check(shape.test(id), () => `${schemaId}: ${JSON.stringify(id)} does not match ${shape}`);
            seen++;
          }
        }),
        { numRuns: 300, seed: SEED },
      );
      expect(seen, `${schemaId} yields ids`).toBeGreaterThan(0);
    };
    idsIn<{ hosts?: string[] }>('Esx.Settings.Clusters.Software.StageSpec', (v) => v.hosts ?? [], SHAPES.HostSystem!);
    idsIn<Record<'host_info' | 'host_status', object>>(
      'Esx.Settings.Clusters.Software.StageResult',
      (v) => [...Object.keys(v.host_info), ...Object.keys(v.host_status)],
      SHAPES.HostSystem!,
    );
    idsIn<{ cluster: string }>('Vcenter.NamespaceManagement.Software.Clusters.Summary', (v) => [v.cluster], SHAPES.ClusterComputeResource!);
  });

  test('UpgradeSpecMap keys are cluster ids (domain-c…)', () => {
    const id = 'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap';
    expect(schemaFor(id).propertyNames).toEqual({ type: 'string', 'x-vmw-resource-type': 'ClusterComputeResource' });
    const keys = fc.sample(arbitraryFor(id), { numRuns: 300, seed: SEED }).flatMap((m) => Object.keys(m as object));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !SHAPES.ClusterComputeResource!.test(key))).toEqual([]);
  });

  test('unknown ids have the real shape and come from a range no inventory of ours (or a lab) uses', () => {
    const inventory = loadInventory();
    const ours = new Set([...inventory.clusters.map((c) => c.id), ...inventory.hosts.map((h) => h.id)]);
    for (const type of ['ClusterComputeResource', 'HostSystem'] as const) {
      const ids = fc.sample(unknownResourceIdArbitrary(type), { numRuns: 1000, seed: SEED });
      expect(ids.filter((id) => !SHAPES[type]!.test(id))).toEqual([]);
      expect(ids.filter((id) => ours.has(id) || Number(id.replace(/^\D+/, '')) < 900_000_000)).toEqual([]);
    }
    expect(
      fc
        .sample(unknownResourceIdArbitrary('com.vmware.cis.task'), { numRuns: 20, seed: SEED })
        .every((id) => SHAPES['com.vmware.cis.task']!.test(id)),
    ).toBe(true);
    // Commits are numbers from the same far range: none of our inventory's, none a lab's counter reaches.
    const commits = fc.sample(unknownResourceIdArbitrary('com.vmware.esx.settings.commit'), { numRuns: 1000, seed: SEED });
    const ourCommits = new Set(inventory.clusters.flatMap((c) => c.commits));
    expect(commits.filter((c) => !/^\d+$/.test(c) || Number(c) < 900_000_000 || ourCommits.has(c))).toEqual([]);
  });
});
