import { TrestleError } from '../../errors/trestle-error';
import type { JsonObject } from '../../json/json-value';
import { isUsername } from '../accounts/officer-account';
import { DEFAULT_SCRYPT_COST, hashPassword, verifyPassword, type PasswordHash } from '../accounts/password-hash';
import { sessionCookie, sessionCookieName } from '../http/cookies';
import type { Session } from '../session/session-store';
import { json, sessionOf, type Handler, type OfficerServiceContext } from './handler';

type LoginBody = { readonly username: string; readonly password: string };

// Checked when the username is unknown, so that answer takes as long as a wrong password.
let decoy: Promise<PasswordHash> | undefined;
const decoyHash = (): Promise<PasswordHash> => (decoy ??= hashPassword('not a password of anyone', DEFAULT_SCRYPT_COST));

/**
 * The session, and what this bank's service is wired to (the evidence vault, the EVM chain's NAV
 * oracles), so the console offers only what works instead of asking and being refused.
 */
function sessionInfo(session: Session, service: OfficerServiceContext): JsonObject {
  const { account } = session;
  const { sessions } = service;
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    mspId: account.mspId,
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAt).toISOString(),
    idleExpiresAt: new Date(sessions.idleExpiryOf(session)).toISOString(),
    features: { evidenceVault: service.vault !== undefined, navView: service.nav !== undefined },
  };
}

function throttled(seconds: number): TrestleError {
  return new TrestleError('OFFICER_LOGIN_THROTTLED', 'Too many failed logins; wait the time in the details, then try again.', { details: { retryAfterSeconds: seconds } });
}

/**
 * POST /session. A waiting account or address is refused before any password is checked; an
 * unknown username and a wrong password get the same answer after the same work. Success ends
 * the account's wait and any session the browser still had, and opens a new one. The address's
 * count is left to run out on its own: resetting it on success would let someone with one valid
 * account keep guessing at others from the same address.
 */
export const login: Handler = async (request, service) => {
  const { username, password } = request.input.body as LoginBody;
  const key = username.normalize('NFC').toLowerCase();
  const { account: accountThrottle, address: addressThrottle } = service.throttles;
  const wait = Math.max(accountThrottle.waitSeconds(key), addressThrottle.waitSeconds(request.clientAddress));
  if (wait > 0) throw throttled(wait);
  const account = isUsername(key) ? await service.accounts.find(key) : undefined;
  const matches = await verifyPassword(password, account?.password ?? (await decoyHash()));
  if (account === undefined || !matches) {
    const next = Math.max(accountThrottle.recordFailure(key), addressThrottle.recordFailure(request.clientAddress));
    // A username that names no account is not logged: people type their password into that field.
    service.log(`login failed for ${account === undefined ? 'an unknown username' : JSON.stringify(account.username)} from ${request.clientAddress}`);
    throw new TrestleError('OFFICER_LOGIN_FAILED', 'Wrong username or password.', next > 0 ? { details: { retryAfterSeconds: next } } : {});
  }
  accountThrottle.recordSuccess(key);
  if (request.sessionId !== undefined) service.sessions.destroy(request.sessionId);
  const { id, session } = service.sessions.create(account);
  const cookie = sessionCookie(sessionCookieName(service.settings.secureCookies), id, service.sessions.policy.absoluteSeconds, service.settings.secureCookies);
  return { kind: 'json', body: sessionInfo(session, service), headers: { 'Set-Cookie': cookie } };
};

/** GET /session: who is logged in, and the CSRF token (for a page reloaded after login). */
export const getSession: Handler = async (request, service) => json(sessionInfo(sessionOf(request), service));

/** DELETE /session: ends the session and clears the cookie. */
export const logout: Handler = async (request, service) => {
  if (request.sessionId !== undefined) service.sessions.destroy(request.sessionId);
  const secure = service.settings.secureCookies;
  return { kind: 'empty', headers: { 'Set-Cookie': sessionCookie(sessionCookieName(secure), '', 0, secure) } };
};
