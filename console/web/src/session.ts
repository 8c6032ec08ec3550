import { api, ApiError, setCsrfToken } from './api';
import type { Session } from './types';

let current: Session | undefined;

/** The logged-in person, if any. */
export function currentSession(): Session | undefined {
  return current;
}

/** Asks the service who is logged in (after a reload the cookie may still be valid). */
export async function restoreSession(): Promise<Session | undefined> {
  try {
    remember(await api<Session>('GET', '/session'));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    remember(undefined);
  }
  return current;
}

/** Logs in; throws the service's ApiError (wrong password, throttled) for the form to show. */
export async function logIn(username: string, password: string): Promise<Session> {
  const session = await api<Session>('POST', '/session', { username, password });
  remember(session);
  return session;
}

/** Logs out on the service, then forgets the token here whatever the answer. */
export async function logOut(): Promise<void> {
  try {
    await api<undefined>('DELETE', '/session');
  } finally {
    remember(undefined);
  }
}

function remember(session: Session | undefined): void {
  current = session;
  setCsrfToken(session?.csrfToken);
}
