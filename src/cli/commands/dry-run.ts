import { spawn } from 'node:child_process';
import { PACKAGE_ROOT as ROOT } from '../../util/package-root';
import { assumptionsText, declaredAssumptions, type Assumed } from '../../safety/assumes';
import { declaredPlan, type Plan } from '../../safety/plan';
import { profileOffer, unmetAssumption, type TargetOffer } from '../../target/unmet';
import { notInScope, outOfScope } from '../../target/scope';
import type { Io } from '../io';

/** One test of the plan: what it sends by class, and whether this run would send it. */
export interface PlannedTest {
  file: string;
  title: string;
  plan?: Plan;
  /** What it assumes of the lab (sends(…).assuming({…})); absent when it declares no plan. */
  assumes?: Assumed;
  /** `run`, or why it would be skipped before sending anything: `skip (…)` in the words of the skip it would get. */
  decision: string;
}

const NO_PLAN = 'no plan declared: the test would fail before sending anything';

interface ListedSuite {
  title: string;
  file?: string;
  specs?: { title: string; file: string; tests: { annotations: { type: string; description?: string }[] }[] }[];
  suites?: ListedSuite[];
}

/**
 * The tests Playwright lists (`--list --reporter=json`) with their declared plans and assumptions and this
 * run's decision: safe mode first, as the plan fixture skips, then the first assumption `target` does not
 * meet, in the need fixture's words (src/target/unmet.ts). No target (the embedded mock) meets every one.
 */
export function plannedTests(
  report: { suites: ListedSuite[] },
  allowMutations: boolean,
  target?: TargetOffer,
  scope?: readonly string[],
): PlannedTest[] {
  const out: PlannedTest[] = [];
  const walk = (suite: ListedSuite, path: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests) {
        const plan = declaredPlan(t.annotations);
        const assumes = declaredAssumptions(t.annotations);
        const changing = plan?.['state-changing'] ?? [];
        const unmet = target && unmetAssumption(assumes, target, changing.length > 0);
        const outside = plan === undefined ? [] : outOfScope(scope, Object.values(plan).flat());
        const decision =
          plan === undefined
            ? NO_PLAN
            : outside.length
              ? `skip (${notInScope(scope, outside)})`
              : changing.length && !allowMutations
                ? `skip (safe mode: state-changing ${changing.join(', ')})`
                : unmet
                  ? `skip (${unmet})`
                  : 'run';
        out.push({ file: spec.file, title: [...path, spec.title].join(' › '), ...(plan && { plan, assumes }), decision });
      }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const s of report.suites) walk(s, []);
  return out;
}

/** The plan as text: one block per test, its operations by class and its assumptions, then the totals. */
export function planLines(tests: readonly PlannedTest[], target: string): string[] {
  const lines = [`vcconform run --dry-run: ${tests.length} tests against ${target}; nothing is sent.`, ''];
  for (const t of tests) {
    lines.push(`${t.file} › ${t.title}`);
    for (const [cls, ops] of Object.entries(t.plan ?? {})) lines.push(`    ${cls.padEnd(18)} ${(ops ?? []).join(', ')}`);
    if (t.assumes) lines.push(`    ${'assumes'.padEnd(18)} ${assumptionsText(t.assumes) || 'nothing'}`);
    lines.push(`    → ${t.decision}`);
  }
  // A test whose roles lie outside the mutation allowlist is skipped by safe mode too (its reason says "safe mode:").
  const runs = tests.filter((t) => t.decision === 'run').length;
  const safe = tests.filter((t) => t.decision.startsWith('skip (safe mode')).length;
  const scoped = tests.filter((t) => t.decision.startsWith('skip (not in scope')).length;
  const unmet = tests.filter(
    (t) => t.decision.startsWith('skip (') && !t.decision.startsWith('skip (safe mode') && !t.decision.startsWith('skip (not in scope'),
  ).length;
  lines.push(
    '',
    `${runs} would run, ${scoped ? `${scoped} are not in scope, ` : ''}${safe} would be skipped in safe mode, ${unmet} for ` +
      `an assumption the target does not meet, ${tests.length - runs - safe - unmet - scoped} declare no plan.`,
  );
  return lines;
}

/**
 * Lists the tests without running them (Playwright `--list`) and prints the plan, judged against the
 * target's profile (`s.profile`: a live target's or a recording's; undefined for the embedded mock).
 * Exit 0, or 2 when listing fails.
 */
export async function printPlan(
  s: {
    target?: string;
    allowMutations: boolean;
    profile?: Parameters<typeof profileOffer>[0] & { operations?: readonly string[] };
    operations?: readonly string[];
  },
  env: NodeJS.ProcessEnv,
  argv: string[],
  io: Io,
): Promise<number> {
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) => done({ code: 1, stdout: '', stderr: e.message }));
    child.on('exit', (c) => done({ code: c, stdout: out, stderr: err }));
  });
  let report: { suites: ListedSuite[] };
  try {
    report = JSON.parse(stdout) as { suites: ListedSuite[] };
  } catch {
    io.err(
      `[vcconform] Failed to list the tests for --dry-run: Playwright exited ${code} without ` +
        `a JSON listing: ${(stderr || stdout).trim().split('\n').slice(-3).join(' | ')}.`,
    );
    return 2;
  }
  // --operations overrides the scope the profile declares, as in the run.
  const scope = s.operations ?? s.profile?.operations;
  io.out(
    planLines(plannedTests(report, s.allowMutations, s.profile && profileOffer(s.profile), scope), s.target ?? 'the embedded mock').join(
      '\n',
    ),
  );
  return 0;
}
