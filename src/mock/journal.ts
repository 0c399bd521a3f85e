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

/** The request journal: every request in order, and a way to wait for one without sleeping. */
export class Journal {
  private entries: JournalEntry[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;

  record(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: ++this.seq };
    this.entries.push(full);
    for (const w of this.waiters.filter((w) => w.predicate(full))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(full);
    }
    return full;
  }

  /** A copy of every entry so far. */
  all(): JournalEntry[] {
    return [...this.entries];
  }

  /** Resolves with the first entry (already recorded or future) that matches; rejects on clear(). */
  waitFor(predicate: (e: JournalEntry) => boolean, description = 'the awaited request'): Promise<JournalEntry> {
    const seen = this.entries.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => this.waiters.push({ predicate, resolve, reject, description }));
  }

  /** Forgets every entry; pending waits reject, so a test never hangs on a request that never came. */
  clear(): void {
    this.entries = [];
    for (const w of this.waiters.splice(0)) w.reject(new Error(`[vcconform] ${w.description} was not received before the test finished.`));
  }
}
