import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SpecError, message } from '../src/errors';
import type { ErrorType, Operation } from './catalogue-types';
import { CATALOGUE_DIR, operations } from './operations';

export type { Operation } from './catalogue-types';
export { operations } from './operations';

/** A JSON Schema object as stored in specs/schemas/. */
export type Schema = Record<string, unknown>;

/** Schemas taken from the vCenter spec (generated, beside the catalogue) and vcconform's own formats (hand-written). */
export const SCHEMAS_DIR = join(CATALOGUE_DIR, 'schemas');
export const OWN_SCHEMAS_DIR = join(__dirname, 'vcconform');
/** Annotation keyword naming the vSphere resource type of an identifier string. */
export const RESOURCE_TYPE_KEYWORD = 'x-vmw-resource-type';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Builds the one Ajv instance: strict, allErrors, the five formats, the two annotation keywords. */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv, ['date-time', 'uri']);
  ajv.addFormat('int64', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && BigInt(n) >= INT64_MIN && BigInt(n) <= INT64_MAX,
  });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('password', { type: 'string', validate: () => true });
  // Ajv's own discriminator needs oneOf and rejects OpenAPI `mapping`: keep it as an annotation.
  ajv.addKeyword({ keyword: 'discriminator', schemaType: 'object' });
  ajv.addKeyword({ keyword: RESOURCE_TYPE_KEYWORD, schemaType: 'string' });
  return ajv;
}

function loadSchemas(dir: string): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Schema;
    if (typeof schema.$id !== 'string') throw new SpecError(message(`load ${file}`, 'the schema has no $id'));
    schemas.set(schema.$id, schema);
  }
  return schemas;
}

const ajv = createAjv();
const schemas = new Map([...loadSchemas(SCHEMAS_DIR), ...loadSchemas(OWN_SCHEMAS_DIR)].sort(([a], [b]) => a.localeCompare(b)));
for (const schema of schemas.values()) ajv.addSchema(schema);
// Compiled on first use: a worker or a CLI start needs a handful of the schemas, and compiling all of them
// took a quarter of a second of every start. specs/index.test.ts compiles every one.
const validators = new Map<string, ValidateFunction>();

function compiled(id: string): ValidateFunction {
  let validate = validators.get(id);
  if (validate) return validate;
  try {
    validate = ajv.getSchema(id) as ValidateFunction;
  } catch (e) {
    throw new SpecError(message(`compile schema ${id}`, (e as Error).message, 'Fix the schema or regenerate with npm run build:specs'));
  }
  validators.set(id, validate);
  return validate;
}

/** Every schema `$id` in specs/, sorted. */
export function schemaIds(): string[] {
  return [...schemas.keys()];
}

/** The schema with this `$id`; throws a SpecError naming the id when there is none. */
export function schemaFor(id: string): Schema {
  const schema = schemas.get(id);
  if (!schema)
    throw new SpecError(
      message(
        `find schema ${JSON.stringify(id)}`,
        'no schema in specs/schemas has this $id',
        'List them with schemaIds() or vcconform schemas',
      ),
    );
  return schema;
}

/** The compiled validator for this `$id` (compiled once, on first use). */
export function validatorFor<T = unknown>(id: string): ValidateFunction<T> {
  const validate = schemas.has(id) ? compiled(id) : undefined;
  if (!validate)
    throw new SpecError(
      message(
        `find validator ${JSON.stringify(id)}`,
        'no schema in specs/schemas has this $id',
        'List them with schemaIds() or vcconform schemas',
      ),
    );
  return validate as ValidateFunction<T>;
}

/** The catalogued operation with this id (e.g. `software.stage`). */
export function operation(id: string): Operation {
  const op = operations.find((o) => o.id === id);
  if (!op)
    throw new SpecError(message(`find operation ${JSON.stringify(id)}`, `the catalogue has ${operations.map((o) => o.id).join(', ')}`));
  return op;
}

/** Whether the operation documents this (status, error_type) pair, e.g. 404 NOT_FOUND. */
export function documentsError(op: Operation, status: number, errorType: ErrorType): boolean {
  return op.errors.some((e) => e.status === status && e.errorTypes.includes(errorType));
}

/** The catalogued operation whose tasks have this vAPI service and operation (`Cis.Task.Info.service`/`.operation`), if any. */
export function taskOperation(service: unknown, name: unknown): Operation | undefined {
  return operations.find((o) => o.task !== undefined && o.task.service === service && o.task.operation === name);
}
