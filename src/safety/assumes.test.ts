import { test, expect } from '@playwright/test';
import { thrown } from '../util/thrown';
import {
  ASSUMES_ANNOTATION,
  assumedRoles,
  assumedUsers,
  assumptionsText,
  declaredAssumptions,
  normalise,
  parseAssumptions,
  undeclaredNeed,
  type Assumed,
  type Assumptions,
  type NeedCall,
} from './assumes';
import { PLAN_ANNOTATION, declaredPlan, sends } from './plan';
import { mockRoles } from '../target/mock-roles';
import { INVENTORY_ROLES } from '../target/roles';

const STAGE_WRITE = 'VcIntegrity.lifecycleSoftwareRemediation.Write';
const NOTHING: Assumed = { roles: [], users: [], lacks: [], reset: false };

test('sends(…).assuming(…) puts the assumptions beside the plan, as a second annotation', () => {
  const details = sends({ 'read-only': ['clusters.get'] }).assuming({ roles: ['stageCluster'], reset: true });
  expect(details.annotation).toEqual([
    { type: PLAN_ANNOTATION, description: 'read-only: clusters.get' },
    { type: 'vcconform.assumes', description: 'roles: stageCluster; reset' },
  ]);
  expect(ASSUMES_ANNOTATION).toBe('vcconform.assumes');
  expect(declaredPlan(details.annotation)).toEqual({ 'read-only': ['clusters.get'] });
  expect(declaredAssumptions(details.annotation)).toEqual({ ...NOTHING, roles: ['stageCluster'], reset: true });
});

test('assuming nothing adds no annotation, and declares nothing', () => {
  const details = sends({ 'read-only': ['clusters.get'] }).assuming({ roles: [] });
  expect(details.annotation).toEqual([{ type: PLAN_ANNOTATION, description: 'read-only: clusters.get' }]);
  expect(declaredAssumptions(details.annotation)).toEqual(NOTHING);
});

test('sends(…) alone is still one annotation, and assuming() leaves the plan it came from unchanged', () => {
  const plan = sends({ 'read-only': ['clusters.get'] });
  plan.assuming({ reset: true });
  expect(plan.annotation).toEqual({ type: PLAN_ANNOTATION, description: 'read-only: clusters.get' });
});

const texts: { description: string; assumptions: Assumptions; text: string }[] = [
  { description: 'nothing', assumptions: {}, text: '' },
  {
    description: 'roles sorted and deduplicated',
    assumptions: { roles: ['warningsCluster', 'errorsCluster', 'warningsCluster'] },
    text: 'roles: errorsCluster, warningsCluster',
  },
  { description: 'reset: false is no assumption', assumptions: { roles: ['stageCluster'], reset: false }, text: 'roles: stageCluster' },
  {
    description: 'every kind, in a fixed order whatever the key order',
    assumptions: {
      reset: true,
      lacks: [{ role: 'operator', privilege: STAGE_WRITE, on: 'stageCluster' }],
      users: ['read-only', 'operator'],
      roles: ['stageCluster'],
    },
    text: `roles: stageCluster; users: operator, read-only; lacks: operator ${STAGE_WRITE} on stageCluster; reset`,
  },
  {
    description: 'a lack everywhere has no "on"; the inventory roles of one user\'s lack are joined by "+"',
    assumptions: {
      lacks: [
        { role: 'read-only', privilege: 'Namespaces.Upgrade', on: ['warningsCluster', 'errorsCluster'] },
        { role: 'operator', privilege: STAGE_WRITE },
        { role: 'read-only', privilege: 'Namespaces.Upgrade', on: 'stageCluster' },
      ],
    },
    text: `lacks: operator ${STAGE_WRITE}, read-only Namespaces.Upgrade on errorsCluster+stageCluster+warningsCluster`,
  },
  {
    description: 'the same privilege lacked everywhere and on a role are two items',
    assumptions: {
      lacks: [
        { role: 'operator', privilege: 'Namespaces.Upgrade', on: 'operatorDeniedCluster' },
        { role: 'operator', privilege: 'Namespaces.Upgrade' },
      ],
    },
    text: 'lacks: operator Namespaces.Upgrade, operator Namespaces.Upgrade on operatorDeniedCluster',
  },
];

for (const { description, assumptions, text } of texts) {
  test(`assumptionsText: ${description}, and parseAssumptions reads it back`, () => {
    expect(assumptionsText(assumptions)).toBe(text);
    expect(parseAssumptions(text)).toEqual(normalise(assumptions));
  });
}

test('normalise makes an "on" list one lack per inventory role, sorted and without duplicates', () => {
  expect(
    normalise({ lacks: [{ role: 'read-only', privilege: 'P', on: ['warningsCluster', 'errorsCluster', 'warningsCluster'] }] }).lacks,
  ).toEqual([
    { role: 'read-only', privilege: 'P', on: 'errorsCluster' },
    { role: 'read-only', privilege: 'P', on: 'warningsCluster' },
  ]);
});

test('parseAssumptions tolerates the spacing a hand-written annotation has, and merges a kind named twice', () => {
  expect(
    parseAssumptions(`  roles:stageCluster ; reset;lacks:  operator   ${STAGE_WRITE}  on  stageCluster ; roles: hostOutsideCluster ;`),
  ).toEqual({
    roles: ['hostOutsideCluster', 'stageCluster'],
    users: [],
    lacks: [{ role: 'operator', privilege: STAGE_WRITE, on: 'stageCluster' }],
    reset: true,
  });
});

for (const [description, text, part, why] of [
  ['an unknown kind', 'roles: stageCluster; needs: reset', 'needs: reset', 'is not "roles: …", "users: …", "lacks: …" or "reset"'],
  ['"reset" with a value', 'reset: true', 'reset: true', 'is not "roles: …"'],
  ['a kind with nothing after it', 'roles:', 'roles:', 'is not "roles: …"'],
  ['an empty item', 'roles: stageCluster,, errorsCluster', 'roles: stageCluster,, errorsCluster', 'has an empty item'],
  [
    'an unknown inventory role',
    'roles: stagecluster',
    'roles: stagecluster',
    'names "stagecluster", which is not an inventory role (upgradableCluster, ',
  ],
  ['an unknown user role', 'users: admin', 'users: admin', 'names "admin", which is not a user role (administrator, read-only, operator)'],
  ['a lack without a privilege', 'lacks: operator', 'lacks: operator', 'has "operator", which is not "<user role> <privilege>"'],
  ['a lack of an unknown user role', 'lacks: root Namespaces.Upgrade', 'lacks: root Namespaces.Upgrade', 'whose "root" is not a user role'],
  [
    'a lack on an unknown inventory role',
    'lacks: operator Namespaces.Upgrade on domain-c10',
    'lacks: operator Namespaces.Upgrade on domain-c10',
    'whose "domain-c10" is not an inventory role',
  ],
  [
    'a lack on a "+" list with an unknown inventory role',
    'lacks: operator Namespaces.Upgrade on stageCluster+bogus',
    'lacks: operator Namespaces.Upgrade on stageCluster+bogus',
    'whose "bogus" is not an inventory role',
  ],
  [
    'a lack on a "+" list ending in "+"',
    'lacks: operator Namespaces.Upgrade on stageCluster+',
    'lacks: operator Namespaces.Upgrade on stageCluster+',
    'whose "" is not an inventory role',
  ],
  [
    'a lack with words after it',
    'lacks: operator Namespaces.Upgrade on stageCluster please',
    'lacks: operator Namespaces.Upgrade on stageCluster please',
    'is not "<user role> <privilege>"',
  ],
] as const) {
  test(`parseAssumptions rejects ${description}, naming the part`, () => {
    const error = thrown(() => parseAssumptions(text));
    expect(error).toContain(`[vcconform] Failed to read the test's assumptions ${JSON.stringify(text)}: ${JSON.stringify(part)} `);
    expect(error).toContain(why);
    expect(error).toContain('sends(…).assuming({ roles, users, lacks, reset })');
  });
}

test('declaredAssumptions merges every vcconform.assumes annotation, ignores the others, and is nothing without one', () => {
  expect(declaredAssumptions([])).toEqual(NOTHING);
  expect(declaredAssumptions([{ type: PLAN_ANNOTATION, description: 'read-only: x' }, { type: 'issue' }])).toEqual(NOTHING);
  expect(
    declaredAssumptions([
      { type: ASSUMES_ANNOTATION, description: 'roles: stageCluster' },
      { type: 'skip', description: 'roles: errorsCluster' },
      { type: ASSUMES_ANNOTATION, description: 'users: operator; reset' },
    ]),
  ).toEqual({ roles: ['stageCluster'], users: ['operator'], lacks: [], reset: true });
  expect(thrown(() => declaredAssumptions([{ type: ASSUMES_ANNOTATION, description: 'role: stageCluster' }]))).toContain(
    '"role: stageCluster"',
  );
});

test('a lack implies its user and the inventory role it is declared on', () => {
  const a = normalise({
    roles: ['stageCluster'],
    users: ['administrator'],
    lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: 'operatorDeniedCluster' }],
  });
  expect(assumedRoles(a)).toEqual(['operatorDeniedCluster', 'stageCluster']);
  expect(assumedUsers(a)).toEqual(['administrator', 'operator']);
});

test('INVENTORY_ROLES lists every inventory role the mock maps', () => {
  expect([...INVENTORY_ROLES].sort()).toEqual(Object.keys(mockRoles).sort());
});

/** What a test declared, as the need fixture reads it. */
const declared = (a: Assumptions) => normalise(a);
const TITLE = 'stages a cluster';

test('a need the test declared is allowed', () => {
  const a = declared({
    roles: ['stageCluster'],
    users: ['read-only'],
    reset: true,
    lacks: [
      { role: 'operator', privilege: STAGE_WRITE, on: 'stageCluster' },
      { role: 'read-only', privilege: STAGE_WRITE },
    ],
  });
  const calls: NeedCall[] = [
    { need: 'roles', keys: ['stageCluster'] },
    { need: 'roles', keys: [] },
    { need: 'users', roles: ['read-only', 'operator'] },
    { need: 'reset' },
    { need: 'lacks', role: 'operator', privilege: STAGE_WRITE, clusters: ['domain-c10'] },
    { need: 'lacks', role: 'read-only', privilege: STAGE_WRITE, clusters: [] },
  ];
  for (const call of calls) expect(undeclaredNeed(TITLE, a, call, mockRoles), JSON.stringify(call)).toBeUndefined();
});

const undeclared: { description: string; assumptions: Assumptions; call: NeedCall; message: string }[] = [
  {
    description: 'need.roles of a role it did not declare',
    assumptions: { roles: ['stageCluster'] },
    call: { need: 'roles', keys: ['stageCluster', 'hostOutsideCluster'] },
    message:
      `[vcconform] Failed to run "${TITLE}": it calls need.roles('stageCluster', ` +
      "'hostOutsideCluster') but does not declare it; add roles: ['hostOutsideCluster'] to its " +
      'sends(…).assuming({…}) (src/safety/assumes.ts), so --dry-run shows what it assumes.',
  },
  {
    description: 'need.roles by a test that declares nothing',
    assumptions: {},
    call: { need: 'roles', keys: ['x' as 'stageCluster'] },
    message:
      `[vcconform] Failed to run "${TITLE}": it calls need.roles('x') but does not declare it; add roles: ` +
      "['x'] to its sends(…).assuming({…}) (src/safety/assumes.ts), so --dry-run shows what it assumes.",
  },
  {
    description: 'need.users',
    assumptions: { users: ['operator'] },
    call: { need: 'users', roles: ['read-only'] },
    message: "need.users('read-only') but does not declare it; add users: ['read-only'] to its",
  },
  {
    description: 'need.reset',
    assumptions: { roles: ['stageCluster'] },
    call: { need: 'reset' },
    message: 'need.reset() but does not declare it; add reset: true to its',
  },
  {
    description: 'a lack everywhere declared only on a cluster',
    assumptions: { lacks: [{ role: 'operator', privilege: STAGE_WRITE, on: 'stageCluster' }] },
    call: { need: 'lacks', role: 'operator', privilege: STAGE_WRITE, clusters: [] },
    message:
      `need.lacks('operator', '${STAGE_WRITE}') but does not declare it; ` +
      `add lacks: [{ role: 'operator', privilege: '${STAGE_WRITE}' }] to its`,
  },
  {
    description: 'a lack on a cluster declared only everywhere (--dry-run would ask more of the profile than the run does)',
    assumptions: { lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade' }] },
    call: { need: 'lacks', role: 'operator', privilege: 'Namespaces.Upgrade', clusters: ['domain-c14'] },
    message:
      "need.lacks('operator', 'Namespaces.Upgrade', 'domain-c14') but does not declare it; add lacks: " +
      "[{ role: 'operator', privilege: 'Namespaces.Upgrade', on: 'noDesiredDocumentCluster' }] to its",
  },
  {
    description: 'a lack on a cluster of another role, naming the roles of the clusters left',
    assumptions: { lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: 'warningsCluster' }] },
    call: { need: 'lacks', role: 'read-only', privilege: 'Namespaces.Upgrade', clusters: ['domain-c11', 'domain-c12', 'domain-c10'] },
    message:
      "add lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: " +
      '[<errorsCluster or operatorDeniedCluster>, <upgradableCluster or stageCluster>] }] to its',
  },
  {
    description: 'a lack of another privilege or user',
    assumptions: { lacks: [{ role: 'read-only', privilege: 'Namespaces.Upgrade', on: 'stageCluster' }] },
    call: { need: 'lacks', role: 'operator', privilege: 'Namespaces.Upgrade', clusters: ['domain-c99'] },
    message: "add lacks: [{ role: 'operator', privilege: 'Namespaces.Upgrade', on: <the inventory role of domain-c99> }] to its",
  },
];

for (const { description, assumptions, call, message } of undeclared) {
  test(`undeclaredNeed refuses ${description}, in one line naming the test and what to add`, () => {
    const error = undeclaredNeed(TITLE, declared(assumptions), call, mockRoles);
    expect(error).toContain(message);
    expect(error).toMatch(new RegExp(`^\\[vcconform\\] Failed to run "${TITLE}": `));
    expect(error).not.toContain('\n');
  });
}
