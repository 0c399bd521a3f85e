import { test, expect } from '@playwright/test';
import { operation, taskOperation, validatorFor } from '../../specs/index';
import { startMock, type RunningMock, type StartMockOptions } from './start-mock';

/** One request/response pair as a mock self-test saw it. */
export interface Exchange {
  method: string;
  url: string;
  operation?: string;
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface CallOptions {
  session?: string;
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ClientOptions {
  /**
   * Why this client's responses are exempt from checkEveryResponse(): e.g. it talks to a mock
   * with a fault switch on, which breaks a documented rule on purpose. Absent = checked.
   */
  unchecked?: string;
}

/** The clients made since the current test began; checkEveryResponse() validates them after it. */
const opened: MockClient[] = [];

/**
 * A tiny HTTP client for the mock's self-tests (not the harness client): it logs in by role and
 * keeps every exchange, so a test can assert that every response the mock gave obeys the specs.
 */
export class MockClient {
  readonly exchanges: Exchange[] = [];
  constructor(
    private readonly mock: RunningMock,
    readonly options: ClientOptions = {},
  ) {
    if (options.unchecked !== undefined && options.unchecked.trim() === '')
      throw new Error('[vcconform] Failed to create a MockClient: `unchecked` must say why its responses are exempt.');
    opened.push(this);
  }

  /** Creates a session for the inventory user with this role and returns its id. */
  async login(role = 'administrator'): Promise<string> {
    const user = this.mock.users.find((u) => u.role === role);
    if (!user) throw new Error(`[vcconform] Failed to log in: the mock has no ${role} user.`);
    const r = await this.call('session.create', 'POST', '/api/session', {
      headers: { authorization: basic(user.username, user.password) },
    });
    if (r.status !== 201 || typeof r.body !== 'string') throw new Error(`[vcconform] Failed to log in as ${role}: ${r.status} ${r.text}`);
    return r.body;
  }

  /** Sends a request; `operationId` names the catalogued operation the test means to call (for conformance checks). */
  async call(operationId: string | undefined, method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) headers['vmware-api-session-id'] = options.session;
    let body = options.rawBody;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.mock.url + pathAndQuery, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = Symbol.for('not JSON');
    }
    const exchange = {
      method,
      url: pathAndQuery,
      operation: operationId,
      status: response.status,
      headers: response.headers,
      body: parsed,
      text,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  /** Every way in which the recorded responses break the catalogue and the schemas (empty = all conform). */
  problems(): string[] {
    return this.exchanges.flatMap((e) => responseProblems(e).map((p) => `${e.method} ${e.url} → ${e.status}: ${p}`));
  }
}

/**
 * Call once at the top of every mock test file that uses MockClient: after each test, every
 * response any of its clients recorded must conform (responseProblems), unless the client was
 * made with `unchecked: reason`. Clients left over from a file without the hook are ignored.
 */
/**
 * The mock a self-test file shares: started before its tests (a manual clock unless told), closed after them
 * and, unless `reset: false`, reset before each test. What it returns stands for that mock once it has started.
 */
export function useMock(options: StartMockOptions = { clock: 'manual' }, { reset = true }: { reset?: boolean } = {}): RunningMock {
  let current: RunningMock | undefined;
  test.beforeAll(async () => {
    current = await startMock(options);
  });
  test.afterAll(async () => {
    await current?.close();
  });
  if (reset) test.beforeEach(() => current?.reset());
  return new Proxy({} as RunningMock, {
    get(_target, key) {
      if (!current) throw new Error('[vcconform] The mock of this file is used before its beforeAll started it.');
      return Reflect.get(current, key);
    },
  });
}

export function checkEveryResponse(): void {
  test.beforeEach(() => {
    opened.length = 0;
  });
  test.afterEach(() => {
    const checked = opened.splice(0).filter((c) => c.options.unchecked === undefined);
    expect(
      checked.flatMap((c) => c.problems()),
      'every response the mock gave in this test conforms to the catalogue and schemas',
    ).toEqual([]);
  });
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/**
 * Checks one response against the catalogue: a documented status with a body valid for that
 * status; an error_type the operation documents at that status. An undocumented error status
 * (e.g. 400 for malformed input where none is declared) must still carry a std error body.
 */
export function responseProblems(e: Pick<Exchange, 'operation' | 'status' | 'body' | 'headers'>): string[] {
  const problems: string[] = [];
  const validate = (id: string) => {
    const v = validatorFor(id);
    if (!v(e.body)) problems.push(`body does not match ${id}: ${(v.errors ?? []).map((x) => `${x.instancePath} ${x.message}`).join('; ')}`);
  };
  if (e.body !== undefined && !(e.headers.get('content-type') ?? '').startsWith('application/json'))
    problems.push('body is not application/json');
  if (!e.operation) {
    if (e.status >= 400) validate('Vapi.Std.Errors.Error');
    return problems;
  }
  const op = operation(e.operation);
  if (e.status === op.success.status) {
    if (op.success.schema) validate(op.success.schema);
    else if (e.body !== undefined) problems.push('a body where the success response has none');
    if (op.id === 'tasks.get') problems.push(...taskResultProblems(e.body));
    return problems;
  }
  const documented = op.errors.filter((x) => x.status === e.status);
  validate(documented[0]?.schema ?? 'Vapi.Std.Errors.Error');
  const type = (e.body as { error_type?: string } | undefined)?.error_type;
  if (documented.length && !documented.some((x) => x.errorTypes.includes(type as never))) {
    problems.push(
      `error_type ${type} is not documented at ${e.status} (documented: ${documented.flatMap((x) => x.errorTypes).join(', ')})`,
    );
  }
  return problems;
}

/** A finished task's `result` must match the result schema of the operation that created it. */
function taskResultProblems(info: unknown): string[] {
  const { service, operation: name, status, result } = (info ?? {}) as Record<string, unknown>;
  const schema = taskOperation(service, name)?.task?.resultSchema;
  if (!schema || result === undefined || (status !== 'SUCCEEDED' && status !== 'FAILED')) return [];
  const v = validatorFor(schema);
  return v(result) ? [] : [`result does not match ${schema}: ${(v.errors ?? []).map((x) => `${x.instancePath} ${x.message}`).join('; ')}`];
}
