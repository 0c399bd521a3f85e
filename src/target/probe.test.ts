import { test, expect } from '@playwright/test';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { UsageError } from '../errors';
import { MOCK_TLS_DIR, startMock, type RunningMock } from '../mock/start-mock';
import { probeTarget } from './probe';

const CERT = join(MOCK_TLS_DIR, 'cert.pem');
const SOURCE = 'profile probe-test.json';

/** The profile fields probeTarget reads, for `url`, with TLS checking on unless `tls` says otherwise. */
const profileFor = (url: string, tls: { insecure?: boolean; caFile?: string } = {}, timeoutMs = 10_000) => ({
  url,
  tls: { insecure: false, ...tls },
  timeoutMs,
  source: SOURCE,
});

/** The UsageError probeTarget rejects with, or fails the test. */
async function probeError(profile: Parameters<typeof probeTarget>[0]): Promise<UsageError> {
  const error = await probeTarget(profile).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'probeTarget should have rejected').toBeInstanceOf(UsageError);
  return error as UsageError;
}

/** A plain HTTP server on 127.0.0.1 that records request headers and answers with `respond`. */
async function rawServer(
  respond: (res: Parameters<Parameters<typeof createServer>[1] & {}>[1]) => void,
): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

test.describe('against the plain-HTTP mock', () => {
  let mock: RunningMock;
  test.beforeEach(async () => {
    mock = await startMock();
  });
  test.afterEach(async () => {
    await mock.close();
  });

  test('an http target answers the probe with 401', async () => {
    expect(await probeTarget(profileFor(mock.url))).toEqual({
      status: 401,
      contentType: 'application/json',
      text: expect.stringContaining('"error_type":"UNAUTHENTICATED"'),
    });
  });

  test('the probe is one unauthenticated GET /api/session', async () => {
    await probeTarget(profileFor(mock.url));
    const entries = mock.journal.all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/api/session', status: 401 });
    expect(entries[0]!.user).toBeUndefined();
  });

  test('an https URL pointed at the plain-HTTP port is a UsageError naming the URL', async () => {
    const url = mock.url.replace('http:', 'https:');
    const error = await probeError(profileFor(url));
    expect(error.message).toContain(`Failed to reach the target ${url} (from ${SOURCE})`);
    expect(error.message).toContain('the TLS handshake failed');
    expect(error.message).toContain('http/https');
  });
});

test.describe('against the HTTPS mock with its self-signed certificate', () => {
  let mock: RunningMock;
  test.beforeEach(async () => {
    mock = await startMock({ tls: true });
  });
  test.afterEach(async () => {
    await mock.close();
  });

  test('without insecure or a CA file the probe is a UsageError saying the certificate is self-signed', async () => {
    const error = await probeError(profileFor(mock.url));
    expect(error.message).toContain(`[vcconform] Failed to reach the target ${mock.url} (from ${SOURCE})`);
    expect(error.message).toContain('self-signed');
    expect(error.message).toContain('tls.caFile');
    expect(error.message).toContain('tls.insecure: true');
    expect(mock.journal.all(), 'nothing reached the mock past the handshake').toEqual([]);
  });

  test('with tls.insecure the probe accepts the certificate and gets 401', async () => {
    expect(await probeTarget(profileFor(mock.url, { insecure: true }))).toEqual({
      status: 401,
      contentType: 'application/json',
      text: expect.stringContaining('"error_type":"UNAUTHENTICATED"'),
    });
    expect(mock.journal.all().map((e) => `${e.method} ${e.path} ${e.user ?? 'no user'}`)).toEqual(['GET /api/session no user']);
  });

  test('with tls.caFile set to the mock certificate the probe trusts it and gets 401', async () => {
    expect(await probeTarget(profileFor(mock.url, { caFile: CERT }))).toEqual({
      status: 401,
      contentType: 'application/json',
      text: expect.stringContaining('"error_type":"UNAUTHENTICATED"'),
    });
  });

  test('an http URL pointed at the HTTPS port is a UsageError naming the URL', async () => {
    const url = mock.url.replace('https:', 'http:');
    const error = await probeError(profileFor(url));
    expect(error.message).toContain(`[vcconform] Failed to reach the target ${url} (from ${SOURCE})`);
  });
});

test('the probe reads no more of an answer than a vAPI error body needs', async () => {
  const { url, server } = await rawServer((res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('x'.repeat(1024 * 1024));
  });
  try {
    const answer = await probeTarget(profileFor(url));
    expect(answer).toMatchObject({ status: 200, contentType: 'text/html' });
    expect(answer.text).toBe('x'.repeat(64 * 1024));
  } finally {
    await closeServer(server);
  }
});

test('the probe sends no credentials, and any HTTP status will do', async () => {
  const { url, seen, server } = await rawServer((res) => {
    res.statusCode = 418;
    res.end('teapot');
  });
  try {
    expect(await probeTarget(profileFor(url))).toEqual({ status: 418, text: 'teapot' });
    expect(seen).toHaveLength(1);
    const names = Object.keys(seen[0]!);
    for (const name of ['authorization', 'vmware-api-session-id', 'cookie']) expect(names).not.toContain(name);
  } finally {
    await closeServer(server);
  }
});

test('a closed port is a UsageError saying the connection was refused', async () => {
  const { url, server } = await rawServer((res) => res.end());
  await closeServer(server);
  const error = await probeError(profileFor(url));
  expect(error.message).toContain(`[vcconform] Failed to reach the target ${url} (from ${SOURCE}): the connection was refused.`);
  expect(error.message).toContain('Check the URL and that the vCenter is up');
});

test('a target that never answers is a UsageError after the profile timeout', async () => {
  const { url, server } = await rawServer(() => {
    /* never answers */
  });
  try {
    const error = await probeError(profileFor(url, {}, 300));
    expect(error.message).toContain(`Failed to reach the target ${url} (from ${SOURCE}): no answer within 300 ms.`);
  } finally {
    await closeServer(server);
  }
});
