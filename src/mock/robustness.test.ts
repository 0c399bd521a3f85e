import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { operations } from '../../specs/index';
import { compileRoute, matchRoute } from '../catalogue/router';
import { MockClient, checkEveryResponse, useMock } from './test-client';

checkEveryResponse();

const mock = useMock({ clock: 'manual' }, { reset: false });

/** Paths near the real ones: catalogue templates with random segments, plus random junk. */
const pathArb = fc.oneof(
  fc
    .constantFrom(...operations.map((o) => o.path))
    .chain((p) => fc.string({ maxLength: 12 }).map((seg) => p.replace(/\{\w+\}/g, encodeURIComponent(seg) || 'x'))),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }).map((segs) => `/api/${segs.map(encodeURIComponent).join('/')}`),
  fc.constantFrom('/api/esx/settings/clusters/%ZZ/software', '/api/cis/tasks/%E0%A4%A', '/api//session', '/api/session/'),
);
const queryArb = fc.dictionary(
  fc.constantFrom('action', 'vmw-task', 'exclude_result', 'x'),
  fc.constantFrom('stage', 'upgradeMultiple', 'list', 'cancel', 'true', 'false', '', 'upgrade'),
  { maxKeys: 3 },
);
const routes = operations.map(compileRoute);
/** The catalogued operation the mock will route this request to, if any, so its answer is checked against that operation. */
function operationOf(method: string, pathAndQuery: string): string | undefined {
  const url = new URL(pathAndQuery, 'http://mock.invalid');
  return matchRoute(routes, method, url.pathname, Object.fromEntries(url.searchParams))?.operation.id;
}

const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '{',
    '{"hosts": [1',
    'null',
    '[]',
    '{"domain-c10": {"desired_version": 5}}',
    '\u0000',
    '{"__proto__": {"desired_version": "x"}}',
  ),
);

test.describe('mock: robustness', () => {
  test('any method, path, query, body and session header gets a JSON answer below 500, and the mock stays up', async () => {
    const api = new MockClient(mock);
    const session = await api.login();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH'),
        pathArb,
        queryArb,
        bodyArb,
        fc.constantFrom(session, undefined, 'junk', ''),
        async (method, path, query, body, sid) => {
          const q = new URLSearchParams(query).toString();
          const url = path + (q ? `?${q}` : '');
          const r = await api.call(operationOf(method, url), method, url, { session: sid, rawBody: method === 'GET' ? undefined : body });
          expect(r.status, `${method} ${path}?${q} ${body}`).toBeLessThan(500);
          if (r.text !== '') expect(r.headers.get('content-type')).toContain('application/json');
          if (r.status >= 400) expect(typeof (r.body as { error_type?: unknown }).error_type).toBe('string');
        },
      ),
      { numRuns: 400, seed: 20261124 },
    );
    expect((await api.call('session.get', 'GET', '/api/session', { session })).status).toBe(200);
  });

  test('concurrent logins and stages on different clusters neither lose nor duplicate anything', async () => {
    mock.reset();
    const api = new MockClient(mock);
    const sessions = await Promise.all(Array.from({ length: 30 }, () => api.login()));
    expect(new Set(sessions).size).toBe(30);
    const clusters = ['domain-c10', 'domain-c11', 'domain-c12', 'domain-c15'];
    const answers = await Promise.all(
      clusters.flatMap((c) =>
        Array.from({ length: 5 }, (_, i) =>
          api.call('software.stage', 'POST', `/api/esx/settings/clusters/${c}/software?action=stage&vmw-task=true`, {
            session: sessions[i]!,
            body: {},
          }),
        ),
      ),
    );
    const ids = answers.filter((a) => a.status === 202).map((a) => a.body as string);
    expect(ids).toHaveLength(clusters.length); // one task per cluster; the others are NOT_ALLOWED_IN_CURRENT_STATE
    expect(new Set(ids).size).toBe(ids.length);
    expect(mock.state.tasks.size).toBe(ids.length);
    expect(api.problems()).toEqual([]);
  });
});
