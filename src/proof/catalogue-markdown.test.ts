import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checks } from '../checks/index';
import { CATALOGUE_END, CATALOGUE_START, checksMarkdown } from './catalogue-markdown';

test.describe('check registry and its catalogue', () => {
  test('check names are unique kebab-case, each with a one-sentence reason', () => {
    const names = checks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of checks) {
      expect(c.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.reason.length, c.name).toBeGreaterThan(20);
      expect(['failure', 'warning', 'observation']).toContain(c.severity);
    }
  });

  // Checks encode the documentation: anything short of a failure is for a rule the docs leave open, and its reason says why.
  test('every warning and observation cites the contract and says why the docs leave its rule open', () => {
    const why =
      /unspecified|not documented|do(?:es)? not say|never (?:say|forbids)|neither|optional|free-form|promise no|defines no|allows/i;
    for (const c of checks.filter((x) => x.severity !== 'failure')) {
      expect(c.reason, c.name).toMatch(/§/);
      expect(c.reason, c.name).toMatch(why);
    }
  });

  test('README.md carries the current check catalogue (regenerate with vcconform checks --markdown)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf(CATALOGUE_START);
    const end = readme.indexOf(CATALOGUE_END);
    expect(start, 'README has the catalogue start marker').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + CATALOGUE_END.length)).toBe(checksMarkdown());
  });
});
