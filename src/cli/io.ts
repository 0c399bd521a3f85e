/** Where a command writes: injected so commands can be tested without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** A command: parsed argv in, exit code out. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Flag-by-flag help shown by `vcconform COMMAND --help`. */
  help?: string;
  run(args: string[], io: Io): Promise<number>;
}
