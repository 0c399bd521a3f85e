import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { operations } from '../../specs/operations';
import { arbitraryFor } from '../generators/arbitrary-for';
import { LAW_SEED } from '../generators/testing';
import { importSchemas, RESOURCE_TYPE } from './import-schemas';
import { loadUpstream } from './upstream';

const STAGE_TASK_ID = 'Esx.Settings.Clusters.Software.StageTaskId';
const TASK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:com\.vmware\.[a-z_.]+$/;

test.describe('importSchemas: task ids and query parameters', () => {
  const up = loadUpstream();

  test('the 202 body of the vmw-task stage is a task id: the resource type of GET /cis/tasks/{task}', () => {
    const schemas = importSchemas(up, operations);
    expect(schemas.get(STAGE_TASK_ID)).toMatchObject({ type: 'string', [RESOURCE_TYPE]: 'com.vmware.cis.task' });
    const taskParam = operations.find((o) => o.id === 'tasks.get')?.pathParams[0];
    expect(taskParam?.resourceType).toBe(schemas.get(STAGE_TASK_ID)?.[RESOURCE_TYPE]);
    // Only vmw-task operations: the session token, another bare string, gets no resource type.
    expect(schemas.get('Cis.Session.Id')).not.toHaveProperty(RESOURCE_TYPE);
  });

  test('without vmw-task=true the stage body would not be tagged', () => {
    const untasked = operations.map((o) => (o.id === 'software.stage' ? { ...o, query: { action: 'stage' } } : o));
    const patched = {
      ...up,
      paths: {
        ...up.paths,
        '/esx/settings/clusters/{cluster}/software?action=stage':
          up.paths['/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true']!,
      },
    };
    expect(importSchemas(patched, untasked).get(STAGE_TASK_ID)).not.toHaveProperty(RESOURCE_TYPE);
  });

  test('generated stage task ids look like real task ids (<uuid>:<service>)', () => {
    const ids = fc.sample(arbitraryFor(STAGE_TASK_ID), { numRuns: 200, seed: LAW_SEED }) as string[];
    expect(ids.filter((id) => !TASK_ID.test(id))).toEqual([]);
    expect(new Set(ids).size).toBeGreaterThan(100);
  });

  test('a catalogue query parameter whose schema or name differs from the spec stops the import', () => {
    const withSpec = (change: object) =>
      operations.map((o) => (o.id === 'tasks.get' ? { ...o, queryParams: [{ ...o.queryParams![0]!, ...change }] } : o));
    expect(() => importSchemas(up, withSpec({ schema: 'Cis.Tasks.ListSpec' }))).toThrow(
      new RegExp(
        /Failed to import query parameter spec of tasks\.get: .*"#\/components\/schemas\/Cis\.Tasks\.GetSpec"/.source +
          /.*the catalogue says Cis\.Tasks\.ListSpec/.source,
      ),
    );
    expect(() => importSchemas(up, withSpec({ name: 'get_spec' }))).toThrow(
      /query parameter get_spec of tasks\.get: the 9\.1 spec declares no such query parameter/,
    );
  });
});
