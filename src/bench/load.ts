import autocannon from 'autocannon';

/** One HTTP request autocannon repeats: the same method, path, headers and body every time. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Base URL + path and query. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Answers other than 2xx, socket errors and timeouts: any of them means the figure measured something else. */
  non2xx: number;
  errors: number;
}

/** Drives `request` with `connections` keep-alive connections for `seconds` and counts the answers. */
export async function load(request: LoadRequest, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers ?? {},
    ...(request.body !== undefined && { body: request.body }),
    duration: seconds,
    connections,
    pipelining: 1,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Fails when any answer was not a 2xx: a throughput of refusals is no throughput of the operation. */
export function requireAll2xx(what: string, r: LoadResult): LoadResult {
  if (r.non2xx > 0 || r.errors > 0) {
    throw new Error(
      `[vcconform] Failed to measure ${what}: of ${r.requests} requests, ${r.non2xx} were answered with a ` +
        `non-2xx status and ${r.errors} failed. Check the request (session, body) before reading a throughput`,
    );
  }
  return r;
}
