import { escapeRegExp } from '../util/escape-regexp';
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_CHANGES_DIR, readStateChanges, stateChangeSummary, writeStateChanges, type ClusterReadBack } from './state-changes';

const TARGET = 'https://vcsa.lab.example';
const ready = (version: string) => ({ status: 200, body: { state: 'READY', current_version: version } });

/** A fresh reports directory for the test. */
function reportsDir(): string {
  const dir = test.info().outputPath('reports');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function write(reports: string, worker: string, clusters: ClusterReadBack[], at = '2025-01-01T00:00:00.000Z'): void {
  writeStateChanges(reports, worker, { target: TARGET, at, clusters });
}

test("two workers' files are merged per cluster, operations unioned and sorted, clusters sorted", async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-100', [
    { cluster: 'domain-c9', operations: ['upgrade-multiple', 'software.stage'], readBack: ready('v1') },
    { cluster: 'domain-c10', operations: ['upgrade'], readBack: ready('v2') },
  ]);
  write(reports, 'worker-1-200', [{ cluster: 'domain-c9', operations: ['software.stage', 'clusters.upgrade'], readBack: ready('v1') }]);

  const { target, clusters, problems } = readStateChanges(reports);

  expect(problems).toEqual([]);
  expect(target).toBe(TARGET);
  expect(clusters).toEqual([
    { cluster: 'domain-c10', operations: ['upgrade'], readBack: ready('v2') },
    { cluster: 'domain-c9', operations: ['clusters.upgrade', 'software.stage', 'upgrade-multiple'], readBack: ready('v1') },
  ]);
});

test('writeStateChanges writes one JSON file per worker under the reports directory', async () => {
  const reports = reportsDir();
  write(reports, 'worker-3-42', [{ cluster: 'domain-c8', operations: ['x'], readBack: ready('v1') }]);
  write(reports, 'worker-3-42', [{ cluster: 'domain-c7', operations: ['y'], readBack: ready('v1') }]);
  const { clusters } = readStateChanges(reports);
  expect(
    clusters.map((c) => c.cluster),
    'a worker writing again replaces its own file',
  ).toEqual(['domain-c7']);
});

test('the summary has one line per changed cluster with what its read-back answered', async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-1', [
    { cluster: 'domain-c8', operations: ['upgrade', 'software.stage'], readBack: ready('v1.30.4') },
    { cluster: 'domain-c9', operations: ['software.stage'], readBack: { status: 404, body: { error_type: 'NOT_FOUND' } } },
    { cluster: 'domain-c7', operations: ['upgrade'], readBack: { status: 200, body: {} } },
  ]);

  expect(stateChangeSummary(reports)).toEqual([
    `[vcconform] this run changed state on ${TARGET} — read back at its end (details in ${join(reports, STATE_CHANGES_DIR)}):`,
    '[vcconform]   domain-c7: upgrade → state ?, version ?',
    '[vcconform]   domain-c8: software.stage, upgrade → state READY, version v1.30.4',
    '[vcconform]   domain-c9: software.stage → GET answered 404',
  ]);
});

test('files that changed nothing give no summary lines', async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-1', []);
  expect(readStateChanges(reports)).toEqual({ target: TARGET, clusters: [], problems: [] });
  expect(stateChangeSummary(reports)).toEqual([]);
});

test('no state-changes directory means nothing changed', async () => {
  const reports = reportsDir();
  expect(readStateChanges(reports)).toEqual({ clusters: [], problems: [] });
  expect(stateChangeSummary(reports)).toEqual([]);
  expect(stateChangeSummary(join(reports, 'does-not-exist'))).toEqual([]);
});

test('an unreadable file is reported as a problem line, and the other files are still read', async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-1', [{ cluster: 'domain-c8', operations: ['upgrade'], readBack: ready('v2') }]);
  const dir = join(reports, STATE_CHANGES_DIR);
  writeFileSync(join(dir, 'worker-1-2.json'), '{"target": "https://vcsa.lab.example", "clus');
  mkdirSync(join(dir, 'worker-2-3.json'));

  const { clusters, problems } = readStateChanges(reports);

  expect(clusters.map((c) => c.cluster)).toEqual(['domain-c8']);
  expect(problems).toHaveLength(2);
  expect(problems[0]).toMatch(new RegExp(`^${escapeRegExp(join(dir, 'worker-1-2.json'))} cannot be read \\(.*JSON.*\\)$`));
  expect(problems[1]).toMatch(new RegExp(`^${escapeRegExp(join(dir, 'worker-2-3.json'))} cannot be read \\(.*EISDIR.*\\)$`));
  const lines = stateChangeSummary(reports);
  expect(lines.slice(0, 2)).toEqual(problems.map((p) => `[vcconform] Failed to read a state-change record: ${p}.`));
  expect(lines[2]).toContain('this run changed state on');
  expect(lines).toHaveLength(4);
});

test('a problem is reported even when no file could be read', async () => {
  const reports = reportsDir();
  mkdirSync(join(reports, STATE_CHANGES_DIR));
  writeFileSync(join(reports, STATE_CHANGES_DIR, 'worker-0-1.json'), '');
  const lines = stateChangeSummary(reports);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(
    `[vcconform] Failed to read a state-change record: ${join(reports, STATE_CHANGES_DIR, 'worker-0-1.json')} cannot be read`,
  );
});

test('files that are not .json (a half-written temporary) are not read', async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-1', [{ cluster: 'domain-c8', operations: ['upgrade'], readBack: ready('v2') }]);
  writeFileSync(join(reports, STATE_CHANGES_DIR, 'worker-1-2.json.999.tmp'), '{"half');
  expect(readStateChanges(reports).problems).toEqual([]);
});

// The read-back taken last wins by its time, not by file name order (worker-10 sorts before worker-2).
test('the read-back written last (by `at`) is the one reported for a cluster', async () => {
  const reports = reportsDir();
  write(
    reports,
    'worker-10-200',
    [{ cluster: 'domain-c8', operations: ['upgrade'], readBack: ready('v2-after') }],
    '2025-01-01T10:00:00.000Z',
  );
  write(
    reports,
    'worker-2-100',
    [{ cluster: 'domain-c8', operations: ['software.stage'], readBack: ready('v1-before') }],
    '2025-01-01T09:00:00.000Z',
  );
  expect(readStateChanges(reports).clusters[0]!.readBack).toEqual(ready('v2-after'));
});

// A JSON file that is not a state-change record is reported, not a crash.
test('a JSON file that is not a state-change record is a problem line, not a crash', async () => {
  const reports = reportsDir();
  write(reports, 'worker-0-1', [{ cluster: 'domain-c8', operations: ['upgrade'], readBack: ready('v2') }]);
  writeFileSync(join(reports, STATE_CHANGES_DIR, 'worker-1-2.json'), '{}');
  writeFileSync(join(reports, STATE_CHANGES_DIR, 'worker-2-3.json'), 'null');
  const { clusters, problems } = readStateChanges(reports);
  expect(clusters.map((c) => c.cluster)).toEqual(['domain-c8']);
  expect(problems).toHaveLength(2);
});
