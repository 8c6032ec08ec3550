import type { Contract } from 'fabric-network';
import { isEndorsementMismatch, isUnreachableEndorserError } from './endorsement-plan';
import type { LedgerContract, LedgerTransaction } from './ledger-contract';

// Type-only import: loading fabric-network has side effects (its configuration reads the process's
// command line), so whoever adapts a contract has already loaded it on purpose.

/**
 * Submits of one endorser set whose peers answered differently (isEndorsementMismatch): the lagging
 * peer commits the block it missed within about one block time (the channel's BatchTimeout, 250 ms
 * here), so the pause before the next attempt grows by this much each time.
 */
const MISMATCH_ATTEMPTS = 4;
const MISMATCH_PAUSE_MS = 250;

/** Candidate sets of endorsing organisations, in the order to try (endorsement-plan.ts). */
export type EndorserCandidates = readonly (readonly string[])[];

/** What is being submitted, for a plan that depends on more than the name: its arguments and its transient map's keys. */
export type Submission = {
  readonly args: readonly string[];
  /** The keys of the transient map (none for a plain submit): which personal data the proposal carries. */
  readonly transientKeys: readonly string[];
};

/**
 * The candidates for a transaction (endorsementCandidates), by its name and what it carries;
 * undefined leaves the choice to discovery. May look something up first (transfer-endorsers.ts),
 * and may throw: the submit then fails with that error and no peer receives the proposal.
 */
export type EndorsersOf = (transaction: string, submission: Submission) => EndorserCandidates | undefined | Promise<EndorserCandidates | undefined>;

/**
 * Wraps a fabric-network `Contract` as the `LedgerContract` the services and the CLI call. With
 * `endorsers` (endorsement-plan.ts: per transaction, or the same for all), each submit is endorsed
 * by the first candidate set of organisations for its transaction that can be reached; without,
 * service discovery chooses. A
 * submit whose endorsers disagreed is asked of them again after a pause (`mismatchPauseMs`, for tests).
 */
export function adaptFabricContract(contract: Contract, endorsers?: EndorsersOf | EndorserCandidates, mismatchPauseMs = MISMATCH_PAUSE_MS): LedgerContract {
  const submitWith = async (name: string, transient: Record<string, Buffer> | undefined, args: string[]): Promise<Uint8Array> => {
    const submission: Submission = { args, transientKeys: Object.keys(transient ?? {}) };
    const candidates = (typeof endorsers === 'function' ? await endorsers(name, submission) : endorsers) ?? [undefined];
    for (const [index, orgs] of candidates.entries()) {
      for (let attempt = 1; ; attempt += 1) {
        const transaction = contract.createTransaction(name);
        if (transient !== undefined) transaction.setTransient(transient);
        if (orgs !== undefined) transaction.setEndorsingOrganizations(...orgs);
        try {
          return await transaction.submit(...args);
        } catch (error) {
          // Never ordered either way: asking the same peers again, or the next ones, cannot commit twice.
          if (isEndorsementMismatch(error) && attempt < MISMATCH_ATTEMPTS) {
            await new Promise((resolve) => setTimeout(resolve, mismatchPauseMs * attempt));
            continue;
          }
          if (index === candidates.length - 1 || !isUnreachableEndorserError(error)) throw error;
          break;
        }
      }
    }
    throw new Error('unreachable: no endorser candidates');
  };
  return {
    submitTransaction: (name, ...args) => submitWith(name, undefined, args),
    evaluateTransaction: (name, ...args) => contract.evaluateTransaction(name, ...args),
    createTransaction: (name) => {
      let transient: Record<string, Buffer> = {};
      const adapted: LedgerTransaction = {
        setTransient: (map) => {
          transient = Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value)]));
          return adapted;
        },
        submit: (...args) => submitWith(name, transient, args),
        evaluate: (...args) => contract.createTransaction(name).setTransient(transient).evaluate(...args),
      };
      return adapted;
    },
  };
}
