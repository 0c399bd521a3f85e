import { test, expect } from '@playwright/test';
import { normalise, type Assumptions } from '../safety/assumes';
import { mockRoles } from './mock-roles';
import {
  cannotReset,
  missingUsers,
  outsideAllowlist,
  profileOffer,
  undeclaredLack,
  unmappedRoles,
  unmetAssumption,
  type TargetOffer,
} from './unmet';

const STAGE_WRITE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';

/** A lab like fixtures/profiles/example.json: some roles, an operator who lacks the stage privilege, no reset, one allowlisted cluster. */
const LAB: TargetOffer = profileOffer({
  roles: {
    upgradableCluster: { id: 'domain-c1006', version: 'v1' },
    stageCluster: { id: 'domain-c1006', hosts: ['host-1'], commits: ['1'] },
    nonWcpCluster: 'domain-c2002',
    hostOutsideCluster: 'host-3001',
  },
  users: { administrator: {}, operator: { lacks: [STAGE_WRITE], lacksOn: { 'domain-c2002': ['Namespaces.Upgrade'] } } },
  capabilities: { mutationAllowlist: ['domain-c1006'] },
});

test('profileOffer: reset when the profile has the capability, state changes only on its allowlist', () => {
  expect(LAB.canReset).toBe(false);
  expect(LAB.allowlist).toEqual(['domain-c1006']);
  expect(profileOffer({ roles: {}, users: {}, capabilities: { reset: { command: ['x'] }, mutationAllowlist: [] } }).canReset).toBe(true);
});

test('each reason is undefined when the target meets the need, else the skip text', () => {
  expect(unmappedRoles(['stageCluster'], LAB.roles)).toBeUndefined();
  expect(unmappedRoles(['stageCluster', 'errorsCluster', 'warningsCluster'], LAB.roles)).toBe(
    'the target maps no inventory role errorsCluster, warningsCluster',
  );
  expect(outsideAllowlist(['stageCluster', 'hostOutsideCluster'], LAB.roles, LAB.allowlist)).toBeUndefined();
  expect(outsideAllowlist(['nonWcpCluster'], LAB.roles, LAB.allowlist)).toBe(
    'safe mode: this test changes state and domain-c2002 is not in the mutation allowlist',
  );
  expect(outsideAllowlist(['upgradableCluster', 'nonWcpCluster', 'errorsCluster'], mockRoles, [])).toBe(
    'safe mode: this test changes state and domain-c10, domain-c13, domain-c12 are not in the mutation allowlist',
  );
  expect(outsideAllowlist(['nonWcpCluster'], LAB.roles, '*')).toBeUndefined();
  expect(missingUsers(['administrator', 'operator'], LAB.users)).toBeUndefined();
  expect(missingUsers(['read-only', 'operator'], LAB.users)).toBe('the target has no user for role read-only');
  expect(cannotReset(true)).toBeUndefined();
  expect(cannotReset(false)).toBe('the target cannot be reset (no capabilities.reset in its profile)');
});

test('undeclaredLack: everywhere, or on each cluster (sorted, so every caller says it alike), naming where to declare it', () => {
  const operator = LAB.users.operator;
  expect(undeclaredLack('operator', STAGE_WRITE, [], operator)).toBeUndefined();
  expect(undeclaredLack('operator', STAGE_WRITE, ['domain-c1'], operator), 'a lack everywhere holds on any cluster').toBeUndefined();
  expect(undeclaredLack('operator', 'Namespaces.Upgrade', ['domain-c2002'], operator)).toBeUndefined();
  expect(undeclaredLack('operator', 'Namespaces.Upgrade', [], operator)).toBe(
    'the profile does not declare that the operator user lacks Namespaces.Upgrade (users.operator.lacks)',
  );
  expect(undeclaredLack('operator', 'Namespaces.Upgrade', ['domain-c9', 'domain-c2002', 'domain-c1006'], operator)).toBe(
    'the profile does not declare that the operator user lacks Namespaces.Upgrade on domain-c1006, ' +
      'domain-c9 (users.operator.lacks (or users.operator.lacksOn["domain-c1006"]))',
  );
  expect(undeclaredLack('read-only', STAGE_WRITE, [], undefined)).toBe(
    'the profile does not declare that the read-only user lacks VcIntegrity.lifecycleSoftwareRemediation.Write (users.read-only.lacks)',
  );
});

const cases: { description: string; assumptions: Assumptions; changesState?: boolean; reason: string | undefined }[] = [
  { description: 'nothing assumed', assumptions: {}, reason: undefined },
  {
    description: 'everything met',
    assumptions: {
      roles: ['stageCluster'],
      users: ['operator'],
      lacks: [{ role: 'operator', privilege: STAGE_WRITE, on: 'stageCluster' }],
    },
    changesState: true,
    reason: undefined,
  },
  {
    description: 'an unmapped role',
    assumptions: { roles: ['stageCluster', 'errorsCluster'] },
    reason: 'the target maps no inventory role errorsCluster',
  },
  {
    description: 'an unmapped role a lack is declared on',
    assumptions: { lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: 'operatorDeniedCluster' }] },
    reason: 'the target maps no inventory role operatorDeniedCluster',
  },
  {
    description: 'a role outside the allowlist, for a test that changes state',
    assumptions: { roles: ['nonWcpCluster'] },
    changesState: true,
    reason: 'safe mode: this test changes state and domain-c2002 is not in the mutation allowlist',
  },
  { description: 'a role outside the allowlist, for a test that only reads', assumptions: { roles: ['nonWcpCluster'] }, reason: undefined },
  { description: 'a missing user', assumptions: { users: ['read-only'] }, reason: 'the target has no user for role read-only' },
  {
    description: 'a lack of a missing user',
    assumptions: { lacks: [{ role: 'read-only', privilege: STAGE_WRITE }] },
    reason: 'the target has no user for role read-only',
  },
  {
    description: 'an undeclared lack on the clusters of roles',
    assumptions: { lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: ['upgradableCluster', 'nonWcpCluster'] }] },
    reason:
      'the profile does not declare that the operator user lacks Namespaces.Upgrade on ' +
      'domain-c1006 (users.operator.lacks (or users.operator.lacksOn["domain-c1006"]))',
  },
  {
    description: 'an undeclared lack everywhere',
    assumptions: { lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade' }] },
    reason: 'the profile does not declare that the operator user lacks Namespaces.Upgrade (users.operator.lacks)',
  },
  {
    description: 'no reset',
    assumptions: { roles: ['stageCluster'], reset: true },
    reason: 'the target cannot be reset (no capabilities.reset in its profile)',
  },
  {
    description: 'no reset and an unmapped role: reset first, as the suites call need',
    assumptions: { roles: ['errorsCluster'], reset: true },
    reason: 'the target cannot be reset (no capabilities.reset in its profile)',
  },
  {
    description: 'an unmapped role and a missing user: the role first',
    assumptions: { roles: ['errorsCluster'], users: ['read-only'] },
    reason: 'the target maps no inventory role errorsCluster',
  },
];

for (const { description, assumptions, changesState, reason } of cases) {
  test(`unmetAssumption: ${description}`, () => {
    expect(unmetAssumption(normalise(assumptions), LAB, changesState ?? false)).toBe(reason);
  });
}
