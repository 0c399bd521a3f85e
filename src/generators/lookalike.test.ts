import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { lookalike, lookalikes } from './lookalike';
import { LAW_SEED } from './testing';

const sample = (real: string, except?: string[]) => fc.sample(lookalike(real, except), { numRuns: 200, seed: LAW_SEED });

test.describe('lookalike ids', () => {
  test('a session id stays 32 lower-case hex digits, never the real one', () => {
    const real = 'a3f9c2d4e5b6a7980c1d2e3f4a5b6c7d';
    const ids = sample(real);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id) && id !== real)).toBe(true);
    expect(lookalikes(real)).toBe(1e9);
  });

  test('a managed object id keeps its letters and varies its digits; none of the listed ones comes out', () => {
    const listed = ['domain-c18', 'domain-c19'];
    const ids = sample('domain-c18', listed);
    expect(ids.every((id) => /^domain-c\d\d$/.test(id) && !listed.includes(id))).toBe(true);
    expect(new Set(ids).size).toBeGreaterThan(50);
    expect(lookalikes('domain-c18')).toBe(100);
  });

  test('a name without digits keeps the case of each letter', () => {
    expect(sample('VMware-vmkusb').every((id) => /^[A-Z]{2}[a-z]{4}-[a-z]{6}$/.test(id))).toBe(true);
  });
});
