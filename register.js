// Compiles this package's own TypeScript as Node requires it, and nothing else: no build step, and it works where
// Playwright's transform does not reach (it skips everything under node_modules/, where a consumer has this package).
// Requiring it installs the hook once per copy of the package. Other files, a consumer's specs included, go to the
// `.ts` handler that was there before (Playwright's), and the packages this one depends on load as they always do, so a
// consumer's suite and this package share one @playwright/test (tsx's scoped require would load a second one).
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { sep } = require('node:path');

const ROOT = __dirname + sep;
const INSTALLED = Symbol.for('vcconform.register');
globalThis[INSTALLED] ??= new Set();
const roots = globalThis[INSTALLED];

/** This package's own source: under its root, not under a node_modules/ inside it. */
function ours(filename) {
  return filename.startsWith(ROOT) && !filename.slice(ROOT.length).split(sep).includes('node_modules');
}

let esbuild;
function compile(source, filename) {
  esbuild ??= require('esbuild');
  // The semantics tsconfig.json gives (target ES2022: class fields defined), as Playwright's and tsx's transforms also give.
  return esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  }).code;
}

if (!roots.has(ROOT)) {
  roots.add(ROOT);
  const previous = Module._extensions['.ts'];
  Module._extensions['.ts'] = function vcconformTs(module, filename) {
    if (!ours(filename)) return (previous ?? Module._extensions['.js'])(module, filename);
    module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
  };
}
