import { createHash, randomBytes } from 'node:crypto';
import type { OfficerAccount } from '../accounts/officer-account';
import type { Clock } from './clock';
import { makeRoom } from './make-room';

/** How long sessions live. */
export type SessionPolicy = {
  /** From login, however active the session is. */
  readonly absoluteSeconds: number;
  /** Without a request. */
  readonly idleSeconds: number;
  /** Sessions kept at most; the oldest goes first. */
  readonly maxSessions: number;
};

/** Eight hours from login, thirty minutes idle: one working day, and a desk left alone locks itself. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { absoluteSeconds: 8 * 3600, idleSeconds: 30 * 60, maxSessions: 10_000 };

/** A logged-in person. The session id itself is not kept here: only its hash is the map key. */
export type Session = {
  readonly account: OfficerAccount;
  /** The synchronizer token every state-changing request must echo in X-CSRF-Token. */
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  lastSeenAt: number;
};

/** A new session and the id to put in the cookie (the only place the id exists). */
export type NewSession = { readonly id: string; readonly session: Session };

const keyOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

/**
 * Sessions in memory, keyed by the SHA-256 of a random 256-bit id, so a heap dump or a log of
 * the map never holds a usable cookie. A restart logs everyone out, which is the safe failure.
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  constructor(
    readonly policy: SessionPolicy,
    private readonly clock: Clock,
  ) {}

  /** Opens a session for `account`; a fresh id every time, so no id chosen before login survives it. */
  create(account: OfficerAccount): NewSession {
    const now = this.clock.now();
    makeRoom(this.#sessions, this.policy.maxSessions);
    const id = randomBytes(32).toString('base64url');
    const session: Session = { account, csrfToken: randomBytes(32).toString('base64url'), createdAt: now, expiresAt: now + this.policy.absoluteSeconds * 1000, lastSeenAt: now };
    this.#sessions.set(keyOf(id), session);
    return { id, session };
  }

  /** The live session for `id`, marked as seen now; undefined (and forgotten) when expired or idle too long. */
  use(id: string): Session | undefined {
    const key = keyOf(id);
    const session = this.#sessions.get(key);
    if (session === undefined) return undefined;
    const now = this.clock.now();
    if (now >= session.expiresAt || now - session.lastSeenAt >= this.policy.idleSeconds * 1000) {
      this.#sessions.delete(key);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  /** Ends the session for `id`, if any. */
  destroy(id: string): void {
    this.#sessions.delete(keyOf(id));
  }

  /** When the session ends if left idle from now on (ms since the epoch). */
  idleExpiryOf(session: Session): number {
    return Math.min(session.expiresAt, session.lastSeenAt + this.policy.idleSeconds * 1000);
  }
}
