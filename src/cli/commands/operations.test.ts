import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeSpecFile } from '../../spec-import/testing';
import { operation, operations } from '../../../specs/index';
import { operationsCommand, queryLines } from './operations';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await operationsCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test.describe('vcconform operations', () => {
  test('shows the documented query parameter of tasks.get under its entry, as it is sent', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('tasks.get '));
    expect(lines[at + 2]).toBe(`${''.padEnd(26)} query spec: Cis.Tasks.GetSpec, optional, form-exploded: ?return_all=…&exclude_result=…`);
    expect(lines[at + 3]).not.toContain(' query ');
    // One query line per documented query parameter, in the whole table.
    expect(lines.filter((l) => l.includes(' query '))).toHaveLength(operations.reduce((n, op) => n + (op.queryParams?.length ?? 0), 0));
  });

  test('an operation without documented query parameters has no query line; a plain one is shown by name', () => {
    expect(queryLines(operation('tasks.list'))).toEqual([]);
    const spec = operation('tasks.get').queryParams![0]!;
    expect(queryLines({ ...operation('tasks.get'), queryParams: [{ ...spec, explode: false, required: true }] })).toEqual([
      'query spec: Cis.Tasks.GetSpec, required',
    ]);
  });

  test('--json lists every operation of the vendored 9.1 fragments (130), deep and generic, with its depth', async () => {
    const ops = JSON.parse((await run('--json')).out) as { id: string; depth: string }[];
    expect(ops).toHaveLength(130);
    expect(ops.map((o) => o.id)).toEqual(operations.map((o) => o.id));
    expect(ops.filter((o) => o.depth === 'deep').map((o) => o.id)).toContain('software.stage');
    expect(ops.find((o) => o.id === 'esx.settings.clusters.software.drafts.create')?.depth).toBe('generic');
  });

  test('--spec FILE reads a complete vcenter.yaml and derives the same catalogue as the vendored fragments', async () => {
    const { code, out, err } = await run('--spec', wholeSpecFile(), '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(operations)));
  });

  test('--operations picks a subset of a --spec by globs over the derived ids', async () => {
    const ops = JSON.parse((await run('--spec', wholeSpecFile(), '--operations', 'vcenter.datacenter.*,tasks.get', '--json')).out) as {
      id: string;
    }[];
    expect(ops.map((o) => o.id)).toEqual([
      'tasks.get',
      'vcenter.datacenter.list',
      'vcenter.datacenter.create',
      'vcenter.datacenter.get',
      'vcenter.datacenter.delete',
    ]);
  });

  test('an operation of a --spec that cannot be derived is left out and named on stderr; the rest are listed', async () => {
    const file = wholeSpecFile((doc) => {
      const get = doc.paths['/vcenter/datacenter/{datacenter}']!.get as { parameters: { description: string }[] };
      get.parameters[0]!.description = 'Identifier of the datacenter.';
    });
    const { code, out, err } = await run('--spec', file, '--json');
    expect(code).toBe(0);
    expect((JSON.parse(out) as unknown[]).length).toBe(129);
    expect(err).toMatch(
      new RegExp(
        /^\[vcconform\] 1 operation\(s\) of .* could not be derived, /.source +
          /e\.g\. GET \/vcenter\/datacenter\/\{datacenter\}: .*names no resource type/.source,
      ),
    );
  });

  test('a bad --spec or --operations is one line naming what was wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcconform-spec-'));
    writeFileSync(join(dir, 'x.yaml'), 'swagger: "2.0"\npaths: {}\n');
    writeFileSync(join(dir, 'y.yaml'), 'openapi: 3.0.3\npaths: {}\n');
    writeFileSync(join(dir, 'z.yaml'), 'openapi: [3.0.3\n');
    await expect(run('--spec', join(dir, 'missing.yaml'))).rejects.toThrow(/--spec .*missing\.yaml: cannot read it \(ENOENT\)/);
    await expect(run('--spec', join(dir, 'x.yaml'))).rejects.toThrow(/not an OpenAPI 3 document/);
    await expect(run('--spec', join(dir, 'y.yaml'))).rejects.toThrow(/an OpenAPI document without components\.schemas/);
    await expect(run('--spec', join(dir, 'z.yaml'))).rejects.toThrow(/not JSON or YAML/);
    await expect(run('--operations', 'vcenter.*')).rejects.toThrow(/--operations picks from a --spec FILE/);
    await expect(run('--spec', wholeSpecFile(), '--operations', 'nothing.*')).rejects.toThrow(/matches none of the 130 operations/);
  });

  test('--json carries queryParams', async () => {
    const ops = JSON.parse((await run('--json')).out) as { id: string; queryParams?: unknown[] }[];
    expect(ops.find((o) => o.id === 'tasks.get')?.queryParams).toEqual(operation('tasks.get').queryParams);
  });
});
