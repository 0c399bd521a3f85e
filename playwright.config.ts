import { defineConfig } from '@playwright/test';

/**
 * The only reader of process.env. Projects:
 * - `self`: harness self-tests, `*.test.ts` beside the code (src/, specs/, scripts/);
 * - `mock`: conformance suites (`suites/**\/*.spec.ts`) against the reference mock vCenter.
 */
const env = process.env;

export default defineConfig({
  testDir: '.',
  testIgnore: ['**/node_modules/**'],
  forbidOnly: !!env.CI,
  retries: 0,
  workers: env.CI ? 2 : undefined,
  reporter: [
    ['list'],
    ['html', { outputFolder: 'reports/html', open: 'never' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['json', { outputFile: 'reports/results.json' }],
  ],
  outputDir: 'test-results',
  projects: [
    { name: 'self', testMatch: ['{src,specs,scripts}/**/*.test.ts'] },
    { name: 'mock', testMatch: ['suites/**/*.spec.ts'] },
  ],
});
