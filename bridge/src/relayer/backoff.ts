/** How often and how patiently a transient failure is retried. */
export interface RetryOptions {
  /** Tries in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 250, maxDelayMs: 5_000 };

/** ethers error codes and socket errors that say "try again", not "this will never work". */
const TRANSIENT_CODES = new Set(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'NONCE_EXPIRED', 'REPLACEMENT_UNDERPRICED', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Whether `error` (or a cause of it) is a failure worth retrying. */
export function isTransient(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown; error?: unknown }).cause ?? (current as { error?: unknown }).error;
  }
  return false;
}

/**
 * Runs `attempt` until it succeeds, a failure is not transient, or the attempts run out; waits an
 * exponentially growing delay with full jitter between tries so racing relayers spread out.
 */
export async function withBackoff<T>(attempt: (tryNumber: number) => Promise<T>, options: RetryOptions = DEFAULT_RETRY, transient: (error: unknown) => boolean = isTransient): Promise<T> {
  for (let tryNumber = 1; ; tryNumber++) {
    try {
      return await attempt(tryNumber);
    } catch (error) {
      if (tryNumber >= options.attempts || !transient(error)) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (tryNumber - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
