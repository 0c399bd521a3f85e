import { join, sep } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root';

/**
 * The environment of a Playwright child that loads this package's TypeScript (its config, suites and reporters). From a
 * checkout Playwright's transform compiles them; installed in a project's node_modules/ it leaves them alone, so the child
 * and its workers preload register.js, which compiles this package's files and no others.
 */
export function withOwnTypeScript(env: NodeJS.ProcessEnv, root: string = PACKAGE_ROOT): NodeJS.ProcessEnv {
  if (!root.split(sep).includes('node_modules')) return env;
  const preload = `--require ${JSON.stringify(join(root, 'register.js'))}`;
  return { ...env, NODE_OPTIONS: env.NODE_OPTIONS ? `${env.NODE_OPTIONS} ${preload}` : preload };
}
