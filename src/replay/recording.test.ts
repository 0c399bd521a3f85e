import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors';
import type { PublicProfile } from '../target/profile';
import { RECORDING_FILE, RECORDING_FORMAT, readRecording, writeRecording, type Recording } from './recording';

const PROFILE: PublicProfile = {
  source: 'fixtures/profiles/lab.json',
  url: 'https://vcsa.lab.example',
  tls: { insecure: true },
  timeoutMs: 5000,
  maxResponseBytes: 1_000_000,
  runBudgetMs: 600_000,
  users: { administrator: { username: 'administrator@vsphere.local' }, operator: { username: 'op@vsphere.local' } },
  roles: { nonWcpCluster: 'domain-c9' },
  capabilities: { allowMutations: false, mutationAllowlist: [] },
};

/** A fresh directory for the test (created unless `create` is false). */
function dir(name = 'recording', create = true): string {
  const d = test.info().outputPath(name);
  if (create) mkdirSync(d, { recursive: true });
  return d;
}

/** A recording directory whose recording.json holds `content` (JSON-encoded unless a string). */
function recordingWith(content: unknown): string {
  const d = dir();
  writeFileSync(join(d, RECORDING_FILE), typeof content === 'string' ? content : JSON.stringify(content));
  return d;
}

/** The UsageError readRecording throws for `d`, or fails the test. */
function readError(d: string): string {
  try {
    readRecording(d);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`readRecording(${d}) should have thrown`);
}

const valid = (): Recording => ({
  format: RECORDING_FORMAT,
  version: 1,
  recordedAt: '2025-01-01T00:00:00.000Z',
  profile: structuredClone(PROFILE),
  seed: 42,
  numRuns: 100,
});

test('a written recording reads back as written, with its format, version and time', () => {
  const d = dir('nested/recording', false);
  const before = Date.now();
  writeRecording(d, { profile: PROFILE, seed: -7, numRuns: 25 });
  const read = readRecording(d);
  expect(read).toEqual({
    format: 'vcconform-recording',
    version: 1,
    recordedAt: expect.any(String),
    profile: PROFILE,
    seed: -7,
    numRuns: 25,
  });
  expect(Date.parse(read.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
  expect(Date.parse(read.recordedAt)).toBeLessThanOrEqual(Date.now() + 1000);
  expect(readdirSync(d)).toEqual([RECORDING_FILE]);
  expect(readFileSync(join(d, RECORDING_FILE), 'utf8')).toMatch(/\n$/);
});

test('a directory without recording.json is a UsageError naming the directory and the file', () => {
  const d = dir();
  const text = readError(d);
  expect(text).toBe(
    `[vcconform] Failed to replay the recording in ${d}: it has no ${RECORDING_FILE}. Give a directory written by vcconform run --record.`,
  );
});

test('a directory that does not exist is a UsageError naming it', () => {
  const d = dir('missing', false);
  expect(readError(d)).toContain(`replay the recording in ${d}: it has no ${RECORDING_FILE}`);
});

test('a recording.json that is not JSON is a UsageError naming the file', () => {
  const d = recordingWith('{"format": "vcconform-rec');
  const text = readError(d);
  expect(text).toContain(`[vcconform] Failed to replay the recording in ${d}: ${join(d, RECORDING_FILE)} is not JSON (`);
  expect(text).toContain('Give a directory written by vcconform run --record');
});

const problems: { description: string; content: unknown; problem: string }[] = [
  { description: 'null', content: null, problem: 'it is not an object' },
  { description: 'a number', content: 3, problem: 'it is not an object' },
  { description: 'a foreign format', content: { ...valid(), format: 'har' }, problem: '"format" is "har", expected "vcconform-recording"' },
  {
    description: 'no format',
    content: { ...valid(), format: undefined },
    problem: '"format" is undefined, expected "vcconform-recording"',
  },
  { description: 'a newer version', content: { ...valid(), version: 2 }, problem: '"version" is 2, this vcconform reads version 1' },
  {
    description: 'a version as a string',
    content: { ...valid(), version: '1' },
    problem: '"version" is "1", this vcconform reads version 1',
  },
  { description: 'no profile', content: { ...valid(), profile: undefined }, problem: '"profile" is not a target profile' },
  {
    description: 'a profile without a url',
    content: { ...valid(), profile: { ...PROFILE, url: undefined } },
    problem: '"profile" is not a target profile',
  },
  {
    description: 'a profile without an administrator',
    content: { ...valid(), profile: { ...PROFILE, users: { operator: { username: 'op' } } } },
    problem: '"profile" is not a target profile',
  },
  { description: 'a fractional seed', content: { ...valid(), seed: 1.5 }, problem: '"seed" and "numRuns" must be integers' },
  { description: 'a seed as a string', content: { ...valid(), seed: '42' }, problem: '"seed" and "numRuns" must be integers' },
  { description: 'no numRuns', content: { ...valid(), numRuns: undefined }, problem: '"seed" and "numRuns" must be integers' },
];

for (const { description, content, problem } of problems) {
  test(`a recording.json with ${description} is a UsageError naming the file and the problem`, () => {
    const d = recordingWith(content);
    expect(readError(d)).toBe(
      `[vcconform] Failed to replay the recording in ${d}: ${join(d, RECORDING_FILE)}: ${problem}. ` +
        'Record it again with vcconform run --record.',
    );
  });
}

test('a valid hand-written recording.json is accepted as is', () => {
  const d = recordingWith(valid());
  expect(readRecording(d)).toEqual(valid());
});

test(
  'the build the recorded target reported reads back for the replay; ' +
    'null and recordings made before it are fine, anything else is refused',
  () => {
    const build = {
      product: 'VMware vCenter Server',
      version: '9.1.0.0',
      build: '24321653',
      type: 'vCenter Server with an embedded Platform Services Controller',
      releasedate: '',
    };
    const d = dir();
    writeRecording(d, { profile: PROFILE, seed: 1, numRuns: 2, build });
    expect(readRecording(d).build).toEqual(build);
    writeRecording(d, { profile: PROFILE, seed: 1, numRuns: 2, build: null });
    expect(readRecording(d).build).toBeNull();
    expect(readRecording(recordingWith(valid())).build, 'recorded before builds were').toBeUndefined();
    expect(readError(recordingWith({ ...valid(), build: '24321653' }))).toContain(
      '"build" is neither null nor a {product, version, build, type, releasedate} of strings',
    );
    expect(readError(recordingWith({ ...valid(), build: { ...build, install_time: 'x' } }))).toContain('"build" is neither null');
  },
);
