import type { Exchange } from './exchange';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A curl line that replays the request: a redacted session id comes from `$VMWARE_API_SESSION_ID`
 * (a probe id that names no session is written as sent, so the line replays the probe), and
 * Basic credentials from `$VCENTER_USER`/`$VCENTER_PASSWORD`, so the line itself holds no secret.
 * `baseUrl` may be a shell variable (`$VCENTER_URL`) where the address is not fixed (the embedded mock).
 */
export function curlLine(baseUrl: string, e: Pick<Exchange, 'request'>): string {
  const url = /^\$\w+$/.test(baseUrl) ? `"${baseUrl}"${quote(e.request.url)}` : quote(baseUrl + e.request.url);
  const parts = ['curl', '-sS', '-X', e.request.method, url];
  for (const [name, value] of Object.entries(e.request.headers)) {
    if (name === 'vmware-api-session-id' && value.startsWith('<redacted'))
      parts.push('-H', `"vmware-api-session-id: $VMWARE_API_SESSION_ID"`);
    else if (name === 'authorization' && value.startsWith('Basic')) parts.push('-u', `"$VCENTER_USER:$VCENTER_PASSWORD"`);
    else parts.push('-H', quote(`${name}: ${value}`));
  }
  if (e.request.rawBody !== undefined) parts.push('--data-raw', quote(e.request.rawBody));
  return parts.join(' ');
}
