import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header that carries the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change state: each needs the token (and, when the browser names one, an allowed Origin). */
export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/** Whether the request's X-CSRF-Token equals the session's token, compared in constant time. */
export function csrfTokenMatches(headers: IncomingHttpHeaders, expected: string): boolean {
  const sent = headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the browser's own account of where the request comes from allows it: an Origin header,
 * when present, must be one of `allowedOrigins`, and Sec-Fetch-Site must not be cross-site. This
 * also covers the login, which has no session token yet. Clients that are not browsers send
 * neither header and rely on the token alone.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(origin)) return false;
  return headers['sec-fetch-site'] !== 'cross-site';
}
