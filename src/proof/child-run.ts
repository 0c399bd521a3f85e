import { outsidePlaywright } from '../util/child-env';
import { spawn } from 'node:child_process';
import { PACKAGE_BIN as BIN, PACKAGE_ROOT as ROOT } from '../util/package-root';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CheckAnnotation } from '../report/check-outcomes';
import { join } from 'node:path';

/**
 * Self-test helpers for running the real `vcconform run` as a child process and reading what it
 * wrote: the CLI tests and the live-target proofs use them.
 */
export { PACKAGE_ROOT as ROOT } from '../util/package-root';
/** The reference mock's administrator (fixtures/inventory/default.json). */
export const ADMIN = { VCENTER_USER: 'administrator@vsphere.local', VCENTER_PASSWORD: 'mock-Admin!23' };

/** This process's environment without what the outer Playwright run sets for its workers (and without credentials), plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = outsidePlaywright({ ...process.env, FORCE_COLOR: '0' });
  for (const key of Object.keys(env)) if (/^VCENTER_/.test(key)) delete env[key];
  return { ...env, ...extra };
}

/** Runs the real bin (`vcconform run …`) as a child process. */
export function bin(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return vcconform('run', args, env);
}

/** Runs the real bin with any command (`vcconform merge …`, `vcconform compare …`) as a child process. */
export function vcconform(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return nodeChild([BIN, command, ...args], env);
}

/** Runs `node ARGS` in the repository as a child process, collecting its output and exit code. */
export function nodeChild(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Report {
  stats: { expected: number; unexpected: number; skipped: number };
  suites: Suite[];
}
export interface Suite {
  specs?: {
    title: string;
    tests: {
      annotations: { type: string; description?: string }[];
      results: { annotations?: { type: string; description?: string }[] }[];
    }[];
  }[];
  suites?: Suite[];
}

/** The JSON report, and every check annotation in it (check, status, issues, …). */
export function readReport(reports: string): { report: Report; checks: CheckAnnotation[]; skips: string[] } {
  const report = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8')) as Report;
  const checks: CheckAnnotation[] = [];
  const skips: string[] = [];
  const walk = (s: Suite) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) {
        for (const a of t.annotations) if (a.type === 'skip' && a.description) skips.push(a.description);
        for (const r of t.results)
          for (const a of r.annotations ?? [])
            if (a.type === 'vcconform.check' && a.description) checks.push(JSON.parse(a.description) as CheckAnnotation);
      }
    (s.suites ?? []).forEach(walk);
  };
  report.suites.forEach(walk);
  return { report, checks, skips };
}

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const reportsDir = () => mkdtempSync(join(tmpdir(), 'vcconform-run-'));
