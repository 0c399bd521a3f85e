/** Regenerates specs/schemas/*.schema.json and specs/vcenter.openapi.json from the vendored 9.1 spec and the catalogue. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR, SPECS_DIR, generatedFiles } from '../src/spec-import/build';
import { writeFileAtomic } from '../src/util/write-file-atomic';

const files = generatedFiles();
mkdirSync(SCHEMAS_DIR, { recursive: true });
const keep = new Set([...files.keys()].map((f) => join(SPECS_DIR, f)));
for (const name of readdirSync(SCHEMAS_DIR)) {
  const path = join(SCHEMAS_DIR, name);
  if (!keep.has(path)) rmSync(path);
}
for (const [file, text] of files) writeFileAtomic(join(SPECS_DIR, file), text);
console.log(`wrote ${files.size} files under specs/`);
