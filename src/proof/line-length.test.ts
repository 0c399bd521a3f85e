import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MAX = 140;

// Biome's lineWidth (biome.json) does not break strings or comments; this holds them to the same 140 characters.
test('no line of a tracked .ts or .js file is longer than 140 characters', () => {
  const files = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.js'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(ROOT, f)));
  expect(files.length, 'git ls-files lists the sources').toBeGreaterThan(0);
  const long: string[] = [];
  for (const file of files) {
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const length = [...line].length;
        if (length > MAX) long.push(`${file}:${i + 1} (${length})`);
      });
  }
  expect(long, `lines over ${MAX} characters:\n${long.join('\n')}`).toEqual([]);
});
