import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations, validatorFor } from '../../specs/index';
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
    for (const name of ['run', 'mock', 'operations', 'schemas', 'generate', 'openapi']) expect(help.out).toContain(`vcconform ${name}`);
    expect((await cli()).code).toBe(2);
  });

  test('COMMAND --help prints the usage and exits 0 without running the command', async () => {
    const r = await cli('mock', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: vcconform mock');
    expect(r.out).toContain('--time-scale X');
    expect(r.err).toBe('');
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
    expect(r.out).toContain(
      '202 ok; 400 INVALID_ARGUMENT|NOT_ALLOWED_IN_CURRENT_STATE; ' +
        '401 UNAUTHENTICATED; 404 NOT_FOUND; 500 ERROR|TIMED_OUT; 503 SERVICE_UNAVAILABLE',
    );
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

  test('generate prints N values of a schema, valid per specs/, reproducibly by seed', async () => {
    const a = await cli('generate', 'Esx.Settings.Clusters.Software.StageSpec', '--count', '20', '--seed', '7');
    expect(a.code).toBe(0);
    const values = a.out.split('\n').map((l) => JSON.parse(l));
    expect(values).toHaveLength(20);
    const validate = validatorFor('Esx.Settings.Clusters.Software.StageSpec');
    expect(values.filter((v) => !validate(v))).toEqual([]);
    expect((await cli('generate', 'Esx.Settings.Clusters.Software.StageSpec', '--count', '20', '--seed', '7')).out).toBe(a.out);
    expect(a.err).toContain('seed 7');
  });

  test('generate --invalid prints values that break the schema, each with its mutation', async () => {
    const r = await cli(
      'generate',
      'Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap',
      '--invalid',
      '--count',
      '10',
      '--seed',
      '3',
    );
    const validate = validatorFor('Vcenter.NamespaceManagement.Software.Clusters.UpgradeSpecMap');
    for (const line of r.out.split('\n')) {
      const { value, mutation } = JSON.parse(line);
      expect(validate(value), line).toBe(false);
      expect(mutation.kind).toMatch(/^(missing-required|wrong-type|out-of-enum|extra-property|duplicate-item)$/);
    }
  });

  test('generate refuses a missing or unknown schema and a bad count', async () => {
    expect((await cli('generate')).code).toBe(2);
    const unknown = await cli('generate', 'Nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('"Nope"');
    const bad = await cli('generate', 'Cis.Task.Info', '--count', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--count must be an integer');
  });

  test('openapi prints the committed OpenAPI document and --out writes it', async () => {
    const printed = await cli('openapi');
    expect(JSON.parse(printed.out).openapi).toBe('3.1.0');
    const out = join(test.info().outputPath(), 'vcenter.json');
    expect((await cli('openapi', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(printed.out);
    const bad = await cli('openapi', '--out', join(test.info().outputPath(), 'no', 'such', 'dir', 'x.json'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Failed to write');
  });

  test('the bin entry runs the CLI in a real process', () => {
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'vcconform.js'), 'schemas'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('Esx.Settings.Clusters.Software.StageResult');
  });
});
