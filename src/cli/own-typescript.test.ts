import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root';
import { withOwnTypeScript } from './own-typescript';

test.describe('the Playwright child compiling our TypeScript', () => {
  test('from a checkout the environment is left as it is: Playwright compiles the suites', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=2048', PATH: '/usr/bin' };
    expect(withOwnTypeScript(env, '/work/vcconform')).toBe(env);
    expect(PACKAGE_ROOT.split('/')).not.toContain('node_modules');
  });

  test("installed in a project's node_modules, the child preloads register.js, after the NODE_OPTIONS it was given", () => {
    const root = join('/home/me/suite/node_modules', 'vcconform');
    expect(withOwnTypeScript({ PATH: '/usr/bin' }, root)).toEqual({
      PATH: '/usr/bin',
      NODE_OPTIONS: '--require "/home/me/suite/node_modules/vcconform/register.js"',
    });
    expect(withOwnTypeScript({ NODE_OPTIONS: '--max-old-space-size=2048' }, root).NODE_OPTIONS).toBe(
      '--max-old-space-size=2048 --require "/home/me/suite/node_modules/vcconform/register.js"',
    );
  });
});
