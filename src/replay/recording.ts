import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, message } from '../errors';
import { withLimits, type PublicProfile } from '../target/profile';
import { writeFileAtomic } from '../util/write-file-atomic';
import type { TargetBuild } from '../report/conformance-types';
import { isTargetBuild } from '../target/build';

/**
 * A recording directory: one cassette per test (cassette.ts) and `recording.json`, which says what
 * was recorded — the target's profile without passwords, and the fast-check seed and run count the
 * properties used — so that `--replay` can generate exactly the same requests again.
 */
export const RECORDING_FILE = 'recording.json';
export const RECORDING_FORMAT = 'vcconform-recording';

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: 1;
  recordedAt: string;
  profile: PublicProfile;
  seed: number;
  numRuns: number;
  /** The build the recorded target reported (null: it did not); a replay names it. Absent in recordings made before. */
  build?: TargetBuild | null;
}

export function writeRecording(dir: string, recording: Omit<Recording, 'format' | 'version' | 'recordedAt'>): void {
  mkdirSync(dir, { recursive: true });
  const value: Recording = { format: RECORDING_FORMAT, version: 1, recordedAt: new Date().toISOString(), ...recording };
  writeFileAtomic(join(dir, RECORDING_FILE), `${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a recording directory's description; a missing or foreign file is a UsageError naming it. */
export function readRecording(dir: string): Recording {
  const file = join(dir, RECORDING_FILE);
  const action = `replay the recording in ${dir}`;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      message(
        action,
        missing ? `it has no ${RECORDING_FILE}` : `${file} is not JSON (${(e as Error).message})`,
        'Give a directory written by vcconform run --record',
      ),
    );
  }
  const r = value as Partial<Recording> | null;
  const problem =
    typeof r !== 'object' || r === null
      ? 'it is not an object'
      : r.format !== RECORDING_FORMAT
        ? `"format" is ${JSON.stringify(r.format)}, expected "${RECORDING_FORMAT}"`
        : r.version !== 1
          ? `"version" is ${JSON.stringify(r.version)}, this vcconform reads version 1`
          : typeof r.profile?.url !== 'string' || typeof r.profile.users?.administrator?.username !== 'string'
            ? '"profile" is not a target profile'
            : !Number.isInteger(r.seed) || !Number.isInteger(r.numRuns)
              ? '"seed" and "numRuns" must be integers'
              : r.build !== undefined && r.build !== null && !isTargetBuild(r.build)
                ? '"build" is neither null nor a {product, version, build, type, releasedate} of strings'
                : undefined;
  if (problem) throw new UsageError(message(action, `${file}: ${problem}`, 'Record it again with vcconform run --record'));
  // Recordings made before the size and run budgets existed replay with the defaults.
  const recording = r as Recording;
  return { ...recording, profile: { ...withLimits(recording.profile) } };
}
