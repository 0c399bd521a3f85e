import { errorTypeOf } from '../util/error-type';
import { test, expect } from '@playwright/test';
import { createApp } from './app';
import { manualClock } from './clock';
import { loadInventory } from './inventory';
import { Journal } from './journal';
import { RawConnection, type RawResponse } from './raw-http-client';
import { handlers } from './routes';
import { splitTarget } from './server';
import { MockState } from './state';
import { MockClient, basic, checkEveryResponse, responseProblems, useMock } from './test-client';

// MockClient logins are checked after each test; raw-socket answers are checked with responseProblems below.
checkEveryResponse();

const mock = useMock({ clock: 'manual' }, { reset: false });

interface Row {
  method: string;
  target: string;
  auth?: 'basic' | 'session';
  status: number;
  errorType?: string;
  /** The catalogued operation a served request reaches, so its answer is checked against it. */
  operation?: string;
  /** Node's HTTP parser refuses this request line itself (400, no body): the mock never sees it. */
  refusedByNode?: true;
}

const BAD = { status: 400, errorType: 'INVALID_REQUEST' } as const;
const UNKNOWN = { status: 404, errorType: 'NOT_FOUND' } as const;
const rows: Row[] = [
  { method: 'GET', target: '//[', ...BAD },
  { method: 'GET', target: 'http://[/api/session', ...BAD },
  { method: 'OPTIONS', target: '*', ...BAD },
  { method: 'GET', target: 'example.com:443', ...BAD, refusedByNode: true },
  { method: 'GET', target: 'ftp://vc.example/api/session', ...BAD },
  { method: 'GET', target: 'api/session', ...BAD, refusedByNode: true },
  { method: 'GET', target: '/api/%ZZ/session', ...BAD },
  { method: 'GET', target: '/api/session%C3%28', ...BAD },
  { method: 'GET', target: '/api/session#top', ...BAD },
  { method: 'GET', target: '/api/[session]', ...BAD },
  { method: 'MKCOL', target: '///%00', ...UNKNOWN },
  { method: 'GET', target: '///api/session', auth: 'session', ...UNKNOWN },
  { method: 'GET', target: '//x/api/session', auth: 'session', ...UNKNOWN },
  { method: 'GET', target: '/api//session', auth: 'session', ...UNKNOWN },
  { method: 'GET', target: '/api/session/', auth: 'session', ...UNKNOWN },
  { method: 'GET', target: '/api/session', status: 401, errorType: 'UNAUTHENTICATED', operation: 'session.get' },
  { method: 'GET', target: '/api/session', auth: 'session', status: 200, operation: 'session.get' },
  { method: 'POST', target: '/api/session', auth: 'basic', status: 201, operation: 'session.create' },
  { method: 'POST', target: 'http://vc.example:443/api/session?x=1', auth: 'basic', status: 201, operation: 'session.create' },
  { method: 'GET', target: 'HTTPS://vc.example/api/session', auth: 'session', status: 200, operation: 'session.get' },
];

const inventory = loadInventory();
const admin = inventory.users.find((u) => u.role === 'administrator')!;

function headersFor(row: Row, session: string): Record<string, string> {
  if (row.auth === 'basic') return { authorization: basic(admin.username, admin.password) };
  return row.auth === 'session' ? { 'vmware-api-session-id': session } : {};
}

test.describe('mock: request targets', () => {
  test(
    'the app answers each request target with the status and error_type ' + 'of the table, and journals refused ones by their raw target',
    async () => {
      const clock = manualClock();
      const journal = new Journal();
      const app = createApp({ context: { state: new MockState(inventory, clock), clock }, journal, handlers, faults: () => [] });
      const login = await app({
        method: 'POST',
        path: '/api/session',
        query: {},
        headers: headersFor({ auth: 'basic' } as Row, ''),
        rawBody: '',
      });
      for (const row of rows) {
        const response = await app({
          method: row.method,
          ...splitTarget(row.target),
          headers: headersFor(row, login.body as string),
          rawBody: '',
        });
        const last = journal.all().at(-1)!;
        expect({ target: row.target, status: response.status, errorType: errorTypeOf(response.body) }).toEqual({
          target: row.target,
          status: row.status,
          errorType: row.errorType,
        });
        if (row.status === 400) expect(last).toMatchObject({ method: row.method, path: row.target, status: 400 });
      }
    },
  );

  test(
    'over a real socket every target gets the same answer, ' + 'as a JSON std error where it fails; Node refuses authority-form itself',
    async () => {
      const api = new MockClient(mock);
      const session = await api.login();
      for (const row of rows) {
        const headers = Object.entries(headersFor(row, session))
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('');
        const connection = await RawConnection.open(mock.url);
        await connection.send(`${row.method} ${row.target} HTTP/1.1\r\nhost: vc.example\r\nconnection: close\r\n${headers}\r\n`);
        await connection.done;
        const [response] = connection.responses as [RawResponse];
        if (row.refusedByNode) {
          expect({ target: row.target, status: response.status, type: response.headers['content-type'] }).toEqual({
            target: row.target,
            status: 400,
            type: undefined,
          });
          continue;
        }
        const body = response.body.length ? JSON.parse(response.body.toString('utf8')) : undefined;
        expect({ target: row.target, status: response.status, errorType: errorTypeOf(body) }).toEqual({
          target: row.target,
          status: row.status,
          errorType: row.errorType,
        });
        expect(
          responseProblems({ operation: row.operation, status: response.status, body, headers: new Headers(response.headers) }),
          row.target,
        ).toEqual([]);
      }
    },
  );
});
