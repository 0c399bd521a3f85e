import { SpecError, UsageError } from '../errors';
import { checksCommand } from './commands/checks';
import { compareCommand } from './commands/compare';
import { generateCommand } from './commands/generate';
import { mergeCommand } from './commands/merge';
import { mockCommand } from './commands/mock';
import { openapiCommand } from './commands/openapi';
import { operationsCommand } from './commands/operations';
import { runCommand } from './commands/run';
import { schemasCommand } from './commands/schemas';
import { processIo, type Command, type Io } from './io';

/** Every command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  runCommand,
  mergeCommand,
  compareCommand,
  mockCommand,
  operationsCommand,
  checksCommand,
  schemasCommand,
  generateCommand,
  openapiCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'vcconform — contract-testing and conformance harness for the vCenter REST API',
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    `  ${'vcconform --help | --version'.padEnd(width)}  this text | the harness version`,
  ].join('\n');
}

function suggest(name: string): string {
  const close = commands.find((c) => c.name.startsWith(name.slice(0, 3)));
  return close ? ` Did you mean "${close.name}"?` : ' Run vcconform --help for the commands.';
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out(require('../../package.json').version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`[vcconform] Unknown command ${JSON.stringify(name)}.${suggest(name)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out([`Usage: ${command.usage}`, '', command.summary, ...(command.help ? ['', command.help] : [])].join('\n'));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`[vcconform] ${e.message}. Usage: ${command.usage}`);
      return 2;
    }
    if (e instanceof SpecError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}
