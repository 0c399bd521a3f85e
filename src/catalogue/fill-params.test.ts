import { test, expect } from '@playwright/test';
import { operation } from '../../specs/index';
import { fillParams, TRIES, type Answer } from './fill-params';

const NOT_FOUND: Answer = { status: 404, body: { error_type: 'NOT_FOUND', messages: [] } };
const CLUSTERS = 'vcenter.cluster.list';
const DRAFTS = 'esx.settings.clusters.software.drafts.list';

/** A target as reads see it: the answer to each (operation, parameters), 404 for anything else; every read is logged. */
function target(answers: Record<string, Answer>) {
  const log: string[] = [];
  const read = async (id: string, params: Record<string, string>) => {
    const key = `${id} ${JSON.stringify(params)}`;
    log.push(key);
    return answers[key] ?? NOT_FOUND;
  };
  return { read, log };
}
const clusters = (...ids: string[]): Answer => ({ status: 200, body: ids.map((cluster) => ({ cluster, name: cluster })) });
const drafts = (...ids: string[]): Answer => ({ status: 200, body: Object.fromEntries(ids.map((d) => [d, {}])) });

test.describe('fillParams: path parameters from what the target lists', () => {
  test('a cluster whose drafts read fails (no desired-state document) is passed over for the next one listed', async () => {
    const { read, log } = target({
      [`${CLUSTERS} {}`]: clusters('domain-c1', 'domain-c2'),
      [`${DRAFTS} {"cluster":"domain-c2"}`]: drafts('7', '8'),
    });
    const { filled, skip, reads } = await fillParams(operation('esx.settings.clusters.software.drafts.get'), read);
    expect(skip).toBeUndefined();
    expect(filled).toEqual({
      params: { cluster: 'domain-c2', draft: '7' },
      listed: { cluster: ['domain-c1', 'domain-c2'], draft: ['7', '8'] },
      enumerated: { cluster: true, draft: true },
      // GET …/drafts lists the members GET …/drafts/{draft} reads; GET /vcenter/cluster is not that collection.
      collections: { draft: DRAFTS },
    });
    expect(log).toEqual([`${CLUSTERS} {}`, `${DRAFTS} {"cluster":"domain-c1"}`, `${DRAFTS} {"cluster":"domain-c2"}`]);
    expect(reads).toHaveLength(3);
  });

  test(`when every id tried fails (${TRIES} of them), it is a skip naming the first read that failed`, async () => {
    const { read, log } = target({ [`${CLUSTERS} {}`]: clusters('domain-c1', 'domain-c2', 'domain-c3', 'domain-c4') });
    const { filled, skip } = await fillParams(operation('esx.settings.clusters.software.drafts.get'), read);
    expect(filled).toBeUndefined();
    expect(skip).toBe(`${DRAFTS} answered 404 NOT_FOUND, so no {draft} to use`);
    expect(log).toHaveLength(1 + TRIES);
  });

  test('a list with nothing the run may use is a skip saying so; a sub-resource read is no member of the collection', async () => {
    const empty = target({ [`${CLUSTERS} {}`]: clusters() });
    expect((await fillParams(operation('vcenter.cluster.get'), empty.read)).skip).toBe(
      `${CLUSTERS} lists no ClusterComputeResource for {cluster}`,
    );
    const listed = target({ [`${CLUSTERS} {}`]: clusters('domain-c1', 'domain-c2') });
    const onlyC2 = (_type: string, id: string) => id === 'domain-c2';
    expect((await fillParams(operation('vcenter.cluster.get'), listed.read, onlyC2)).filled?.params).toEqual({ cluster: 'domain-c2' });
    const none = (await fillParams(operation('vcenter.cluster.get'), listed.read, () => false)).skip;
    expect(none).toBe(`${CLUSTERS} lists no ClusterComputeResource the run may change (mutation allowlist) for {cluster}`);
    const addOn = target({ [`${CLUSTERS} {}`]: clusters('domain-c1'), [`${DRAFTS} {"cluster":"domain-c1"}`]: drafts('7') });
    const filled = (await fillParams(operation('esx.settings.clusters.software.drafts.software.addOn.get'), addOn.read)).filled;
    expect(filled?.collections).toEqual({});
  });

  test('a parameter no read produces is a gap, and nothing is read', async () => {
    const { read, log } = target({});
    expect((await fillParams(operation('tasks.get'), read)).skip).toBe(
      'not discoverable: no read in the catalogue lists com.vmware.cis.task ids for {task}',
    );
    expect(log).toEqual([]);
  });
});
