import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, cleanEnv, reportsDir } from '../../proof/child-run';
import type { ConformanceReport } from '../../report/conformance-types';
import { writeSpecDir } from '../../spec-import/spec-dir';
import { wholeSpecFile, type SpecDocument } from '../../spec-import/testing';

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const UNAUTHENTICATED = { description: 'if the user can not be authenticated.', content: json('Vapi.Std.Errors.Unauthenticated') };

/**
 * A spec with what the vendored 9.1 extracts lack: folders (list and get, the list producing the get's {folder}), and a
 * VM list whose schema uses a keyword the importer does not know.
 */
function withFoldersAndVms(doc: SpecDocument): void {
  doc.components.schemas['Vcenter.Folder.Summary'] = {
    type: 'object',
    required: ['folder', 'name'],
    properties: {
      folder: {
        type: 'string',
        description:
          'Identifier of the folder.\n\nWhen operations return a value of this schema as a response, the property will be an identifier ' +
          'for the resource type: `Folder`.',
      },
      name: { type: 'string', description: 'Name of the folder.' },
    },
  };
  doc.components.schemas['Vcenter.VM.Summary'] = { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z]+$' } } };
  doc.paths['/vcenter/folder'] = {
    get: {
      operationId: 'Vcenter.Folder_list',
      description: 'Returns information about at most 1000 visible folders.',
      responses: {
        '200': {
          description: 'Commonly used information about the folders.',
          content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Vcenter.Folder.Summary' } } } },
        },
        '401': UNAUTHENTICATED,
      },
      security: [{ api_key_auth: [] }],
    },
  };
  doc.paths['/vcenter/folder/{folder}'] = {
    get: {
      operationId: 'Vcenter.Folder_get',
      description: 'Returns information about a folder.',
      parameters: [
        {
          name: 'folder',
          in: 'path',
          required: true,
          description: 'Identifier of the folder.\n\nThe parameter must be an identifier for the resource type: `Folder`.',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': { description: 'The folder.', content: json('Vcenter.Folder.Summary') },
        '401': UNAUTHENTICATED,
        '404': { description: 'if there is no folder associated with folder in the system.', content: json('Vapi.Std.Errors.NotFound') },
      },
      security: [{ api_key_auth: [] }],
    },
  };
  doc.paths['/vcenter/vm'] = {
    get: {
      operationId: 'Vcenter.VM_list',
      description: 'Returns information about at most 4000 visible virtual machines.',
      responses: {
        '200': {
          description: 'The virtual machines.',
          content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Vcenter.VM.Summary' } } } },
        },
        '401': UNAUTHENTICATED,
      },
      security: [{ api_key_auth: [] }],
    },
  };
}

test.describe('vcconform run --spec: a user spec drives the catalogue', () => {
  test.describe.configure({ timeout: 180_000 });

  test('writeSpecDir catalogues what the spec gives, leaves out what it cannot import, naming it, and needs the deep operations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcconform-specdir-'));
    const made = writeSpecDir(wholeSpecFile(withFoldersAndVms), dir);
    expect(made).toMatchObject({ operations: 132, deep: 12 });
    expect(made.left).toEqual([{ key: '/vcenter/vm', method: 'GET', reason: expect.stringContaining('unsupported keyword "pattern"') }]);
    const ids = (JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as { id: string }[]).map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['vcenter.folder.list', 'vcenter.folder.get', 'software.stage']));
    const lacking = wholeSpecFile((doc) => {
      delete doc.paths['/esx/settings/clusters/{cluster}/software?action=stage&vmw-task=true'];
    });
    expect(() => writeSpecDir(lacking, dir)).toThrow(/it lacks software\.stage .*vSphere 8\.0 U1 or later/);
  });

  test('the run on it exercises the generic checks on its new operations against the embedded mock, which serves them', async () => {
    const reports = reportsDir();
    const r = await bin(['--spec', wholeSpecFile(withFoldersAndVms), '--grep', 'vcenter\\.folder', '--reports', reports], cleanEnv());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/--spec .*vcenter\.yaml: 132 operations \(12 deep\), \d+ schemas; 1 left out, e\.g\. GET \/vcenter\/vm: /);
    const report = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as ConformanceReport;
    expect(report.verdict).toBe('pass');
    const folder = (id: string) => report.coverage.find((c) => c.operation === id);
    expect(folder('vcenter.folder.get')?.checks).toEqual(expect.arrayContaining(['body-matches-schema', 'documented-error-is-returned']));
    expect(folder('vcenter.folder.list')?.checks).toEqual(expect.arrayContaining(['unauthenticated-is-401', 'status-is-documented']));
    expect(report.coverage.find((c) => c.operation === 'vcenter.vM.list')).toBeUndefined();
  });

  test('a --spec that is not a spec, or without a file, is one line and exit 2', async () => {
    const none = await bin(['--spec'], cleanEnv());
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toMatch(
      /^\[vcconform\] run: --spec needs a file: a complete vcenter\.yaml or \.json\. Usage: vcconform run [^\n]*$/,
    );
    const missing = await bin(['--spec', '/nonexistent/vcenter.yaml'], cleanEnv());
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^\[vcconform\] run: --spec \/nonexistent\/vcenter\.yaml: cannot read it \(ENOENT\)[^\n]*$/);
  });
});
