import { test, expect } from '@playwright/test';
import { JOURNAL_DROPPED_HEADER } from './control';
import { DEFAULT_JOURNAL_LIMIT, Journal, type JournalEntry } from './journal';
import { startMock } from './start-mock';
import { MockClient, checkEveryResponse } from './test-client';

checkEveryResponse();

const entry = (path: string): Omit<JournalEntry, 'seq'> => ({ method: 'GET', path, query: {}, status: 200, faults: [] });

test.describe('mock request journal', () => {
  test('keeps only the newest `limit` entries, oldest first, and counts the ones it dropped', () => {
    const journal = new Journal(3);
    for (let i = 1; i <= 10; i += 1) journal.record(entry(`/r${i}`));
    expect(journal.all().map((e) => [e.seq, e.path])).toEqual([
      [8, '/r8'],
      [9, '/r9'],
      [10, '/r10'],
    ]);
    expect({ total: journal.total, dropped: journal.dropped }).toEqual({ total: 10, dropped: 7 });
    journal.clear();
    expect({ all: journal.all(), total: journal.total, dropped: journal.dropped }).toEqual({ all: [], total: 0, dropped: 0 });
    journal.record(entry('/after'));
    expect(journal.all().map((e) => e.path)).toEqual(['/after']);
  });

  test('below the limit nothing is dropped; the default limit is 10,000', () => {
    const journal = new Journal();
    expect(journal.limit).toBe(DEFAULT_JOURNAL_LIMIT);
    expect(DEFAULT_JOURNAL_LIMIT).toBe(10_000);
    for (let i = 0; i < 5; i += 1) journal.record(entry(`/r${i}`));
    expect({ kept: journal.all().length, total: journal.total, dropped: journal.dropped }).toEqual({ kept: 5, total: 5, dropped: 0 });
  });

  test('waitFor sees kept entries and future ones, not dropped ones', async () => {
    const journal = new Journal(2);
    for (const p of ['/a', '/b', '/c']) journal.record(entry(p));
    expect((await journal.waitFor((e) => e.path === '/b')).path).toBe('/b');
    const a = journal.waitFor((e) => e.path === '/a', 'a request to /a');
    journal.record(entry('/a'));
    expect((await a).seq).toBe(4);
  });

  test('a limit that is not a positive integer is refused', () => {
    for (const limit of [0, -1, 1.5, Number.NaN])
      expect(() => new Journal(limit), String(limit)).toThrow(
        '[vcconform] Failed to create the request journal: the limit must be a positive integer',
      );
  });

  test('startMock({ journalLimit }) caps the journal; the control surface says how many were dropped; reset starts over', async () => {
    const mock = await startMock({ clock: 'manual', journalLimit: 2, control: true });
    try {
      const api = new MockClient(mock);
      const session = await api.login();
      for (let i = 0; i < 4; i += 1) await api.call('session.get', 'GET', '/api/session', { session });
      expect({ kept: mock.journal.all().length, total: mock.journal.total, dropped: mock.journal.dropped }).toEqual({
        kept: 2,
        total: 5,
        dropped: 3,
      });
      const r = await api.call(undefined, 'GET', '/__vcconform/journal');
      expect((r.body as JournalEntry[]).map((e) => e.seq)).toEqual([4, 5]);
      expect(r.headers.get(JOURNAL_DROPPED_HEADER)).toBe('3');
      mock.reset();
      expect({ total: mock.journal.total, dropped: mock.journal.dropped }).toEqual({ total: 0, dropped: 0 });
      expect((await api.call(undefined, 'GET', '/__vcconform/journal')).headers.get(JOURNAL_DROPPED_HEADER)).toBe('0');
    } finally {
      await mock.close();
    }
  });
});
