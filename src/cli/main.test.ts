import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { operations } from '../../specs/index';
import { main } from './main';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test.describe('vcconform CLI', () => {
  test('--help lists every command and exits 0; no command prints it and exits 2', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of ['run', 'operations', 'schemas']) expect(help.out).toContain(`vcconform ${name}`);
    expect((await cli()).code).toBe(2);
  });

  test('an unknown command is refused with a suggestion', async () => {
    const r = await cli('operatons');
    expect(r.code).toBe(2);
    expect(r.err).toBe('[vcconform] Unknown command "operatons". Did you mean "operations"?');
  });

  test('an unknown flag is refused, naming the flag and the usage', async () => {
    const r = await cli('operations', '--jsn');
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--jsn'");
    expect(r.err).toContain('Usage: vcconform operations [--json]');
  });

  test('operations --json prints the catalogue itself', async () => {
    const r = await cli('operations', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(operations)));
  });

  test('operations prints one entry per operation with its statuses', async () => {
    const r = await cli('operations');
    expect(r.out).toContain('/api/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true');
    expect(r.out).toContain('202 ok; 400 INVALID_ARGUMENT|NOT_ALLOWED_IN_CURRENT_STATE; 401 UNAUTHENTICATED; 404 NOT_FOUND; 500 ERROR|TIMED_OUT; 503 SERVICE_UNAVAILABLE');
    expect(r.out.split('\n').filter((l) => /^\S/.test(l))).toHaveLength(operations.length);
  });

  test('schemas prints one schema by $id, and an unknown $id fails naming it', async () => {
    const one = await cli('schemas', 'Cis.Task.Progress');
    expect(JSON.parse(one.out).$id).toBe('Cis.Task.Progress');
    const bad = await cli('schemas', 'Cis.Task.Nope');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"Cis.Task.Nope"');
    expect((await cli('schemas', 'a', 'b')).code).toBe(2);
  });

  test('the bin entry runs the CLI in a real process', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'vcconform.js'), 'schemas'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('Esx.Settings.Clusters.Software.StageResult');
  });
});
