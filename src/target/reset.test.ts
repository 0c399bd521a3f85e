import { test, expect } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resetTarget, type Send } from './reset';

const URL = 'https://vc.example';
type Sent = Parameters<Send>[0];

/** A Send that records every request and answers `status` with `text`. */
function fakeSend(status: number, text = '') {
  const sent: Sent[] = [];
  const send: Send = async (r) => {
    sent.push(r);
    return { status, text };
  };
  return { sent, send };
}

/** A fresh, empty working directory for a command. */
function workDir(): string {
  const dir = test.info().outputPath('cwd');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The message resetTarget rejects with, or fails the test. */
async function resetError(...args: Parameters<typeof resetTarget>): Promise<string> {
  const error = await resetTarget(...args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'resetTarget should have rejected').toBeInstanceOf(Error);
  return (error as Error).message;
}

// Writes its argv (after the script) as JSON to argv.json in its working directory.
const WRITE_ARGV = "require('fs').writeFileSync('argv.json', JSON.stringify(process.argv.slice(1)))";

test('an http reset sends the method to the target URL plus the path, with the administrator session', async () => {
  const { sent, send } = fakeSend(204);
  await resetTarget(
    { http: { method: 'POST', path: '/api/lab/reset?full=true' } },
    { url: URL, session: 'sid-admin', send, cwd: workDir() },
  );
  expect(sent).toEqual([{ method: 'POST', url: `${URL}/api/lab/reset?full=true`, headers: { 'vmware-api-session-id': 'sid-admin' } }]);
});

test('an http reset without a session sends no session header', async () => {
  const { sent, send } = fakeSend(200);
  await resetTarget({ http: { method: 'PUT', path: '/reset' } }, { url: URL, send, cwd: workDir() });
  expect(sent).toEqual([{ method: 'PUT', url: `${URL}/reset`, headers: {} }]);
});

for (const status of [500, 404, 302, 199]) {
  test(`an http reset answered ${status} is an error naming the method, path and status`, async () => {
    const { send } = fakeSend(status, 'the lab said no');
    const text = await resetError(
      { http: { method: 'POST', path: '/api/lab/reset' } },
      { url: URL, session: 'sid-admin', send, cwd: workDir() },
    );
    expect(text).toContain('[vcconform] Failed to reset the target with POST /api/lab/reset');
    expect(text).toContain(`it answered ${status} the lab said no`);
    expect(text).toContain('capabilities.reset');
    expect(text).not.toContain('sid-admin');
  });
}

test('an http reset error quotes at most 200 characters of the answer', async () => {
  const { send } = fakeSend(500, `${'x'.repeat(200)}TAIL`);
  const text = await resetError({ http: { method: 'POST', path: '/r' } }, { url: URL, send, cwd: workDir() });
  expect(text).toContain('x'.repeat(200));
  expect(text).not.toContain('TAIL');
});

test('a command reset runs in the given directory without a shell: shell syntax reaches it literally', async () => {
  const cwd = workDir();
  const args = ['a; touch pwned', '$(touch pwned2)', '`touch pwned3`', '>out.txt', '*', 'two words'];
  await resetTarget({ command: [process.execPath, '-e', WRITE_ARGV, ...args] }, { url: URL, send: fakeSend(200).send, cwd });
  expect(JSON.parse(readFileSync(join(cwd, 'argv.json'), 'utf8'))).toEqual(args);
  for (const f of ['pwned', 'pwned2', 'pwned3', 'out.txt', 'touch'])
    expect(existsSync(join(cwd, f)), `${f} was created by a shell`).toBe(false);
});

test('a command reset sends nothing to the target', async () => {
  const { sent, send } = fakeSend(200);
  await resetTarget({ command: [process.execPath, '-e', ''] }, { url: URL, session: 'sid-admin', send, cwd: workDir() });
  expect(sent).toEqual([]);
});

test('a command that exits non-zero is an error with the exit code and the last stderr lines', async () => {
  // The lines are built at run time so that the command text (quoted in the message) does not contain them.
  const script = "for (const n of [1, 2, 3, 4]) console.error('stderr-line-' + n); process.exit(3)";
  const text = await resetError({ command: [process.execPath, '-e', script] }, { url: URL, send: fakeSend(200).send, cwd: workDir() });
  expect(text).toContain('[vcconform] Failed to reset the target with the command');
  expect(text).toContain(JSON.stringify(process.execPath).slice(1, -1));
  expect(text).toContain('it exited with 3: stderr-line-2 | stderr-line-3 | stderr-line-4.');
  expect(text).not.toContain('stderr-line-1');
  expect(text).toContain('capabilities.reset');
});

test('a command that exits non-zero silently is an error with just the exit code', async () => {
  const text = await resetError(
    { command: [process.execPath, '-e', 'process.exit(7)'] },
    { url: URL, send: fakeSend(200).send, cwd: workDir() },
  );
  expect(text).toContain('it exited with 7.');
});

test('a command that does not exist is an error saying the command was not found', async () => {
  const missing = join(workDir(), 'no-such-reset-script.sh');
  const text = await resetError({ command: [missing, '--yes'] }, { url: URL, send: fakeSend(200).send, cwd: workDir() });
  expect(text).toContain('the command was not found');
  expect(text).toContain(`${missing} --yes`);
});
