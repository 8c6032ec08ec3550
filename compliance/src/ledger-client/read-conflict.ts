// Seen on the real three-bank network: writes that read and rewrite the same key at once — the
// banks' validators recording their Mint signatures or attesting a burn within one second
// (network/test/bridge/bridge-real.test.ts), officers of both banks approving one transfer at the
// same moment (console/test/console-real-network.test.ts) — are invalidated for all but the first
// ordered (MVCC_READ_CONFLICT in peer-*.log: "key in readset has been updated in a prior
// transaction in this block", or endorsed before the peer committed the other write). An
// invalidated transaction wrote nothing, and the chaincode checks every rule again when it is
// endorsed against the new state, so submitting it again is safe and is what a person would do
// by clicking again. The in-process stub runs transactions one at a time and never shows this.

/** Commit-time validation codes that mean "endorsed against state another transaction changed first". */
const READ_CONFLICT_CODES = ['MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT'] as const;

/** Whether `error` is fabric-network's commit failure for a read conflict: nothing was written, the transaction may be submitted again. */
export function isReadConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { transactionCode?: unknown }).transactionCode;
  if (typeof code === 'string') return (READ_CONFLICT_CODES as readonly string[]).includes(code);
  return /with status (MVCC_READ_CONFLICT|PHANTOM_READ_CONFLICT)\b/.test(error.message);
}

/** How often and how far apart a conflicting submit is tried again. */
export type ReadConflictRetry = { readonly attempts: number; readonly baseDelayMs: number };

/** Five attempts, waits drawn from 0–100 ms, 0–200 ms, …: random so the writers that collided do not collide again in step. */
export const READ_CONFLICT_RETRY: ReadConflictRetry = { attempts: 5, baseDelayMs: 100 };

/** Runs `submit`, running it again after a read conflict up to `retry.attempts` times in all; any other failure, or the last conflict, is thrown. */
export async function retryOnReadConflict<T>(submit: () => Promise<T>, retry: ReadConflictRetry = READ_CONFLICT_RETRY, random: () => number = Math.random): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await submit();
    } catch (error) {
      if (attempt >= retry.attempts || !isReadConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * retry.baseDelayMs * attempt)));
    }
  }
}
