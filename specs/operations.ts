import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from './catalogue-types';

/**
 * The operation catalogue: one record per operation of the vendored vSphere Automation 9.1 spec
 * (`specs/upstream/vcenter-9.1/`), generated into `specs/catalogue.json` by `npm run build:specs`
 * (`src/spec-import/derive-catalogue.ts`); a self-test re-derives it and fails on any difference.
 * What the spec cannot say about the operations tested in depth is in `specs/deep-operations.ts`.
 */
/** The environment variable naming a directory with a catalogue.json and schemas/ to read instead of specs/ (vcconform run --spec). */
export const SPECS_ENV = 'VCCONFORM_SPECS';

/** Where the catalogue and the spec's schemas are read from: specs/, or the directory a run on a user's spec generated. */
export const CATALOGUE_DIR = process.env[SPECS_ENV] || __dirname;

export const operations: readonly Operation[] = JSON.parse(readFileSync(join(CATALOGUE_DIR, 'catalogue.json'), 'utf8')) as Operation[];
