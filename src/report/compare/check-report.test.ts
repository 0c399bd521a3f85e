import { test, expect } from '@playwright/test';
import { UsageError } from '../../errors';
import { checkConformanceReport } from './check-report';
import { sampleReport } from './sample-report';

test.describe('checkConformanceReport', () => {
  test('a complete report passes and comes back as it is', () => {
    const report = sampleReport({
      results: [['session.create', 'status-is-documented', 'failed']],
      skipped: [['tasks.get', 'no task']],
      statuses: [['session.create', 200, null, 1, false]],
      knownFailures: [{ operation: 'a', check: 'b', reason: 'r', expires: '2026-12-31' }],
    });
    expect(checkConformanceReport(report)).toBe(report);
  });

  test('anything without the conformance format marker is refused as not a conformance report, naming results.json', () => {
    for (const value of [
      null,
      42,
      'text',
      [],
      {},
      { suites: [], stats: {} },
      { ...sampleReport(), format: 'vcconform-contract-summary' },
    ]) {
      expect(() => checkConformanceReport(value), JSON.stringify(value)).toThrow(UsageError);
      expect(() => checkConformanceReport(value), JSON.stringify(value)).toThrow(
        'not a vcconform conformance report (it has no "format": "vcconform-conformance"; ' +
          'compare reads the conformance.json a run writes, not results.json)',
      );
    }
  });

  test('another format version is refused, naming both versions', () => {
    expect(() => checkConformanceReport({ ...sampleReport(), version: 2 })).toThrow(
      'a conformance report of version 2, but this vcconform reads version 1',
    );
    expect(() => checkConformanceReport({ ...sampleReport(), version: undefined })).toThrow('a conformance report of version undefined');
  });

  test('a report of the wrong shape is refused, naming each problem by JSON pointer (three at most)', () => {
    const { results: _r, ...noResults } = sampleReport();
    expect(() => checkConformanceReport(noResults)).toThrow(
      /^not a valid conformance report \(Vcconform\.Conformance\.Report\): .*results/,
    );
    expect(() => checkConformanceReport({ ...sampleReport(), failures: {} })).toThrow(/at \/failures: must be array/);
    expect(() => checkConformanceReport({ ...sampleReport(), knownFailures: 'none' })).toThrow(/at \/knownFailures: must be array/);
    const [first, ...rest] = sampleReport({ results: [['o', 'c', 'passed']] }).results;
    expect(() => checkConformanceReport({ ...sampleReport(), results: [{ ...first, status: 'broken' }, ...rest] })).toThrow(
      'at /results/0/status: must be equal to one of the allowed values ("passed", "failed", "warning", "info", "skipped")',
    );
    // A misspelt knownFailures would otherwise be ignored, and every accepted failure would count as new.
    expect(() => checkConformanceReport({ ...sampleReport(), knownFailure: [] })).toThrow(
      'at /: must NOT have additional properties ("knownFailure")',
    );
    const { expires: _e, ...noExpiry } = { operation: 'o', check: 'c', reason: 'r', expires: '2026-12-31' };
    expect(() => checkConformanceReport({ ...sampleReport(), knownFailures: [noExpiry] })).toThrow(
      "at /knownFailures/0: must have required property 'expires'",
    );
    const many = { ...sampleReport(), results: 1, failures: 2, coverage: 3, knownFailures: 4 };
    expect(() => checkConformanceReport(many)).toThrow(/; and \d+ more$/);
    try {
      checkConformanceReport(many);
    } catch (e) {
      expect((e as Error).message.match(/at \//g)).toHaveLength(3);
    }
  });
});
