import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPECS_DIR } from '../../spec-import/build';
import { writeFileAtomic } from '../../util/write-file-atomic';
import type { Command } from '../io';
import { parse } from '../parse';

/** `vcconform openapi`: the OpenAPI 3.1 document generated from the catalogue (kept fresh by a self-test). */
export const openapiCommand: Command = {
  name: 'openapi',
  summary: 'print (or write to FILE) the OpenAPI 3.1 document of the catalogued operations',
  usage: 'vcconform openapi [--out FILE]',
  async run(args, io) {
    const { values } = parse('openapi', args, { out: { type: 'string' } });
    const text = readFileSync(join(SPECS_DIR, 'vcenter.openapi.json'), 'utf8');
    if (!values.out) {
      io.out(text);
      return 0;
    }
    try {
      writeFileAtomic(values.out, text);
    } catch (e) {
      io.err(`[vcconform] Failed to write ${values.out}: ${(e as Error).message}.`);
      return 1;
    }
    io.err(`[vcconform] wrote ${values.out}`);
    return 0;
  },
};
