import { test, expect } from '@playwright/test';
import { listIncludesWcpClusters } from './list-includes-wcp-clusters';
import { evidence, exchange, applies, judged } from '../generic/testing';

const summary = (cluster: string) => ({
  cluster,
  cluster_name: cluster,
  current_version: 'v1',
  available_versions: [],
  upgrade_status: { state: 'READY' },
});
const list = (...clusters: string[]) => exchange({ operation: 'clusters.list', status: 200, body: clusters.map(summary) });

test.describe('list-includes-wcp-clusters', () => {
  test('passes when every known WCP-enabled cluster has a Summary (others may be listed too)', () => {
    const e = evidence(
      list('domain-c1', 'domain-c2', 'domain-c9'),
      { kind: 'valid' },
      { facts: { wcpClusters: ['domain-c1', 'domain-c2'] } },
    );
    expect(applies(listIncludesWcpClusters, e)).toBe(true);
    expect(judged(listIncludesWcpClusters, e)).toEqual([]);
  });

  test('names each WCP-enabled cluster missing from the list', () => {
    const issues = judged(
      listIncludesWcpClusters,
      evidence(list('domain-c1'), { kind: 'valid' }, { facts: { wcpClusters: ['domain-c1', 'domain-c2', 'domain-c3'] } }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'the WCP-enabled cluster domain-c2 is missing from the list',
      'the WCP-enabled cluster domain-c3 is missing from the list',
    ]);
    expect(issues[0]).toMatchObject({
      check: 'list-includes-wcp-clusters',
      severity: 'failure',
      documented: 'a Summary for every WCP-enabled cluster',
    });
  });

  test('does not judge an answer other than a 200 list, or a scenario that knows no WCP-enabled cluster', () => {
    expect(applies(listIncludesWcpClusters, evidence(list('domain-c1')))).toBe(false);
    expect(
      applies(
        listIncludesWcpClusters,
        evidence(
          exchange({ operation: 'clusters.list', status: 403, body: {} }),
          { kind: 'valid' },
          { facts: { wcpClusters: ['domain-c1'] } },
        ),
      ),
    ).toBe(false);
    expect(
      applies(
        listIncludesWcpClusters,
        evidence(
          exchange({ operation: 'clusters.get', status: 200, body: summary('domain-c1') }),
          { kind: 'valid' },
          { facts: { wcpClusters: ['domain-c1'] } },
        ),
      ),
    ).toBe(false);
  });
});
