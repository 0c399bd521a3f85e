import { MockError } from './mock-error';

/** One request as the mock saw it. Credentials are never stored: only who the caller was. */
export interface JournalEntry {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The catalogued operation id, when the request matched one. */
  operation?: string;
  /** The authenticated user, when there was one. */
  user?: string;
  status: number;
  /** Names of the fault switches that changed this exchange. */
  faults: string[];
  /** The cluster ids a catalogued request named (path parameter, batch keys), as the mock parsed it. */
  clusters?: string[];
}

interface Waiter {
  predicate: (e: JournalEntry) => boolean;
  resolve: (e: JournalEntry) => void;
  reject: (e: Error) => void;
  description: string;
}

/** How many entries a journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_LIMIT = 10_000;

/**
 * The request journal: the newest `limit` requests in order (a ring buffer, so a long-running
 * mock holds a bounded amount), how many came in all, and a way to wait for one without sleeping.
 */
export class Journal {
  /** Ring storage: the oldest kept entry is at `head` once the ring is full. */
  private ring: JournalEntry[] = [];
  private head = 0;
  private recorded = 0;
  private waiters: Waiter[] = [];
  private seq = 0;

  constructor(readonly limit = DEFAULT_JOURNAL_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new MockError('create the request journal', `the limit must be a positive integer, got ${limit}`);
  }

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: ++this.seq };
    this.recorded += 1;
    if (this.ring.length < this.limit) this.ring.push(full);
    else {
      this.ring[this.head] = full;
      this.head = (this.head + 1) % this.limit;
    }
    if (this.waiters.length) {
      for (const w of this.waiters.filter((w) => w.predicate(full))) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(full);
      }
    }
    return full;
  }

  /** A copy of the kept entries, oldest first (at most `limit`; see `dropped`). */
  all(): JournalEntry[] {
    return [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
  }

  /** Requests recorded since the mock started or was last reset, kept or not. */
  get total(): number {
    return this.recorded;
  }

  /** Requests recorded but no longer kept: the oldest `total - limit`. */
  get dropped(): number {
    return this.recorded - this.ring.length;
  }

  /** Resolves with the first kept or future entry that matches; rejects on clear(). */
  waitFor(predicate: (e: JournalEntry) => boolean, description = 'the awaited request'): Promise<JournalEntry> {
    const seen = this.all().find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => this.waiters.push({ predicate, resolve, reject, description }));
  }

  /** Forgets every entry and the total; pending waits reject, so a test never hangs on a request that never came. */
  clear(): void {
    this.ring = [];
    this.head = 0;
    this.recorded = 0;
    for (const w of this.waiters.splice(0)) w.reject(new Error(`[vcconform] ${w.description} was not received before the test finished.`));
  }
}
