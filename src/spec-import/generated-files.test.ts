import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR, SPECS_DIR, generatedFiles } from './build';
import { importSchemas } from './import-schemas';
import { loadUpstream } from './upstream';
import { operations } from '../../specs/operations';

test.describe('generated specs are up to date', () => {
  const files = generatedFiles();

  for (const [file, text] of files) {
    test(`specs/${file} is what npm run build:specs writes`, () => {
      let onDisk = '';
      try {
        onDisk = readFileSync(join(SPECS_DIR, file), 'utf8');
      } catch {
        /* missing file: compared as empty */
      }
      expect(onDisk === text, `specs/${file} is stale or missing: run npm run build:specs and commit the result`).toBe(true);
    });
  }

  test('specs/schemas holds no schema the importer would not write', () => {
    const expected = [...files.keys()]
      .filter((f) => f.startsWith('schemas'))
      .map((f) => f.slice('schemas/'.length))
      .sort();
    expect(readdirSync(SCHEMAS_DIR).sort()).toEqual(expected);
  });

  test('an unknown keyword in the upstream spec stops the import, naming it', () => {
    const up = loadUpstream();
    const broken = {
      ...up,
      components: { ...up.components, 'Cis.Session.Info': { ...up.components['Cis.Session.Info'], patternProperties: {} } },
    };
    expect(() => importSchemas(broken, operations)).toThrow(/Failed to import Cis\.Session\.Info: unsupported keyword "patternProperties"/);
  });

  test('a catalogue entry naming an operation the spec lacks stops the import', () => {
    const up = loadUpstream();
    const wrong = operations.map((o) => (o.id === 'software.stage' ? { ...o, query: { action: 'stage' } } : o));
    expect(() => importSchemas(up, wrong)).toThrow(
      /the 9\.1 spec has no POST \/esx\/settings\/clusters\/\{cluster\}\/software\?action=stage/,
    );
  });
});
