import { test, expect } from '@playwright/test';
import { operation } from '../../../specs/index';
import { operationsCommand, queryLines } from './operations';

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await operationsCommand.run(args, { out: (t) => out.push(t), err: () => {} });
  return { code, out: out.join('\n') };
}

test.describe('vcconform operations', () => {
  test('shows the documented query parameter of tasks.get under its entry, as it is sent', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('tasks.get '));
    expect(lines[at + 2]).toBe(`${''.padEnd(26)} query spec: Cis.Tasks.GetSpec, optional, form-exploded: ?return_all=…&exclude_result=…`);
    expect(lines.filter((l) => l.includes(' query '))).toHaveLength(1);
  });

  test('an operation without documented query parameters has no query line; a plain one is shown by name', () => {
    expect(queryLines(operation('tasks.list'))).toEqual([]);
    const spec = operation('tasks.get').queryParams![0]!;
    expect(queryLines({ ...operation('tasks.get'), queryParams: [{ ...spec, explode: false, required: true }] })).toEqual([
      'query spec: Cis.Tasks.GetSpec, required',
    ]);
  });

  test('--json carries queryParams', async () => {
    const ops = JSON.parse((await run('--json')).out) as { id: string; queryParams?: unknown[] }[];
    expect(ops.find((o) => o.id === 'tasks.get')?.queryParams).toEqual(operation('tasks.get').queryParams);
  });
});
