#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the package needs no build step.
const { register } = require('tsx/cjs/api');
register();
// A closed pipe (`vcconform operations | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
