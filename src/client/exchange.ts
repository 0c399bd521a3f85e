/** What the harness's client records of the wire: the checks judge these, the client and the pollers make them. */

/** A request as sent, with every secret already replaced by a placeholder. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/api/cis/tasks/52a…?exclude_result=true`. */
  url: string;
  headers: Record<string, string>;
  /** The JSON value sent, if the body was JSON. */
  body?: unknown;
  /** The body text as sent (redacted), when there was one. */
  rawBody?: string;
}

/** One request/response pair, redacted at record time so nothing downstream can leak a secret. */
export interface Exchange {
  /** The catalogue operation id the request addressed; absent for probes of routes outside the catalogue. */
  operation?: string;
  request: RecordedRequest;
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body was empty or not JSON. */
  body: unknown;
  /** The body text (redacted). */
  text: string;
  /** Whether `text` parsed as JSON. */
  bodyIsJson: boolean;
  /** When it was sent (ISO) and how long the answer took. */
  at: string;
  durationMs: number;
}

/** The poll history of one task. */
export interface TaskHistory {
  taskId: string;
  polls: Exchange[];
  /**
   * terminal: reached SUCCEEDED/FAILED; slow: budget spent while progress still moved; stuck: budget spent without progress; error: a poll
   * was not 200.
   */
  outcome: 'terminal' | 'slow' | 'stuck' | 'error';
  budgetMs: number;
}
