// The package's entry point (package.json `exports`): src/index.ts, compiled as it loads by register.js, so a consumer
// needs no TypeScript setup of their own. CommonJS; an ES module imports the names listed below.
require('./register.js');
module.exports = require('./src/index.ts');

// The names an ES module may import (`import { test } from 'vcconform'`): Node finds a CommonJS module's named exports
// by reading its text, and cannot follow the require above. Kept equal to src/index.ts by src/index.test.ts.
0 &&
  // biome-ignore lint/suspicious/noAssignInExpressions: the form Node's reader of CommonJS exports recognises (esbuild too)
  (module.exports = {
    arbitraryFor,
    checkNamed,
    checks,
    defaultOptions,
    discoveryFor,
    expect,
    fc,
    fillParams,
    idSites,
    idsAt,
    invalidArbitraryFor,
    issue,
    loadProfile,
    operation,
    operations,
    producersOf,
    profileFromEnv,
    sends,
    splitProfile,
    startMock,
    test,
    validatorFor,
  });
