import { connect, type Socket } from 'node:net';

/** One HTTP/1.x response as read off a raw socket; header names in lower case. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Reads whole responses off the front of `data` (they may be pipelined): the responses and the
 * bytes of an incomplete last one. A response with neither content-length nor chunked coding
 * (Node's own `400 Bad Request`) runs to the close, so it is complete only once `closed`.
 */
export function parseResponses(data: Buffer, closed: boolean): { responses: RawResponse[]; rest: Buffer } {
  const responses: RawResponse[] = [];
  let rest = data;
  for (;;) {
    const end = rest.indexOf(HEAD_END);
    if (end < 0) break;
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(statusLine);
    if (!m) throw new Error(`[vcconform] Failed to read a raw response: the status line is ${JSON.stringify(statusLine.slice(0, 120))}.`);
    const status = Number(m[1]);
    const headers = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
    );
    const after = rest.subarray(end + HEAD_END.length);
    const body = bodyOf(status, headers, after, closed);
    if (!body) break;
    responses.push({ status, headers, body: body.bytes });
    rest = after.subarray(body.used);
  }
  return { responses, rest };
}

function bodyOf(
  status: number,
  headers: Record<string, string>,
  data: Buffer,
  closed: boolean,
): { bytes: Buffer; used: number } | undefined {
  if (status < 200 || status === 204 || status === 304) return { bytes: Buffer.alloc(0), used: 0 };
  if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    return data.length >= n ? { bytes: data.subarray(0, n), used: n } : undefined;
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return dechunk(data);
  return closed ? { bytes: data, used: data.length } : undefined;
}

function dechunk(data: Buffer): { bytes: Buffer; used: number } | undefined {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (data.length < eol + 2 + size + 2) return undefined;
    if (size === 0) return { bytes: Buffer.concat(parts), used: eol + 4 };
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/** A keep-alive connection for raw requests: send one, wait for its response or the close. */
export class RawConnection {
  /** Final (non-1xx) responses, in order; 1xx ones are dropped. */
  readonly responses: RawResponse[] = [];
  closed = false;
  /** What could not be read as HTTP responses (should stay empty). */
  readonly unreadable: string[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private sent = 0;
  private wake: () => void = () => {};
  readonly done: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.take(chunk));
    socket.on('error', () => {}); // a reset is a close here: the server may drop a connection it cannot parse
    this.done = new Promise((resolve) =>
      socket.on('close', () => {
        this.closed = true;
        this.take(Buffer.alloc(0));
        resolve();
      }),
    );
  }

  /** Connects to `http://host:port` on a real socket. */
  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes one request (half-closing after it with `end`) and resolves once it has a response or the socket closed. */
  async send(bytes: Buffer | string, end = false): Promise<void> {
    this.sent += 1;
    if (this.closed) return;
    this.socket.write(bytes);
    if (end) this.socket.end();
    while (!this.closed && this.responses.length < this.sent)
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
  }

  /** Half-closes and waits for the server to close. */
  async close(): Promise<void> {
    this.socket.end();
    await this.done;
  }

  private take(chunk: Buffer): void {
    try {
      const { responses, rest } = parseResponses(Buffer.concat([this.buffer, chunk]), this.closed);
      this.buffer = rest;
      this.responses.push(...responses.filter((r) => r.status >= 200));
      if (this.closed && rest.length)
        this.unreadable.push(
          `${rest.length} bytes after the last whole response: ${JSON.stringify(rest.subarray(0, 120).toString('latin1'))}`,
        );
    } catch (e) {
      this.unreadable.push((e as Error).message);
      this.buffer = Buffer.alloc(0);
      this.socket.destroy();
    }
    this.wake();
  }
}
