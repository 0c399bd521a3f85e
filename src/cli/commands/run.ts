import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from '../io';

const ROOT = join(__dirname, '..', '..', '..');

/** `vcconform run`: runs the conformance suites (Playwright project `mock`); extra args go to Playwright. */
export const runCommand: Command = {
  name: 'run',
  summary: 'run the conformance suites against the reference mock (extra arguments go to Playwright Test)',
  usage: 'vcconform run [PLAYWRIGHT_ARGS…]',
  run(args, io) {
    const cli = require.resolve('@playwright/test/cli');
    const argv = [cli, 'test', '--config', join(ROOT, 'playwright.config.ts'), '--project=mock', '--pass-with-no-tests', ...args];
    io.err(`[vcconform] running the conformance suites: playwright ${argv.slice(1).join(' ')}`);
    return new Promise((resolve) => {
      const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit' });
      child.on('error', (e) => { io.err(`[vcconform] Failed to start Playwright: ${e.message}.`); resolve(1); });
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  },
};
