import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { OpenAPIV3_1 } from 'openapi-types';
import { SCHEMAS_DIR, operation, operations, schemaFor } from '../../specs/index';
import { SpecError } from '../errors';
import { upstreamKey } from '../spec-import/upstream';
import { catalogueToOpenApi, ERROR_TYPES_EXT, expressible, TASK_RESULT_EXT } from './catalogue-to-openapi';

const DOCUMENT = join(__dirname, '..', '..', 'specs', 'vcenter.openapi.json');
const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as OpenAPIV3_1.Document;
// The vCenter schemas (specs/schemas/), not vcconform's own formats (specs/vcconform/): only the
// former belong in a description of the vCenter API.
const vcenterIds = readdirSync(SCHEMAS_DIR)
  .map((f) => String(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')).$id))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
type Op = OpenAPIV3_1.OperationObject & Record<string, unknown>;

const op = (path: string, method: 'get' | 'post' | 'delete'): Op => {
  const found = doc.paths?.[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path} in ${DOCUMENT}`);
  return found as Op;
};
const response = (o: Op, status: string) => o.responses?.[status] as OpenAPIV3_1.ResponseObject & Record<string, unknown>;
const param = (o: Op, name: string) => (o.parameters as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === name);

/** Where a JSON pointer (`#/a/b~1c`) leads inside the document, or undefined. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  const tokens = pointer
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  return tokens.reduce<unknown>((node, t) => (node as Record<string, unknown> | undefined)?.[t], doc);
}

/** Every `$ref` value in the document, with where it sits. */
function refs(node: unknown, at = '#'): [string, string][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`),
  );
}

test.describe('specs/vcenter.openapi.json', () => {
  test('is a valid OpenAPI 3.1.0 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const { valid, errors } = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(errors ?? [], JSON.stringify(errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('every $ref, discriminator mapping and task-result pointer resolves inside it', () => {
    const pointers = refs(doc);
    expect(pointers.length).toBeGreaterThan(100);
    for (const schema of Object.values(doc.components?.schemas ?? {})) {
      for (const target of Object.values(schema.discriminator?.mapping ?? {})) pointers.push(['discriminator', target]);
    }
    pointers.push(['stage', String(op('/api/esx/settings/clusters/{cluster}/software', 'post')[TASK_RESULT_EXT])]);
    expect(pointers.filter(([, p]) => resolve(p) === undefined)).toEqual([]);
  });

  test('components are the specs/ schemas, without $schema/$id and with pointer refs', () => {
    const components = doc.components?.schemas ?? {};
    expect(Object.keys(components)).toEqual(vcenterIds);
    for (const [id, schema] of Object.entries(components)) {
      expect(schema.$schema, id).toBeUndefined();
      expect((schema as Record<string, unknown>).$id, id).toBeUndefined();
      expect(schema.title, id).toBe(id);
    }
    const mapping = components['Vapi.Std.Errors.Error']?.discriminator?.mapping;
    expect(mapping?.NOT_FOUND).toBe('#/components/schemas/Vapi.Std.Errors.NotFound');
  });

  test('stage: POST without query in the key, required single-value enums, 202/400/401/404/500/503', () => {
    const stage = op('/api/esx/settings/clusters/{cluster}/software', 'post');
    expect(stage.operationId).toBe('Esx.Settings.Clusters.Software_stage$Task');
    expect(Object.keys(doc.paths ?? {}).filter((p) => p.includes('?'))).toEqual([]);
    expect(param(stage, 'action')).toMatchObject({ in: 'query', required: true, schema: { type: 'string', enum: ['stage'] } });
    expect(param(stage, 'vmw-task')).toMatchObject({ in: 'query', required: true, schema: { type: 'string', enum: ['true'] } });
    expect(param(stage, 'cluster')).toMatchObject({ in: 'path', required: true, 'x-vmw-resource-type': 'ClusterComputeResource' });
    expect(Object.keys(stage.responses ?? {})).toEqual(['202', '400', '401', '404', '500', '503']);
    const bad = response(stage, '400');
    expect(bad[ERROR_TYPES_EXT]).toEqual(['INVALID_ARGUMENT', 'NOT_ALLOWED_IN_CURRENT_STATE']);
    expect(bad.description).toContain('***INVALID_ARGUMENT*** If the commit property');
    expect(bad.description).toContain('***NOT_ALLOWED_IN_CURRENT_STATE*** If there is another operation in progress.');
    expect(response(stage, '500')[ERROR_TYPES_EXT]).toEqual(['ERROR', 'TIMED_OUT']);
    expect(stage.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Esx.Settings.Clusters.Software.StageSpec' } } },
    });
    expect(stage[TASK_RESULT_EXT]).toBe('#/components/schemas/Esx.Settings.Clusters.Software.StageResult');
    expect(stage.security).toEqual([{ api_key_auth: [] }]);
    expect(stage.description).toContain('VcIntegrity.lifecycleSoftwareRemediation.Write');
    expect(stage.description).toContain('`software.stage`');
  });

  test('tasks.get: the documented query parameter spec, a form-exploded optional Cis.Tasks.GetSpec', () => {
    const get = op('/api/cis/tasks/{task}', 'get');
    expect((get.parameters as OpenAPIV3_1.ParameterObject[]).map((p) => `${p.in} ${p.name}`)).toEqual(['path task', 'query spec']);
    expect(param(get, 'spec')).toEqual({
      name: 'spec',
      in: 'query',
      required: false,
      style: 'form',
      explode: true,
      description: expect.stringContaining('Specification on what to get for a task.'),
      schema: { $ref: '#/components/schemas/Cis.Tasks.GetSpec' },
    });
    expect(resolve('#/components/schemas/Cis.Tasks.GetSpec')).toMatchObject({
      properties: { exclude_result: { type: 'boolean' }, return_all: { type: 'boolean' } },
    });
    // Every query parameter the document declares beyond the fixed action/vmw-task is one the catalogue declares.
    const declared = Object.values(doc.paths ?? {})
      .flatMap((item) => Object.values(item ?? {}) as Op[])
      .flatMap((o) =>
        ((o.parameters ?? []) as OpenAPIV3_1.ParameterObject[])
          .filter((p) => p.in === 'query' && !['action', 'vmw-task'].includes(p.name))
          .map((p) => `${o.operationId} ${p.name}`),
      );
    const described = expressible(operations).described;
    expect(declared.sort()).toEqual(described.flatMap((o) => (o.queryParams ?? []).map((q) => `${o.operationId} ${q.name}`)).sort());
  });

  test('upgradeMultiple answers 200/401/403/500 and is deprecated', () => {
    const multiple = op('/api/vcenter/namespace-management/software/clusters', 'post');
    expect(multiple.operationId).toBe('Vcenter.NamespaceManagement.Software.Clusters_upgradeMultiple');
    expect(Object.keys(multiple.responses ?? {})).toEqual(['200', '401', '403', '500']);
    expect(multiple.deprecated).toBe(true);
    expect(param(multiple, 'action')?.schema).toEqual({ type: 'string', enum: ['upgradeMultiple'] });
  });

  test('POST /api/session answers 201 and uses basic_auth; the schemes are the official ones', () => {
    const create = op('/api/session', 'post');
    expect(Object.keys(create.responses ?? {})[0]).toBe('201');
    expect(create.security).toEqual([{ basic_auth: [] }]);
    expect(op('/api/session', 'delete').responses?.['204']).toEqual({ description: 'Success!' });
    expect(doc.components?.securitySchemes).toEqual({
      basic_auth: { type: 'http', scheme: 'basic' },
      api_key_auth: { type: 'apiKey', name: 'vmware-api-session-id', in: 'header' },
    });
  });
});

test.describe('catalogueToOpenApi', () => {
  const described = expressible(operations).described;

  test('is deterministic', () => {
    const once = JSON.stringify(catalogueToOpenApi(described, schemaFor, vcenterIds));
    expect(JSON.stringify(catalogueToOpenApi([...described].reverse(), schemaFor, [...vcenterIds].reverse()))).toBe(once);
  });

  test('describes the first operation at each path and method and lists the others as omitted', () => {
    const { omitted } = expressible(operations);
    expect(omitted.map((o) => o.id)).toContain('esx.settings.clusters.software.drafts.importSoftwareSpec');
    expect(omitted.map((o) => o.id)).toContain('esx.settings.clusters.software.getDefaultImage');
    expect(omitted.filter((o) => o.depth === 'deep')).toEqual([]);
    expect(described.length + omitted.length).toBe(operations.length);
    expect((doc.info as Record<string, unknown>)['x-vcconform-omitted']).toEqual(
      omitted.map((o) => `${o.id}: ${o.method} /api${upstreamKey(o)}`),
    );
  });

  test('refuses two operations on the same path and method, naming both', () => {
    const twin = {
      ...operation('tasks.cancel'),
      id: 'tasks.cancelTwin',
      operationId: 'Cis.Tasks_cancelTwin',
      query: { action: 'cancelTwin' },
    };
    const build = () => catalogueToOpenApi([...described, twin], schemaFor, vcenterIds);
    expect(build).toThrow(SpecError);
    expect(build).toThrow(
      /tasks\.cancel \(Cis\.Tasks_cancel\) and tasks\.cancelTwin \(Cis\.Tasks_cancelTwin\) are both POST \/api\/cis\/tasks\/\{task\}/,
    );
  });

  test('refuses a query parameter declared twice, and one whose schema is not among the schemas', () => {
    const get = operation('tasks.get');
    const spec = get.queryParams![0]!;
    expect(() => catalogueToOpenApi([{ ...get, queryParams: [spec, spec] }], schemaFor, vcenterIds)).toThrow(
      /tasks\.get: it declares the query spec parameter more than once/,
    );
    const clash = { ...operation('tasks.cancel'), queryParams: [{ ...spec, name: 'action' }] };
    expect(() => catalogueToOpenApi([clash], schemaFor, vcenterIds)).toThrow(
      /tasks\.cancel: it declares the query action parameter more than once/,
    );
    expect(() =>
      catalogueToOpenApi([{ ...get, queryParams: [{ ...spec, schema: 'Cis.Tasks.NoSuchSpec' }] }], schemaFor, vcenterIds),
    ).toThrow(/tasks\.get: it names Cis\.Tasks\.NoSuchSpec, which is not among the schemas/);
  });

  test('refuses errors of one status with different schemas, and dangling refs', () => {
    const list = operation('tasks.list');
    const mixed = {
      ...list,
      errors: [...list.errors, { ...list.errors[0]!, errorTypes: ['UNSUPPORTED' as const], schema: 'Vapi.Std.Errors.Error' }],
    };
    expect(() => catalogueToOpenApi([mixed], schemaFor, vcenterIds)).toThrow(/its 400 errors name different schemas/);
    expect(() => catalogueToOpenApi([list], schemaFor, ['Cis.Tasks.ListSpec'])).toThrow(
      /tasks\.list: it names Cis\.Tasks\.InfoMap, .*which is not among the schemas/,
    );
    expect(() => catalogueToOpenApi([], schemaFor, ['Cis.Task.Info'])).toThrow(
      /Cis\.Task\.Info: it refers to "Cis\.Task\.Progress", which is not among the schemas/,
    );
  });
});
