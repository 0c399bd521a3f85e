import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startMock } from './start-mock';
import { MockClient, checkEveryResponse } from './test-client';

checkEveryResponse();

const ROOT = join(__dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return testFiles(path);
    return d.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

test.describe('mock self-test client', () => {
  test('every test file that talks to the mock through MockClient validates every response (checkEveryResponse)', () => {
    const files = [...testFiles(join(ROOT, 'src')), ...testFiles(join(ROOT, 'specs'))].filter((f) =>
      readFileSync(join(ROOT, f), 'utf8').includes('new MockClient('),
    );
    expect(files.length).toBeGreaterThan(5);
    const unchecked = files.filter((f) => !/^checkEveryResponse\(\);$/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(unchecked, 'add checkEveryResponse(); at the top of these files').toEqual([]);
  });

  test('problems() names a response that breaks the catalogue; a conforming one gives none', async () => {
    const mock = await startMock({ clock: 'manual', faults: ['session-create-200'] });
    try {
      const faulty = new MockClient(mock, { unchecked: 'session-create-200 is on: this test shows that problems() sees it' });
      await expect(faulty.login()).rejects.toThrow('Failed to log in as administrator: 200');
      expect(faulty.problems()).toEqual([
        expect.stringMatching(/^POST \/api\/session → 200: body does not match Vapi\.Std\.Errors\.Error/),
      ]);
      mock.setFaults([]);
      const clean = new MockClient(mock);
      await clean.login();
      expect(clean.problems()).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test('an unchecked client must say why', () => {
    const mock = {} as never;
    expect(() => new MockClient(mock, { unchecked: ' ' })).toThrow('`unchecked` must say why');
  });
});
