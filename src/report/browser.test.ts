import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSuites, type SuiteRun } from '../proof/run-suites';

/**
 * The reports as people see them: conformance.html and Playwright's HTML report opened from disk in
 * real Chromium (Debian's package; .ci/run installs it), for a clean run and for one with a fault.
 */
const CHROMIUM = '/usr/bin/chromium';
const MISSING =
  `Chromium not installed at ${CHROMIUM}: apt-get install -y chromium (.ci/run ` +
  'installs it; VCCONFORM_REQUIRE_BROWSER=1 makes its absence a failure)';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FILES = ['suites/session.lifecycle.spec.ts', 'suites/stage-task.lifecycle.spec.ts'];

test.describe.configure({ mode: 'serial', timeout: 180_000 });
// A fresh machine with only Node and npm skips these, saying why; CI sets VCCONFORM_REQUIRE_BROWSER=1 and never skips.
test.skip(!existsSync(CHROMIUM) && process.env.VCCONFORM_REQUIRE_BROWSER !== '1', MISSING);

let browser: Browser;
const runs: Record<'clean' | 'faulty', SuiteRun | undefined> = { clean: undefined, faulty: undefined };

test.beforeAll(async () => {
  // A beforeAll hook gets the project's timeout, not describe.configure's: two child runs and a Chromium
  // launch take ~20 s on a quiet 2-core machine and several times that on a busy one.
  test.setTimeout(600_000);
  expect(existsSync(CHROMIUM), MISSING).toBe(true);
  runs.clean = await runSuites({ faults: [], files: FILES, numRuns: 3 });
  // A task whose progress goes down: a failed check with a task poll history, drawn as a timeline.
  runs.faulty = await runSuites({ faults: ['progress-decreases'], files: FILES, numRuns: 3 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

test.afterAll(async () => {
  await browser?.close();
});

/** Opens a file from disk, keeping every console error and uncaught page error. */
async function open(file: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  expect(existsSync(file), file).toBe(true);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

for (const kind of ['clean', 'faulty'] as const) {
  test(
    `conformance.html of a ${kind} run shows the verdict, ` +
      `the matrix${kind === 'faulty' ? ', the failure with its timeline' : ''} in Chromium, with no console errors`,
    async () => {
      const run = runs[kind]!;
      expect(run.exitCode).toBe(kind === 'clean' ? 0 : 1);
      const { page, errors } = await open(join(run.reports, 'conformance.html'));
      await screenshot(page, `conformance-${kind}.png`);
      await expect(page.locator('#verdict')).toBeVisible();
      await expect(page.locator('#verdict h2')).toContainText(kind === 'clean' ? 'PASS' : 'FAIL');
      await expect(page.locator('#matrix')).toBeVisible();
      await expect(page.locator('#matrix td.cell.st-passed').first()).toBeVisible();
      await expect(page.locator('#coverage')).toBeVisible();
      if (kind === 'clean') {
        await expect(page.locator('.failure')).toHaveCount(0);
      } else {
        await expect(page.locator('#matrix td.cell.st-failed').first()).toBeVisible();
        const failure = page.locator('.failure').filter({ hasText: 'progress-never-decreases' }).first();
        await expect(failure).toBeVisible();
        await expect(failure.locator('.received').first()).toBeVisible();
        await expect(failure.locator('.documented').first()).toBeVisible();
        await expect(failure.locator('pre.curl')).toContainText('curl');
        await expect(failure.locator('svg.timeline')).toBeVisible();
        await test.info().attach('failure.png', { body: await failure.screenshot(), contentType: 'image/png' });
      }
      expect(errors).toEqual([]);
    },
  );
}

test('conformance.html keeps its verdict, matrix and failures without JavaScript', async () => {
  const { page, errors } = await open(join(runs.faulty!.reports, 'conformance.html'), { javaScriptEnabled: false });
  await expect(page.locator('#verdict h2')).toContainText('FAIL');
  await expect(page.locator('#matrix td.cell.st-failed').first()).toBeVisible();
  await expect(page.locator('.failure').first()).toBeVisible();
  expect(errors).toEqual([]);
});

for (const kind of ['clean', 'faulty'] as const) {
  test(`Playwright's HTML report of a ${kind} run opens from disk in Chromium and lists the tests, with no console errors`, async () => {
    const run = runs[kind]!;
    const { page, errors } = await open(join(run.reports, 'html', 'index.html'));
    await expect(page.getByText('create answers 201 with a bare string').first()).toBeVisible();
    if (kind === 'faulty') {
      await page
        .getByText(/Failed\s*\d+/)
        .first()
        .click();
      await expect(
        page.getByText(/staging a clean cluster|staging a cluster where a host fails|a stage of a subset/).first(),
      ).toBeVisible();
    }
    await screenshot(page, `playwright-report-${kind}.png`);
    expect(errors).toEqual([]);
  });
}
