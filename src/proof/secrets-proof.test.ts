import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cleanEnv, readReport, reportsDir } from './child-run';
import { startCanaryLab } from './lab';
import { startMisbehavingTarget, type MisbehavingOptions } from './misbehaving-target';
import { findSecrets } from './secret-scan';

/**
 * Issue 10: no secret reaches an artifact, whatever the network does. Whole `vcconform run`s against
 * the reference mock as a lab with canary passwords (all three roles, --profile), seen through a
 * front that records every session id the mock issued: a clean run, a run with faults whose failures
 * attach evidence, and a run through a proxy that resets and stalls connections, recorded. Then the
 * console and every file the run wrote — reports, test-results, cassettes, the HTML report's embedded
 * zip — are scanned for every password, its base64, every Basic token and every issued session id.
 */
test.describe.configure({ mode: 'parallel', timeout: 600_000 });

const PASS_THROUGH: Omit<MisbehavingOptions, 'upstream'> = { mode: 'flaky', flaky: { resetEvery: 1e9, stallEvery: 1e9 } };
/** Every 9th request reset, every 13th held past the profile's 4-second request budget. */
const FLAKY: Omit<MisbehavingOptions, 'upstream'> = { mode: 'flaky', flaky: { resetEvery: 9, stallEvery: 13, stallMs: 6000 } };

/**
 * The runs that fail use the tests that hold sessions longest and log in and out most (a failed test
 * restarts its worker, which takes seconds on a busy machine: a whole failing run would take many minutes).
 */
const SESSION_HEAVY =
  'create answers 201|garbage and truncated|session.get refuses|last_accessed_time|staging ' +
  'a clean cluster|a finished stage task read with exclude_result|every StageSpec variant';

const cases = [
  { name: 'a clean full run', front: PASS_THROUGH, faults: [], record: false, exit: 0 },
  // A login answered {"value": id}, a deleted session still accepted, a task whose progress goes down: failures with evidence.
  {
    name: 'a run with faults whose failures attach exchanges, curl lines and evidence',
    front: PASS_THROUGH,
    faults: ['session-id-wrapped', 'deleted-session-accepted', 'progress-decreases'],
    record: false,
    exit: 1,
    grep: SESSION_HEAVY,
  },
  {
    name: 'a recorded run through a proxy that resets and stalls connections',
    front: FLAKY,
    faults: [],
    record: true,
    exit: 1,
    grep: SESSION_HEAVY,
  },
];

for (const c of cases) {
  test(`${c.name} leaves no password, base64 credential or issued session id in the console or any artifact`, async () => {
    const lab = await startCanaryLab({ faults: c.faults });
    const front = await startMisbehavingTarget({ upstream: lab.mock.url, ...c.front });
    try {
      const reports = reportsDir();
      const cassettes = join(mkdtempSync(join(tmpdir(), 'vcconform-cassettes-')), 'tape');
      const profile = lab.profile(front.url, { timeoutMs: 4000 });
      const args = [
        '--profile',
        profile,
        '--allow-mutations',
        '--runs',
        '3',
        '--reports',
        reports,
        ...(c.record ? ['--record', cassettes] : []),
        ...(c.grep ? ['--grep', c.grep] : []),
      ];
      const r = await bin(args, cleanEnv(lab.env));
      expect(r.code, r.stderr.slice(-2000)).toBe(c.exit);
      const { report } = readReport(reports);
      expect(report.stats.expected + report.stats.unexpected, 'the run did test things').toBeGreaterThan(c.grep ? 5 : 40);
      // The scan means something only if there were secrets to find.
      expect(front.issuedSessionIds.size).toBeGreaterThan(3);
      const secrets = [...lab.credentials, ...front.issuedSessionIds];
      const leaks = findSecrets(secrets, { dirs: [reports, cassettes], texts: { stdout: r.stdout, stderr: r.stderr } });
      expect(leaks.map((l) => `${l.where}: ${l.secret.slice(0, 6)}…`)).toEqual([]);
      if (c.front === FLAKY) {
        // The network's faults are named as what they are, in one line each.
        expect(r.stdout).toMatch(/the target reset the connection \(ECONNRESET\)|the target closed the connection/);
        expect(r.stdout).toMatch(/no complete answer after \d+ ms, over the budget of 4000 ms/);
      }
    } finally {
      await front.close();
      await lab.mock.close();
    }
  });
}
