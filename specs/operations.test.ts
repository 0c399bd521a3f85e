import { test, expect } from '@playwright/test';
import { loadUpstream, upstreamKey, upstreamOperation, jsonSchemaOf, type Json } from '../src/spec-import/upstream';
import {
  normalise,
  upstreamDeprecatedSince,
  upstreamErrors,
  upstreamPrivileges,
  upstreamQueryParams,
  upstreamSince,
} from '../src/spec-import/upstream-facts';
import { operation, operations, schemaIds } from './index';
import type { QueryParam } from './catalogue-types';
import { STATUS_OF } from './error-status';
import { documentedQueryName, wireNames } from './query-params';

const up = loadUpstream();
const specOf = (id: string) => upstreamOperation(up, operation(id)) as Json;

test.describe('catalogue matches the 9.1 spec', () => {
  for (const op of operations) {
    test(`${op.id} (${op.method} ${upstreamKey(op)})`, () => {
      const spec = upstreamOperation(up, op);
      expect(spec, `the 9.1 spec has ${op.method} ${upstreamKey(op)}`).toBeDefined();
      const s = spec as Json;
      expect(op.operationId).toBe(s.operationId);

      const responses = s.responses as Record<string, Json>;
      const documented = [op.success.status, ...op.errors.map((e) => e.status)];
      expect([...new Set(documented)].sort()).toEqual(Object.keys(responses).map(Number).sort());
      expect(normalise(String(responses[String(op.success.status)]?.description))).toContain(normalise(op.success.description));

      const ours = op.errors.flatMap((e) =>
        e.errorTypes.map((t) => ({ status: e.status, errorType: t, schema: e.schema, when: normalise(e.when) })),
      );
      expect(ours).toEqual(upstreamErrors(up, s));

      const privileges = upstreamPrivileges(s);
      expect(op.privileges.operation).toEqual(privileges.operation);
      const annotated = op.privileges.resources.filter((r) => r.source === 'annotation');
      expect(annotated.map(({ resourceType, privileges: p }) => ({ resourceType, privileges: p }))).toEqual(
        privileges.resources.map(({ resourceType, privileges: p }) => ({ resourceType, privileges: p })),
      );
      const fromText = op.privileges.resources.filter((r) => r.source === '403 text');
      const text403 = normalise(String(responses['403']?.description));
      for (const r of fromText) for (const p of r.privileges) expect(text403, `the 403 text names ${p}`).toContain(p);

      expect(op.since).toBe(upstreamSince(s));
      expect(op.deprecated?.since).toBe(upstreamDeprecatedSince(s));
      expect(op.auth).toBe((s.security as Json[])[0]?.basic_auth ? 'basic' : 'session');

      const declared = (s.parameters as Json[] | undefined) ?? [];
      expect(
        declared.filter((p) => p.in !== 'path' && p.in !== 'query').map((p) => `${p.in} ${p.name}`),
        'only path and query parameters are catalogued',
      ).toEqual([]);
      // An inline parameter schema is stored under the catalogue's name (never a component's): upstreamQueryParams says ?inline.
      const asDeclared = (q: QueryParam) => ({
        ...q,
        description: normalise(q.description),
        schema: up.components[q.schema] ? q.schema : '?inline',
      });
      expect((op.queryParams ?? []).map(asDeclared)).toEqual(upstreamQueryParams(s));
      expect(op.queryParams?.length, 'queryParams is absent, not empty, where the spec declares none').not.toBe(0);

      const params = declared.filter((p) => p.in === 'path');
      expect(op.pathParams.map((p) => p.name)).toEqual(params.map((p) => p.name));
      for (const p of op.pathParams) {
        const text = normalise(String(params.find((q) => q.name === p.name)?.description));
        expect(text).toContain(normalise(p.description));
        expect(text).toContain(`resource type: \`${p.resourceType}\``);
      }

      const body = s.requestBody as Json | undefined;
      expect(!!op.request, 'request body documented').toBe(!!body);
      if (op.request && body) {
        expect(op.request.required).toBe(body.required === true);
        expect(normalise(String(body.description))).toContain(normalise(op.request.description));
      }
      const ids = new Set(schemaIds());
      for (const id of [
        op.request?.schema,
        op.success.schema,
        ...(op.queryParams ?? []).map((q) => q.schema),
        op.task?.resultSchema,
        ...op.errors.map((e) => e.schema),
      ]) {
        if (id) expect(ids.has(id), `schema ${id} is in specs/schemas`).toBe(true);
      }
      expect(!!op.success.schema).toBe(!!jsonSchemaOf(responses[String(op.success.status)]));
    });
  }
});

test.describe('catalogue facts the suites rely on', () => {
  const statuses = (id: string) => [...new Set([operation(id).success.status, ...operation(id).errors.map((e) => e.status)])];
  const typesAt = (id: string, status: number) =>
    operation(id)
      .errors.filter((e) => e.status === status)
      .flatMap((e) => e.errorTypes);

  test('upgradeMultiple documents only 200, 401, 403 and 500', () => {
    expect(statuses('clusters.upgradeMultiple')).toEqual([200, 401, 403, 500]);
    expect(operation('clusters.upgradeMultiple').query).toEqual({ action: 'upgradeMultiple' });
  });

  test('stage is a task: 202 with a task id, 400/401/404/500/503 and no 403', () => {
    const stage = operation('software.stage');
    expect(stage.query).toEqual({ action: 'stage', 'vmw-task': 'true' });
    expect(stage.success.status).toBe(202);
    expect(statuses('software.stage')).toEqual([202, 400, 401, 404, 500, 503]);
    expect(typesAt('software.stage', 400)).toEqual(['INVALID_ARGUMENT', 'NOT_ALLOWED_IN_CURRENT_STATE']);
    expect(typesAt('software.stage', 500)).toEqual(['ERROR', 'TIMED_OUT']);
    expect(stage.task?.resultSchema).toBe('Esx.Settings.Clusters.Software.StageResult');
  });

  test('of the deep operations only tasks.get declares query parameters: GetSpec, form-exploded to exclude_result/return_all', () => {
    expect(operations.filter((o) => o.depth === 'deep' && o.queryParams).map((o) => o.id)).toEqual(['tasks.get']);
    const [spec] = operation('tasks.get').queryParams ?? [];
    expect(spec).toMatchObject({ name: 'spec', schema: 'Cis.Tasks.GetSpec', style: 'form', explode: true, required: false });
    // The spellings the mock, the task checks and suites/tasks.get.spec.ts send.
    expect(wireNames(spec!).sort()).toEqual(['exclude_result', 'return_all']);
    expect(documentedQueryName('tasks.get', 'exclude_result')).toBe('exclude_result');
    expect(() => documentedQueryName('tasks.get', 'spec.exclude_result')).toThrow(/tasks\.get.*documents return_all, exclude_result/);
    expect(() => documentedQueryName('tasks.list', 'exclude_result')).toThrow(/tasks\.list.*documents none/);
  });

  test(
    'appliance.version is a read outside the contract: ' + '200 VersionStruct or 500, no 401 declared, and the only one not certified',
    () => {
      expect(statuses('appliance.version')).toEqual([200, 500]);
      expect(operation('appliance.version')).toMatchObject({
        method: 'GET',
        path: '/api/appliance/system/version',
        query: {},
        auth: 'session',
        class: 'read-only',
        success: { status: 200, schema: 'Appliance.System.Version.VersionStruct' },
        outsideContract: expect.stringContaining('build'),
      });
      expect(operations.filter((o) => o.outsideContract !== undefined).map((o) => o.id)).toEqual(['appliance.version']);
    },
  );

  test('POST /api/session answers 201 and is the only Basic-auth operation', () => {
    expect(operation('session.create').success.status).toBe(201);
    expect(operations.filter((o) => o.auth === 'basic').map((o) => o.id)).toEqual(['session.create']);
  });

  test('every error type sits at the status the /api table gives it', () => {
    for (const op of operations)
      for (const e of op.errors)
        for (const t of e.errorTypes) expect(`${op.id} ${t} → ${e.status}`).toBe(`${op.id} ${t} → ${STATUS_OF[t]}`);
  });

  test('operation ids are unique and the lookup names the known ones when asked for an unknown one', () => {
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
    expect(() => operation('nope')).toThrow(/Failed to find operation "nope".*software\.stage/);
    expect(specOf('software.stage').operationId).toBe('Esx.Settings.Clusters.Software_stage$Task');
  });
});
