import { ASSUMES_ANNOTATION, assumptionsText, type Assumptions } from './assumes';
import { planKey, type RequestClass } from './classify';

/**
 * What a test may send, by class (src/safety/classify.ts): declared statically so `vcconform run
 * --dry-run` can print the plan without sending anything, and so a test that sends state-changing
 * requests is skipped up front in safe mode. The guard checks every request against it: a request
 * outside the plan fails the test before it is sent.
 */
export type Plan = Partial<Record<RequestClass, readonly string[]>>;

export const PLAN_ANNOTATION = 'vcconform.sends';
const CLASSES: readonly RequestClass[] = ['read-only', 'expected-rejected', 'state-changing'];

type Annotation = { type: string; description: string };

/** Playwright test details: the plan's annotation, and with assuming() the assumptions' beside it. */
export class TestDetails<A extends Annotation | Annotation[] = Annotation | Annotation[]> {
  constructor(readonly annotation: A) {}

  /**
   * The same details, also declaring what the test assumes of the lab: `sends({…}).assuming({ roles: ['stageCluster'], reset: true })`.
   * Assuming nothing (`{ roles: [] }`) adds no annotation: a test without one assumes nothing.
   */
  assuming(assumptions: Assumptions): TestDetails<Annotation[]> {
    const text = assumptionsText(assumptions);
    return new TestDetails([...[this.annotation].flat(), ...(text ? [{ type: ASSUMES_ANNOTATION, description: text }] : [])]);
  }
}

/** Test details declaring the plan: `test('title', sends({ 'read-only': ['clusters.get'] }), async (…) => …)`. */
export function sends(plan: Plan): TestDetails<Annotation> {
  return new TestDetails({ type: PLAN_ANNOTATION, description: planText(plan) });
}

/** `read-only: a, b; state-changing: c` (the annotation text, readable in the HTML report). */
export function planText(plan: Plan): string {
  return CLASSES.filter((c) => plan[c]?.length)
    .map((c) => `${c}: ${[...new Set(plan[c])].sort().join(', ')}`)
    .join('; ');
}

/** Parses an annotation text back into a plan; throws on anything else (a hand-written typo). */
export function parsePlan(text: string): Plan {
  const plan: Record<string, string[]> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z-]+):\s*(.+)$/.exec(part);
    if (!m || !CLASSES.includes(m[1] as RequestClass))
      throw new Error(
        `[vcconform] Failed to read the test plan ${JSON.stringify(text)}: ${JSON.stringify(part)} is ` +
          `not "<class>: op, op" with class one of ${CLASSES.join(', ')}.`,
      );
    plan[m[1]!] = [
      ...(plan[m[1]!] ?? []),
      ...m[2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ];
  }
  return plan as Plan;
}

/** Logging in and out is the harness's own housekeeping (one session per role, deleted at the end): every plan admits it. */
const HOUSEKEEPING = [planKey('session.create', 'read-only'), planKey('session.delete', 'read-only')];

/** The plan's `operation:class` keys, as the guard checks them (with the session housekeeping). */
export function planKeys(plan: Plan): Set<string> {
  return new Set([...HOUSEKEEPING, ...CLASSES.flatMap((c) => (plan[c] ?? []).map((op) => planKey(op, c)))]);
}

/** The plan a test declared in its annotations, or undefined when it declared none. */
export function declaredPlan(annotations: readonly { type: string; description?: string }[]): Plan | undefined {
  const found = annotations.filter((a) => a.type === PLAN_ANNOTATION);
  if (found.length === 0) return undefined;
  const merged: Record<string, string[]> = {};
  for (const a of found)
    for (const [c, ops] of Object.entries(parsePlan(a.description ?? ''))) merged[c] = [...(merged[c] ?? []), ...(ops ?? [])];
  return merged as Plan;
}
