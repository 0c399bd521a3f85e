import { defineConfig } from '@playwright/test';

// vcconform's fixtures start the embedded mock vCenter per worker unless the `vcconform` option names a live target
// (docs/library.md, "Against a live vCenter").
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  reporter: 'list',
});
