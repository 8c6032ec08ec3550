import { retryOnReadConflict, type ReadConflictRetry } from '../../ledger-client/read-conflict';

// The officer service submits a write again after a read conflict (ledger-client/read-conflict.ts
// says why that is safe): officers of both banks approving one transfer at the same moment each
// lost one approval to MVCC_READ_CONFLICT on the real network, with a false "the ledger did not
// answer". A person waits, so fewer attempts than the validators make.

export { isReadConflict } from '../../ledger-client/read-conflict';

/** Four attempts, waits drawn from 0–100 ms, 0–200 ms, 0–300 ms; `random` draws each wait's fraction. */
export const READ_CONFLICT_RETRY: ReadConflictRetry & { readonly random: () => number } = { attempts: 4, baseDelayMs: 100, random: Math.random };

/** Runs `submit`, again after a read conflict, up to `retry.attempts` times in all; any other failure, or the last conflict, is thrown. */
export function submitAgainOnReadConflict<T>(submit: () => Promise<T>, retry: ReadConflictRetry & { readonly random: () => number } = READ_CONFLICT_RETRY): Promise<T> {
  return retryOnReadConflict(submit, retry, retry.random);
}
