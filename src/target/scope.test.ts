import { test, expect } from '@playwright/test';
import { UsageError } from '../errors';
import { inScope, outOfScope, parseScope } from './scope';

test.describe('scope', () => {
  test('patterns are comma-separated globs over catalogue ids, each of which must match some operation', () => {
    expect(parseScope(['clusters.*, tasks.get', 'software.stage'], '--operations')).toEqual(['clusters.*', 'tasks.get', 'software.stage']);
    expect(() => parseScope(['clusters.*,tasks.gte'], '--operations')).toThrow(UsageError);
    expect(() => parseScope(['clusters.*,tasks.gte'], '--operations')).toThrow(
      /^--operations: "tasks\.gte" matches no catalogued operation \(like it: tasks\.get, tasks\.list, tasks\.cancel; .* lists all 130\)/,
    );
    expect(() => parseScope([' , '], 'at /operations')).toThrow(/^at \/operations must name at least one operation/);
    // A dot is a dot, not any character.
    expect(() => parseScope(['clustersXlist'], '--operations')).toThrow(/matches no catalogued operation/);
  });

  test('an operation is in scope when a pattern matches it; sessions and uncatalogued probes always are; no scope means all', () => {
    const scope = ['clusters.*', 'tasks.get'];
    expect(inScope(scope, 'clusters.upgradeMultiple')).toBe(true);
    expect(inScope(scope, 'tasks.get')).toBe(true);
    expect(inScope(scope, 'tasks.list')).toBe(false);
    expect(inScope(scope, 'software.stage')).toBe(false);
    expect(inScope(scope, 'session.create')).toBe(true);
    expect(inScope(scope, 'unlisted')).toBe(true);
    expect(inScope(undefined, 'software.stage')).toBe(true);
    expect(outOfScope(scope, ['session.create', 'tasks.get', 'software.stage', 'tasks.list', 'software.stage'])).toEqual([
      'software.stage',
      'tasks.list',
    ]);
  });
});
