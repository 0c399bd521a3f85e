import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UsageError, message } from '../errors';
import type { TargetProfile } from './profile';
import { TLS_PROBLEMS } from '../client/network-errors';

/** What the unauthenticated GET /api/session answered. */
export interface ProbeAnswer {
  status: number;
  contentType?: string;
  /** The body, cut at PROBE_BODY_BYTES (a vAPI 401 body is a few hundred bytes). */
  text: string;
}

/** How much of the probe's answer is read: enough for any vAPI error body, not a web server's whole page. */
const PROBE_BODY_BYTES = 64 * 1024;

const TLS_HINT =
  'Trust the lab CA with tls.caFile in the profile, or accept any certificate with tls.insecure: true (--insecure, VCENTER_INSECURE=1)';

/**
 * Checks, before any suite runs, that the target answers HTTP at all with the profile's TLS settings:
 * an unauthenticated GET /api/session, which changes nothing and which any vCenter answers (401).
 * Any HTTP status will do; a TLS or connection failure is a UsageError naming the URL, the cause and
 * the fix, so a lab certificate problem is one clear line instead of every test failing alike. The
 * answer (its first PROBE_BODY_BYTES) is returned: the pre-flight reads it rather than asking again.
 */
export async function probeTarget(profile: Pick<TargetProfile, 'url' | 'tls' | 'timeoutMs' | 'source'>): Promise<ProbeAnswer> {
  const url = new URL(`${profile.url}/api/session`);
  const https = url.protocol === 'https:';
  const ca = https && profile.tls.caFile ? readFileSync(profile.tls.caFile) : undefined;
  const action = `reach the target ${profile.url} (from ${profile.source})`;
  return new Promise((resolve, reject) => {
    const options = {
      method: 'GET',
      headers: { accept: 'application/json' },
      timeout: profile.timeoutMs,
      ...(https && { rejectUnauthorized: !profile.tls.insecure, ...(ca && { ca }) }),
    };
    const req = (https ? httpsRequest : httpRequest)(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = (): ProbeAnswer => ({
        status: res.statusCode ?? 0,
        ...(res.headers['content-type'] !== undefined && { contentType: res.headers['content-type'] }),
        text: Buffer.concat(chunks).toString('utf8'),
      });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, PROBE_BODY_BYTES - size));
        size += chunk.length;
        if (size >= PROBE_BODY_BYTES) {
          resolve(answer());
          res.destroy();
        }
      });
      res.on('end', () => resolve(answer()));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      const tls = TLS_PROBLEMS[code];
      if (tls) return reject(new UsageError(message(action, `${tls} (${code})`, TLS_HINT)));
      if (code === 'EPROTO' || /wrong version number|ssl/i.test(e.message))
        return reject(
          new UsageError(
            message(action, `the TLS handshake failed (${e.message})`, 'Check that the URL scheme (http/https) and port are right'),
          ),
        );
      const why =
        code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : code === 'ENOTFOUND'
            ? 'the host name does not resolve'
            : code === 'ETIMEDOUT'
              ? `no answer within ${profile.timeoutMs} ms`
              : `${e.message}${code ? ` (${code})` : ''}`;
      reject(new UsageError(message(action, why, 'Check the URL and that the vCenter is up')));
    });
    req.end();
  });
}
