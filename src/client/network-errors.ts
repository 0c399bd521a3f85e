/** TLS failures, by Node's error code, in words an engineer acts on. */
export const TLS_PROBLEMS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed CA that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is signed by a CA that is not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is signed by a CA that is not trusted',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is not issued for this host name',
};

/** Socket-level failures, by Node's error code. */
const NETWORK_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNRESET: 'the target reset the connection',
  ECONNREFUSED: 'the connection was refused',
  EPIPE: 'the target closed the connection while the request was sent',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'the host name does not resolve',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  HPE_INVALID_CONSTANT: 'the target answered something that is not HTTP',
  HPE_INVALID_HEADER_TOKEN: 'the target answered a malformed HTTP header',
  HPE_HEADER_OVERFLOW: 'the target answered HTTP headers too large to read',
};

/**
 * What happened on the wire, in one phrase with Node's code (`the target reset the connection
 * (ECONNRESET)`). Built from the code and Node's own message only: never from anything the request carried.
 */
export function describeNetworkError(e: Error & { code?: string }): string {
  const code = e.code ?? '';
  const known = TLS_PROBLEMS[code] ?? NETWORK_PROBLEMS[code];
  if (known) return `${known} (${code})`;
  if (/socket hang up/i.test(e.message)) return 'the target closed the connection without an answer (socket hang up)';
  if (code === 'EPROTO' || /wrong version number|ssl/i.test(e.message)) return `the TLS handshake failed (${firstLine(e.message)})`;
  return `${firstLine(e.message)}${code ? ` (${code})` : ''}`;
}

const firstLine = (text: string) => (text.split('\n')[0] ?? '').slice(0, 200);
