import { checks } from '../../checks/index';
import { checksMarkdown } from '../../proof/catalogue-markdown';
import type { Command } from '../io';
import { parse } from '../parse';

/** `vcconform checks`: the check catalogue, one line per check (or the README table). */
export const checksCommand: Command = {
  name: 'checks',
  summary: 'list the checks: name, severity and the documented rule each one encodes',
  usage: 'vcconform checks [--markdown]',
  async run(args, io) {
    const { values } = parse('checks', args, { markdown: { type: 'boolean' } });
    if (values.markdown) {
      io.out(checksMarkdown());
      return 0;
    }
    const width = Math.max(...checks.map((c) => c.name.length));
    for (const c of checks) io.out(`${c.name.padEnd(width)}  ${c.severity.padEnd(11)}  ${c.reason}`);
    return 0;
  },
};
