import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadUpstream } from './upstream';

/** A spec document as the self-tests edit it before writing it out. */
export interface SpecDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

/** The vendored fragments joined into one YAML document in a temporary directory, as a user's complete vcenter.yaml is. */
export function wholeSpecFile(change: (doc: SpecDocument) => void = () => {}): string {
  const up = loadUpstream();
  const doc = {
    openapi: '3.0.3',
    info: { title: 'vcenter', version: '9.1.0.0' },
    paths: structuredClone(up.paths),
    components: { schemas: structuredClone(up.components) },
  };
  change(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'vcconform-spec-')), 'vcenter.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
