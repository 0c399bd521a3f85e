import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionKeeper } from './session-keeper';
import { SESSIONS_LEFT_DIR, sessionsLeftSummary, writeSessionsLeft } from './sessions-left';

test(
  'close() deletes every session it can, goes on past a logout that fails, ' + 'and returns those left by role and reason — never the id',
  async () => {
    const keeper = new SessionKeeper(async (role) => `sid-${role}-0123456789abcdef`);
    await keeper.get('administrator');
    await keeper.get('operator');
    await keeper.get('read-only');
    const tried: string[] = [];
    const left = await keeper.close(async (id) => {
      tried.push(id);
      if (id.includes('operator')) throw new Error('DELETE /api/session: the target reset the connection (ECONNRESET), after 3 ms');
    });
    expect(tried).toHaveLength(3);
    expect(left.map((e) => [e.role, e.kind, e.detail])).toEqual([
      ['operator', 'undeleted', 'DELETE /api/session: the target reset the connection (ECONNRESET), after 3 ms'],
    ]);
    expect(
      keeper.events
        .filter((e) => e.kind === 'deleted')
        .map((e) => e.role)
        .sort(),
    ).toEqual(['administrator', 'read-only']);

    const reports = mkdtempSync(join(tmpdir(), 'vcconform-left-'));
    writeSessionsLeft(reports, 'worker-0-1', 'https://vc.example', left);
    writeSessionsLeft(reports, 'worker-1-2', 'https://vc.example', []);
    expect(readdirSync(join(reports, SESSIONS_LEFT_DIR))).toEqual(['worker-0-1.json']);
    expect(readFileSync(join(reports, SESSIONS_LEFT_DIR, 'worker-0-1.json'), 'utf8')).not.toContain('0123456789abcdef');
    expect(sessionsLeftSummary(reports)).toEqual([
      '[vcconform] a session of the operator user could not be deleted on https://vc.example (it ends at the ' +
        "target's idle timeout): DELETE /api/session: the target reset the connection (ECONNRESET), after 3 ms",
    ]);
    expect(sessionsLeftSummary(mkdtempSync(join(tmpdir(), 'vcconform-none-')))).toEqual([]);
  },
);
