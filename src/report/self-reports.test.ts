import { test, expect } from '@playwright/test';
import { selfTestsOnly } from './self-reports';

test('the self-tests alone are recognised on the command line; a run with the suites, or of every project, is not', () => {
  expect(selfTestsOnly(['node', 'playwright', 'test', '--project=self'])).toBe(true);
  expect(selfTestsOnly(['node', 'playwright', 'test', '--project', 'self', 'src/util'])).toBe(true);
  expect(selfTestsOnly(['node', 'playwright', 'test', '--project=self', '--project=mock'])).toBe(false);
  expect(selfTestsOnly(['node', 'playwright', 'test', '--project=mock'])).toBe(false);
  expect(selfTestsOnly(['node', 'playwright', 'test'])).toBe(false);
  expect(selfTestsOnly(['node', 'playwright', 'test', '--project'])).toBe(false);
});
