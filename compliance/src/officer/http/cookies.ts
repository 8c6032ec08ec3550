/** The session cookie's name: with the `__Host-` prefix over TLS, which browsers bind to this exact origin. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-trestle_session' : 'trestle_session';
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    if (part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie value for a session id: HttpOnly (no script reads it), SameSite=Strict (no other
 * site's page sends it), Path=/, Secure over TLS. `maxAgeSeconds` 0 deletes it.
 */
export function sessionCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, ...(secure ? ['Secure'] : [])].join('; ');
}
