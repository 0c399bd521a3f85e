import { mkdirSync, readFileSync } from 'node:fs';
import { jsonFilesIn } from '../util/json-files';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic';

/**
 * What a live run changed (issue: "the run ends with a read-back of what it changed"): each worker
 * writes the clusters its state-changing requests touched and what a GET of each answered at its
 * end; `vcconform run` prints them after the run. The files sit under the reports directory.
 */
export const STATE_CHANGES_DIR = 'state-changes';

export interface ClusterReadBack {
  cluster: string;
  /** The state-changing operations sent to it. */
  operations: string[];
  readBack: { status: number; body: unknown };
}

export interface StateChanges {
  target: string;
  at: string;
  clusters: ClusterReadBack[];
}

export function writeStateChanges(reports: string, worker: string, changes: StateChanges): void {
  const dir = join(reports, STATE_CHANGES_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, `${worker}.json`), `${JSON.stringify(changes, null, 2)}\n`);
}

/** Every worker's file, merged per cluster; an unreadable file is reported, not skipped. */
export function readStateChanges(reports: string): { target?: string; clusters: ClusterReadBack[]; problems: string[] } {
  const dir = join(reports, STATE_CHANGES_DIR);
  const files = jsonFilesIn(dir);
  const byCluster = new Map<string, ClusterReadBack & { at: string }>();
  const problems: string[] = [];
  let target: string | undefined;
  for (const file of files) {
    let changes: unknown;
    try {
      changes = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${join(dir, file)} cannot be read (${(e as Error).message})`);
      continue;
    }
    if (!isStateChanges(changes)) {
      problems.push(`${join(dir, file)} is not a state-change record (expected {target, at, clusters: [{cluster, operations, readBack}]})`);
      continue;
    }
    target ??= changes.target;
    for (const c of changes.clusters) {
      const seen = byCluster.get(c.cluster);
      // The read-back taken last (by its time) wins; the operations add up.
      const latest =
        seen === undefined || changes.at >= seen.at ? { readBack: c.readBack, at: changes.at } : { readBack: seen.readBack, at: seen.at };
      byCluster.set(c.cluster, {
        cluster: c.cluster,
        operations: [...new Set([...(seen?.operations ?? []), ...c.operations])].sort(),
        ...latest,
      });
    }
  }
  const clusters = [...byCluster.values()].map(({ at: _at, ...c }) => c).sort((a, b) => a.cluster.localeCompare(b.cluster));
  return { target, clusters, problems };
}

/** Lines for the end of a run: one per changed cluster with its read-back, or nothing when nothing changed. */
export function stateChangeSummary(reports: string): string[] {
  const { target, clusters, problems } = readStateChanges(reports);
  const lines = problems.map((p) => `[vcconform] Failed to read a state-change record: ${p}.`);
  if (clusters.length === 0) return lines;
  lines.push(
    `[vcconform] this run changed state on ${target ?? 'the target'} — ` +
      `read back at its end (details in ${join(reports, STATE_CHANGES_DIR)}):`,
  );
  for (const c of clusters) {
    const body = c.readBack.body as { state?: unknown; current_version?: unknown } | undefined;
    const seen =
      c.readBack.status === 200
        ? `state ${String(body?.state ?? '?')}, version ${String(body?.current_version ?? '?')}`
        : `GET answered ${c.readBack.status}`;
    lines.push(`[vcconform]   ${c.cluster}: ${c.operations.join(', ')} → ${seen}`);
  }
  return lines;
}

function isStateChanges(value: unknown): value is StateChanges {
  const v = value as Partial<StateChanges> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.target === 'string' &&
    typeof v.at === 'string' &&
    Array.isArray(v.clusters) &&
    v.clusters.every((c) => typeof c?.cluster === 'string' && Array.isArray(c.operations) && typeof c.readBack?.status === 'number')
  );
}
