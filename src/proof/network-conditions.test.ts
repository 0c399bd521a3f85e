import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanEnv, reportsDir } from './child-run';
import { startCanaryLab } from './lab';
import { startMisbehavingTarget, type Misbehaviour } from './misbehaving-target';

/**
 * Issue 10: a misbehaving target ends a run, never the harness. For each way a target or its network
 * goes wrong, a real `vcconform run --profile` against the reference mock behind a front that
 * misbehaves that way ends with exit 1 or 2 within its budget, writes its reports, names the
 * condition in one line, prints no harness stack frame and never crashes a worker.
 */
test.describe.configure({ mode: 'parallel', timeout: 300_000 });

/** A few tests, a property among them: enough to meet the condition on logins, reads, a task and a property's runs. */
const GREP = 'create answers 201|list answers 200|staging a clean cluster|every StageSpec variant';
const REQUEST_BUDGET_MS = 2000;
const RUN_BUDGET_MS = 90_000;

const modes: { mode: Misbehaviour; exit: 1 | 2; says: RegExp }[] = [
  { mode: 'refused', exit: 2, says: /the connection was refused/ },
  { mode: 'self-signed', exit: 2, says: /its certificate is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/ },
  { mode: 'no-answer', exit: 1, says: /POST \/api\/session: no complete answer after \d+ ms, over the budget of 2000 ms a request/ },
  { mode: 'slow', exit: 1, says: /no complete answer after \d+ ms, over the budget of 2000 ms a request/ },
  { mode: 'reset-mid-body', exit: 1, says: /POST \/api\/session: .*while the body of its 201 answer was being read/ },
  { mode: 'html', exit: 1, says: /Failed to log in as administrator: POST \/api\/session answered 200 "<html><body><h1>It works/ },
  { mode: 'text', exit: 1, says: /content-type-is-json/ },
  { mode: 'huge', exit: 1, says: /POST \/api\/session: response body over 8388608 bytes \(the profile's maxResponseBytes\)/ },
  { mode: 'error-500', exit: 1, says: /Failed to log in as administrator: POST \/api\/session answered 500 "Internal Server Error"/ },
];

for (const { mode, exit, says } of modes) {
  test(`a target whose network or answers are "${mode}" ends the run with exit ${exit}, its reports and one line naming it`, async () => {
    const lab = await startCanaryLab();
    const front = await startMisbehavingTarget({ upstream: lab.mock.url, mode, delayMs: 3000 });
    try {
      const reports = reportsDir();
      const profile = lab.profile(front.url, { timeoutMs: REQUEST_BUDGET_MS, runBudgetMs: RUN_BUDGET_MS });
      const started = Date.now();
      const r = await bin(
        ['--profile', profile, '--allow-mutations', '--runs', '3', '--grep', GREP, '--reports', reports],
        cleanEnv(lab.env),
      );
      const tookMs = Date.now() - started;
      const output = r.stdout + r.stderr;
      expect(r.code, output.slice(-3000)).toBe(exit);
      // Within the run's budget, plus the start-up and report writing Playwright does outside it.
      expect(tookMs).toBeLessThan(RUN_BUDGET_MS + 60_000);
      expect(output).toMatch(says);
      expect(output).not.toMatch(/FATAL ERROR|heap out of memory|Worker process exited unexpectedly/);
      // Harness stack frames are for harness bugs: a target's behaviour is one line.
      expect(output.split('\n').filter((l) => /^\s+at .*\((\/|node:)/.test(l))).toEqual([]);
      const report = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as {
        verdict: string;
        errors: { message: string }[];
      };
      expect(report.verdict).toBe('fail');
      if (exit === 1) {
        expect(existsSync(join(reports, 'results.json'))).toBe(true);
        expect(existsSync(join(reports, 'junit.xml'))).toBe(true);
      } else {
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(report.errors[0]?.message).toMatch(says);
      }
    } finally {
      await front.close();
      await lab.mock.close();
    }
  });
}
