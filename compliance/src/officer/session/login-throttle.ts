import type { Clock } from './clock';
import { makeRoom } from './make-room';

/** How one throttle grows: free failures, then a doubling wait, then a lockout. */
export type ThrottlePolicy = {
  /** Failures allowed before any wait. */
  readonly freeFailures: number;
  /** The first wait; each further failure doubles it, up to `maxDelaySeconds`. */
  readonly baseDelaySeconds: number;
  readonly maxDelaySeconds: number;
  /** From this many failures in a row on, each failure locks for `lockoutSeconds`. */
  readonly lockoutAfter: number;
  readonly lockoutSeconds: number;
  /** Failures are forgotten after this long without a new one. */
  readonly forgetAfterSeconds: number;
  /** Keys tracked at most; the least recently failed is dropped first, so a flood cannot exhaust memory. */
  readonly maxKeys: number;
};

/** Per account: three tries, then 1, 2, 4 … 300 s, locked 15 minutes from the tenth failure. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { freeFailures: 3, baseDelaySeconds: 1, maxDelaySeconds: 300, lockoutAfter: 10, lockoutSeconds: 900, forgetAfterSeconds: 86_400, maxKeys: 10_000 };

/**
 * Per client address: looser, since every person behind one address shares it (on 127.0.0.1 that
 * is everyone using a local tunnel); it stops one client from trying many usernames.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = { freeFailures: 20, baseDelaySeconds: 1, maxDelaySeconds: 60, lockoutAfter: 100, lockoutSeconds: 900, forgetAfterSeconds: 3_600, maxKeys: 10_000 };

type Entry = { failures: number; blockedUntil: number; lastFailureAt: number };

/**
 * Counts failed logins per key (a username, or a client address) and says how long the key must
 * wait. The service refuses a waiting key before checking any password, so guesses made while it
 * waits cost nothing and reveal nothing. Waits are enforced by refusal, never by sleeping, which
 * would hold a connection per guess.
 */
export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly policy: ThrottlePolicy,
    private readonly clock: Clock,
  ) {}

  /** Seconds `key` must still wait (0: it may try now). */
  waitSeconds(key: string): number {
    const entry = this.#current(key);
    return entry === undefined ? 0 : Math.max(0, Math.ceil((entry.blockedUntil - this.clock.now()) / 1000));
  }

  /** Records a failure of `key` and returns the seconds it must now wait. */
  recordFailure(key: string): number {
    const now = this.clock.now();
    const failures = (this.#current(key)?.failures ?? 0) + 1;
    this.#entries.delete(key);
    makeRoom(this.#entries, this.policy.maxKeys);
    // Re-inserted last: Map order is then the order of the latest failures.
    this.#entries.set(key, { failures, blockedUntil: now + this.#delaySeconds(failures) * 1000, lastFailureAt: now });
    return this.waitSeconds(key);
  }

  /** Forgets `key`'s failures (after a successful login). */
  recordSuccess(key: string): void {
    this.#entries.delete(key);
  }

  #delaySeconds(failures: number): number {
    const { freeFailures, baseDelaySeconds, maxDelaySeconds, lockoutAfter, lockoutSeconds } = this.policy;
    if (failures >= lockoutAfter) return lockoutSeconds;
    if (failures <= freeFailures) return 0;
    return Math.min(maxDelaySeconds, baseDelaySeconds * 2 ** (failures - freeFailures - 1));
  }

  #current(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const now = this.clock.now();
    if (now >= entry.blockedUntil && now - entry.lastFailureAt >= this.policy.forgetAfterSeconds * 1000) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
