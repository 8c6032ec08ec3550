// Seen on the real three-bank network (console/test/console-real-network.test.ts): officers of the
// sender's and the receiver's bank approving one transfer at the same moment each read and rewrite
// the transfer, so the peers invalidate the one ordered second (MVCC_READ_CONFLICT) and its officer
// got OFFICER_LEDGER_UNAVAILABLE, "the ledger did not answer", with the approval lost; in a probe,
// three simultaneous pairs out of three. An invalidated transaction wrote nothing, so submitting
// it again (endorsed against the new state, every rule checked again by the chaincode) is what
// the person would do by clicking again, without the false alarm. The in-process stub runs one
// transaction at a time and never shows this. (The bridge's validators do the same for their
// writes: bridge/src/validator/read-conflict.ts; both belong in ledger-client/ one day.)

/** Commit-time validation codes that mean "endorsed against state another transaction changed first". */
const READ_CONFLICT_CODES = ['MVCC_READ_CONFLICT', 'PHANTOM_READ_CONFLICT'] as const;

/** Whether `error` is fabric-network's commit failure for a read conflict: nothing was written. */
export function isReadConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { transactionCode?: unknown }).transactionCode;
  if (typeof code === 'string') return (READ_CONFLICT_CODES as readonly string[]).includes(code);
  return /with status (MVCC_READ_CONFLICT|PHANTOM_READ_CONFLICT)\b/.test(error.message);
}

/** How often and how far apart a conflicting submit is tried; `random` draws each wait's fraction. */
export type ReadConflictRetry = { readonly attempts: number; readonly baseDelayMs: number; readonly random: () => number };

/** Four attempts, waits drawn from 0–100 ms, 0–200 ms, 0–300 ms: random, so the officers who collided do not collide again in step. */
export const READ_CONFLICT_RETRY: ReadConflictRetry = { attempts: 4, baseDelayMs: 100, random: Math.random };

/** Runs `submit`, again after a read conflict, up to `retry.attempts` times in all; any other failure, or the last conflict, is thrown. */
export async function submitAgainOnReadConflict<T>(submit: () => Promise<T>, retry: ReadConflictRetry = READ_CONFLICT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await submit();
    } catch (error) {
      if (attempt >= retry.attempts || !isReadConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(retry.random() * retry.baseDelayMs * attempt)));
    }
  }
}
