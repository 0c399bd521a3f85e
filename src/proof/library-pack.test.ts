import { test, expect, type TestInfo } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { cleanEnv, ROOT } from './child-run';

/**
 * Issue 13: vcconform used as a library, as a new user would: `npm pack` this checkout, install the tarball into a
 * copy of examples/own-suite (its own directory, no TypeScript setup beyond the example's), type-check the example
 * against the packed declarations, run its Playwright suite (a team check beside vcconform's, against the embedded
 * mock), import the package from plain Node as an ES module, and run the packed `vcconform run` from there.
 */

/** The tests examples/own-suite/session.team.spec.ts holds. */
const EXAMPLE_TESTS = 2;

const EXAMPLE = join(ROOT, 'examples', 'own-suite');
const ourPlaywright = (JSON.parse(readFileSync(require.resolve('@playwright/test/package.json'), 'utf8')) as { version: string }).version;

/** The outer run's variables (Playwright's, vcconform's, fast-check's) stay out of the consumer's processes. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = cleanEnv();
  for (const key of Object.keys(env)) if (/^(VCCONFORM_|FC_)/.test(key)) delete env[key];
  return env;
}

interface Ran {
  code: number | null;
  stdout: string;
  /** stdout and stderr as they came. */
  output: string;
}

/** Runs a command to its end (no time limit of its own: the test's timeout is the budget), keeping stdout and stderr. */
function run(command: string, args: string[], cwd: string, env = consumerEnv()): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, output }));
  });
}

/** Runs a step and notes how long it took (annotation `vcconform.timing`: the report shows where the minutes go). */
async function timed<T>(info: TestInfo, title: string, body: () => Promise<T>): Promise<T> {
  return test.step(title, async () => {
    const started = Date.now();
    try {
      return await body();
    } finally {
      info.annotations.push({ type: 'vcconform.timing', description: `${title}: ${((Date.now() - started) / 1000).toFixed(1)} s` });
    }
  });
}

const tail = (r: Ran) => r.output.trim().split('\n').slice(-40).join('\n');

test('the packed package, installed in a copy of examples/own-suite, runs its suite, type-checks, imports and runs vcconform', async () => {
  const testInfo = test.info();
  // Pack, install (npm's cache is warm after npm ci; without the packuments it asks the registry for metadata), two Playwright runs.
  test.setTimeout(600_000);
  const work = mkdtempSync(join(tmpdir(), 'vcconform-pack-'));
  const consumer = join(work, 'own-suite');
  try {
    const tarball = await timed(testInfo, 'npm pack (its prepare emits the declarations)', async () => {
      const r = await run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
      expect(r.code, tail(r)).toBe(0);
      const [packed] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
      const files = packed!.files.map((f) => f.path);
      expect(files).toEqual(
        expect.arrayContaining(['index.js', 'register.js', 'types/src/index.d.ts', 'bin/vcconform.js', 'playwright.config.ts']),
      );
      expect(files.filter((f) => f.startsWith('suites/')).length).toBeGreaterThan(0);
      const unwanted = files.filter((f) => /^(reports|test-results|node_modules|examples|src\/bench)\/|\.test\.ts$|\.tgz$/.test(f));
      expect(unwanted, 'reports, dependencies, self-tests and the bench stay out of the package').toEqual([]);
      return join(work, basename(packed!.filename));
    });
    expect(
      readdirSync(ROOT).filter((f) => f.endsWith('.tgz')),
      'the tarball is written to the temporary directory only',
    ).toEqual([]);

    await timed(testInfo, 'install the tarball and @playwright/test into a copy of the example', async () => {
      cpSync(EXAMPLE, consumer, { recursive: true, filter: (src) => !/[\\/](node_modules|test-results|package-lock\.json)$/.test(src) });
      // The example's .npmrc installs vcconform from the checkout; here the tarball stands in for the registry.
      rmSync(join(consumer, '.npmrc'));
      const args = ['install', '--no-audit', '--no-fund', tarball, `@playwright/test@${ourPlaywright}`];
      let r = await run('npm', [...args, '--offline'], consumer);
      let mode = 'offline';
      if (r.code !== 0) {
        // After npm ci the tarballs are cached but not the packuments (it reads the lockfile), so --offline fails (ENOTCACHED,
        // or ERESOLVE for a peer it cannot look up): metadata from the registry then, tarballs still from the cache.
        mode = 'prefer-offline';
        r = await run('npm', [...args, '--prefer-offline'], consumer);
      }
      testInfo.annotations.push({ type: 'vcconform.install', description: `npm install --${mode}` });
      expect(r.code, tail(r)).toBe(0);
      // One @playwright/test, the consumer's: vcconform's fixtures share it (a second copy is "Requiring @playwright/test second time").
      expect(existsSync(join(consumer, 'node_modules', 'vcconform', 'node_modules', '@playwright'))).toBe(false);
    });

    await timed(
      testInfo,
      "type-check the example against the packed declarations, with the example's strict nodenext tsconfig",
      async () => {
        const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
        const r = await run(process.execPath, [tsc, '-p', join(consumer, 'tsconfig.json')], consumer);
        expect(r.code, tail(r)).toBe(0);
      },
    );

    await timed(testInfo, "run the example's suite with its own Playwright", async () => {
      const json = join(work, 'example-results.json');
      const cli = join(consumer, 'node_modules', '@playwright', 'test', 'cli.js');
      const r = await run(process.execPath, [cli, 'test', '--reporter=list,json'], consumer, {
        ...consumerEnv(),
        PLAYWRIGHT_JSON_OUTPUT_FILE: json,
      });
      expect(r.code, tail(r)).toBe(0);
      const { stats } = JSON.parse(readFileSync(json, 'utf8')) as { stats: { expected: number; unexpected: number; skipped: number } };
      expect(stats).toMatchObject({ expected: EXAMPLE_TESTS, unexpected: 0, skipped: 0 });
    });

    await timed(testInfo, 'import it from plain Node as an ES module, start the mock and log in', async () => {
      const script = [
        "import { startMock, checks, checkNamed } from 'vcconform';",
        'const mock = await startMock();',
        "const admin = mock.users.find((u) => u.role === 'administrator');",
        "const basic = Buffer.from(admin.username + ':' + admin.password).toString('base64');",
        "const r = await fetch(mock.url + '/api/session', { method: 'POST', headers: { authorization: 'Basic ' + basic } });",
        "console.log(JSON.stringify({ status: r.status, checks: checks.length, named: checkNamed('status-is-documented').name }));",
        'await mock.close();',
      ].join('\n');
      const r = await run(process.execPath, ['--input-type=module', '-e', script], consumer);
      expect(r.code, tail(r)).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ status: 201, checks: expect.any(Number), named: 'status-is-documented' });
    });

    await timed(
      testInfo,
      'run the packed vcconform run from the example (the session operations: every suite loads, the rest skip)',
      async () => {
        const reports = join(work, 'reports');
        const bin = join(consumer, 'node_modules', 'vcconform', 'bin', 'vcconform.js');
        const r = await run(process.execPath, [bin, 'run', '--operations', 'session.*', '--reports', reports], consumer);
        expect(r.code, tail(r)).toBe(0);
        const { stats } = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8')) as {
          stats: { expected: number; unexpected: number };
        };
        expect(stats.unexpected).toBe(0);
        expect(stats.expected).toBeGreaterThan(0);
        expect((JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as { verdict: string }).verdict).toBe('pass');
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
