import { vapiError } from '../errors';
import type { MockResponse } from '../types';

/** The challenge the mock advertises, in the WWW-Authenticate syntax (RFC 7235). */
export const CHALLENGE = 'Basic realm="VAPI endpoint",SIGN realm="vcconform-mock",service="VAPI endpoint"';

/**
 * 401 UNAUTHENTICATED with a body and a challenge. The message does not say which part of the
 * credentials was wrong (Vapi.Std.Errors.Unauthenticated: "does not disclose which part…").
 */
export function unauthenticated(): MockResponse {
  const response = vapiError('UNAUTHENTICATED', 'Authentication required.', { challenge: CHALLENGE });
  return { ...response, headers: { 'www-authenticate': CHALLENGE } };
}

/** 403 UNAUTHORIZED; the message does not name the missing privilege (contract §6). */
export function unauthorized(): MockResponse {
  return vapiError('UNAUTHORIZED', 'Permission to perform this operation was denied.');
}

/** The username and password of an HTTP Basic Authorization header, if well-formed. */
export function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
