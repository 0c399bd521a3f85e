import { test, expect } from '@playwright/test';
import { declaresLack, lacksOfGrant, withLackOn } from './privileges';

const STAGE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';
const UPGRADE = 'Namespaces.Upgrade';
const UNIVERSE = [UPGRADE, STAGE, 'System.Read'];
const CLUSTERS = ['domain-c10', 'domain-c11', 'domain-c12'];

test.describe('declared lacks', () => {
  test('only what is declared is lacked: globally, or on the named cluster', () => {
    const op = { lacks: [STAGE], lacksOn: { 'domain-c12': [UPGRADE] } };
    expect(declaresLack(op, STAGE)).toBe(true);
    expect(declaresLack(op, STAGE, 'domain-c10')).toBe(true);
    expect(declaresLack(op, UPGRADE, 'domain-c12')).toBe(true);
    expect(declaresLack(op, UPGRADE, 'domain-c10')).toBe(false);
    expect(declaresLack(op, UPGRADE)).toBe(false);
    expect(declaresLack(undefined, STAGE)).toBe(false);
    expect(declaresLack({}, STAGE, 'domain-c10')).toBe(false);
  });

  test('withLackOn adds a lack on one cluster once, leaving the original as it was', () => {
    const before = { lacks: [STAGE] };
    const after = withLackOn(before, 'domain-c12', UPGRADE);
    expect(after).toEqual({ lacks: [STAGE], lacksOn: { 'domain-c12': [UPGRADE] } });
    expect(withLackOn(after, 'domain-c12', UPGRADE)).toBe(after);
    expect(before).toEqual({ lacks: [STAGE] });
  });

  test('an inventory grant becomes its lacks: all privileges lack nothing; a cluster grant is lacked on the other clusters', () => {
    expect(lacksOfGrant({ privileges: ['*'] }, UNIVERSE, CLUSTERS)).toEqual({});
    expect(lacksOfGrant({ privileges: ['System.Read'] }, UNIVERSE, CLUSTERS)).toEqual({ lacks: [UPGRADE, STAGE].sort() });
    expect(
      lacksOfGrant(
        { privileges: ['System.Read'], clusterPrivileges: { 'domain-c10': [UPGRADE], 'domain-c11': [UPGRADE] } },
        UNIVERSE,
        CLUSTERS,
      ),
    ).toEqual({ lacks: [STAGE], lacksOn: { 'domain-c12': [UPGRADE] } });
    // A global grant wins over a cluster one: nothing is lacked anywhere.
    expect(
      lacksOfGrant({ privileges: [UPGRADE, STAGE, 'System.Read'], clusterPrivileges: { 'domain-c10': [UPGRADE] } }, UNIVERSE, CLUSTERS),
    ).toEqual({});
  });
});
