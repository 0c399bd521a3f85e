import { test, expect } from '@playwright/test';
import { thrown } from '../util/thrown';
import { PLAN_ANNOTATION, declaredPlan, parsePlan, planKeys, planText, sends, type Plan } from './plan';

const HOUSEKEEPING = ['session.create:read-only', 'session.delete:read-only'];

test('sends() turns a plan into the vcconform.sends annotation', () => {
  expect(PLAN_ANNOTATION).toBe('vcconform.sends');
  expect(sends({ 'state-changing': ['software.stage'], 'read-only': ['clusters.get', 'clusters.list'] })).toEqual({
    annotation: { type: 'vcconform.sends', description: 'read-only: clusters.get, clusters.list; state-changing: software.stage' },
  });
});

const texts: { description: string; plan: Plan; text: string }[] = [
  { description: 'one class', plan: { 'read-only': ['clusters.get'] }, text: 'read-only: clusters.get' },
  {
    description: 'operations sorted and deduplicated',
    plan: { 'read-only': ['tasks.get', 'clusters.get', 'tasks.get'] },
    text: 'read-only: clusters.get, tasks.get',
  },
  {
    description: 'classes in a fixed order whatever the key order',
    plan: { 'state-changing': ['upgrade'], 'expected-rejected': ['software.stage'], 'read-only': ['clusters.get'] },
    text: 'read-only: clusters.get; expected-rejected: software.stage; state-changing: upgrade',
  },
  { description: 'empty classes left out', plan: { 'read-only': [], 'state-changing': ['upgrade'] }, text: 'state-changing: upgrade' },
  { description: 'an empty plan', plan: {}, text: '' },
];

for (const { description, plan, text } of texts) {
  test(`planText: ${description}`, () => {
    expect(planText(plan)).toBe(text);
  });
}

test('parsePlan reads back what planText wrote', () => {
  const plans: Plan[] = [
    { 'read-only': ['clusters.get', 'tasks.get'] },
    { 'read-only': ['clusters.get'], 'expected-rejected': ['software.stage'], 'state-changing': ['upgrade', 'upgrade-multiple'] },
    { 'expected-rejected': ['a'] },
    {},
  ];
  for (const plan of plans) expect(parsePlan(planText(plan))).toEqual(plan);
});

test('parsePlan tolerates the spacing a hand-written annotation has', () => {
  expect(parsePlan('  read-only:clusters.get ,tasks.get ;  state-changing:  upgrade ; ')).toEqual({
    'read-only': ['clusters.get', 'tasks.get'],
    'state-changing': ['upgrade'],
  });
});

for (const [description, text, part] of [
  ['an unknown class', 'read-only: clusters.get; writes: upgrade', 'writes: upgrade'],
  ['a part without a colon', 'read-only clusters.get', 'read-only clusters.get'],
  ['a class with no operations', 'state-changing:', 'state-changing:'],
  ['a class in capitals', 'Read-Only: clusters.get', 'Read-Only: clusters.get'],
] as const) {
  test(`parsePlan rejects ${description}, naming the part`, () => {
    const error = thrown(() => parsePlan(text));
    expect(error).toContain(`[vcconform] Failed to read the test plan ${JSON.stringify(text)}`);
    expect(error).toContain(`${JSON.stringify(part)} is not "<class>: op, op"`);
    expect(error).toContain('read-only, expected-rejected, state-changing');
  });
}

test('planKeys gives operation:class keys plus the session housekeeping', () => {
  expect([...planKeys({ 'read-only': ['clusters.get'], 'state-changing': ['software.stage', 'upgrade'] })].sort()).toEqual(
    ['clusters.get:read-only', ...HOUSEKEEPING, 'software.stage:state-changing', 'upgrade:state-changing'].sort(),
  );
});

test('planKeys of an empty plan admits only logging in and out', () => {
  expect([...planKeys({})].sort()).toEqual(HOUSEKEEPING);
});

test('declaredPlan merges every vcconform.sends annotation and ignores the others', () => {
  const annotations = [
    { type: 'issue', description: 'read-only: not-a-plan' },
    sends({ 'read-only': ['clusters.get'] }).annotation,
    sends({ 'read-only': ['tasks.get'], 'state-changing': ['upgrade'] }).annotation,
    { type: PLAN_ANNOTATION, description: 'expected-rejected: software.stage' },
  ];
  expect(declaredPlan(annotations)).toEqual({
    'read-only': ['clusters.get', 'tasks.get'],
    'state-changing': ['upgrade'],
    'expected-rejected': ['software.stage'],
  });
});

test('declaredPlan is undefined when no plan is declared', () => {
  expect(declaredPlan([])).toBeUndefined();
  expect(declaredPlan([{ type: 'skip', description: 'read-only: x' }, { type: 'issue' }])).toBeUndefined();
});

test('an empty sends({}) declares a plan that sends nothing (not "no plan")', () => {
  expect(declaredPlan([sends({}).annotation])).toEqual({});
});

test('declaredPlan throws on a malformed vcconform.sends annotation', () => {
  expect(thrown(() => declaredPlan([{ type: PLAN_ANNOTATION, description: 'readonly: clusters.get' }]))).toContain(
    '"readonly: clusters.get"',
  );
});

// A class named twice in one text is merged, not overwritten.
test('parsePlan does not silently drop a class named twice in one text', () => {
  let plan: Plan | undefined;
  try {
    plan = parsePlan('read-only: clusters.get; read-only: tasks.get');
  } catch {
    return; // rejecting the text is as good as merging it
  }
  expect(plan['read-only']).toEqual(expect.arrayContaining(['clusters.get', 'tasks.get']));
});
