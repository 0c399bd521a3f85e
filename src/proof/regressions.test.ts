import { test, expect } from '@playwright/test';
import { bin, cleanEnv, readReport, reportsDir } from './child-run';
import { startCanaryLab } from './lab';

/**
 * False failures a conforming server got, each kept as a regression (issue 11): the reference mock
 * started on its own is a conforming server the harness did not start, used as a live target.
 */
test.describe.configure({ timeout: 300_000 });

test('"get of a cluster id that does not exist" never draws an id the target has (domain-c13 was drawn, and exists as a non-WCP cluster)', async () => {
  const lab = await startCanaryLab();
  try {
    // --target: no profile, so no roles tell the harness which ids exist; 200 runs over fresh seeds.
    for (const seed of ['1', '2', '3']) {
      const reports = reportsDir();
      const env = cleanEnv({ VCENTER_USER: 'administrator@vsphere.local', VCENTER_PASSWORD: lab.mock.users.find((u) => u.role === 'administrator')!.password });
      const r = await bin(['--target', lab.mock.url, '--grep', 'get of a cluster id that does not exist', '--runs', '200', '--seed', seed, '--reports', reports], env);
      expect(r.code, r.stdout.slice(-2000)).toBe(0);
      expect(readReport(reports).report.stats.expected).toBe(1);
    }
    const asked = lab.mock.journal.all().filter((e) => e.operation === 'clusters.get').map((e) => e.path.split('/').pop()!);
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((id) => lab.mock.state.clusters.has(id))).toEqual([]);
  } finally {
    await lab.mock.close();
  }
});

// The stage task that outlived its test, the operator who may stage and duplicates bound to a set: conforming-variants.test.ts.
