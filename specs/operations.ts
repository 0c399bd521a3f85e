import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from './catalogue-types';

/**
 * The operation catalogue: one record per operation of the vendored vSphere Automation 9.1 spec
 * (`specs/upstream/vcenter-9.1/`), generated into `specs/catalogue.json` by `npm run build:specs`
 * (`src/spec-import/derive-catalogue.ts`); a self-test re-derives it and fails on any difference.
 * What the spec cannot say about the operations tested in depth is in `specs/deep-operations.ts`.
 */
export const operations: readonly Operation[] = JSON.parse(
  // A run on a user's spec (vcconform run --spec) names the catalogue it generated in VCCONFORM_SPECS.
  readFileSync(join(process.env.VCCONFORM_SPECS || __dirname, 'catalogue.json'), 'utf8'),
) as Operation[];
