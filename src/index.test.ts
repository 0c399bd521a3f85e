import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as library from './index';
import { cleanEnv, ROOT } from './proof/child-run';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  exports: Record<string, { types: string; default: string } | string>;
};

/** What plain Node (no Playwright, no tsx) gets from index.js: `require` gives every name; `import` only those index.js lists. */
function loadedByNode(how: 'require' | 'import'): string[] {
  const entry = JSON.stringify(join(ROOT, 'index.js'));
  const script =
    how === 'require'
      ? `console.log(JSON.stringify(Object.keys(require(${entry}))))`
      : `import * as m from ${entry}; console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default')))`;
  const r = spawnSync(process.execPath, [...(how === 'import' ? ['--input-type=module'] : []), '-e', script], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as string[]).sort();
}

test.describe('the public entry point', () => {
  test('index.js gives plain Node every name src/index.ts exports, to require and to import alike', () => {
    const names = Object.keys(library).sort();
    expect(names).toContain('startMock');
    expect(loadedByNode('require')).toEqual(names);
    // An ES module sees the names index.js lists for it: a name added to src/index.ts must be listed there too.
    expect(loadedByNode('import')).toEqual(names);
  });

  test("package.json's entry points name index.js and the declarations tsconfig.types.json emits for src/index.ts", () => {
    const types = JSON.parse(readFileSync(join(ROOT, 'tsconfig.types.json'), 'utf8')) as {
      compilerOptions: { outDir: string };
      include: string[];
    };
    expect(types.include).toEqual(['src/index.ts']);
    const declarations = `${types.compilerOptions.outDir}/src/index.d.ts`;
    expect(pkg.exports['.']).toEqual({ types: `./${declarations}`, default: './index.js' });
    expect([pkg.main, pkg.types]).toEqual(['index.js', declarations]);
    expect(existsSync(join(ROOT, 'index.js'))).toBe(true);
  });
});
