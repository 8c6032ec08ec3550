import { randomBytes } from 'node:crypto';
import { parseTrestleError } from '../errors/trestle-error';
import type { JsonObject } from '../json/json-value';
import { parseInvestorDocument } from '../ledger/investor';
import { parseInvestorPii, PII_TRANSIENT_KEY } from '../ledger/investor-pii';
import type { LedgerContract } from './ledger-contract';

// What every ledger client (the officer service, the CLI) sends for an investor, checked by the
// chaincode's own readers before it leaves, so a mistake costs no ledger round trip.

/**
 * The investor document as the chaincode will read it, checked by the same compliance reader
 * first (INVESTOR_INVALID listing every problem), so a mistake costs no ledger round trip.
 */
export function investorArgument(investor: JsonObject, nowMs: number): string {
  const text = JSON.stringify(investor);
  parseInvestorDocument(text, Math.floor(nowMs / 1000));
  return text;
}

/**
 * The PII as transient bytes, with a random salt when the officer's client sent none (the salt keeps
 * the hash on the shared ledger from being matched against guessed names), checked by the
 * chaincode's own reader (INVESTOR_PII_INVALID).
 */
export function piiTransient(pii: JsonObject): Record<string, Uint8Array> {
  const salted = Object.hasOwn(pii, 'salt') ? pii : { ...pii, salt: randomBytes(16).toString('hex') };
  const bytes = Buffer.from(JSON.stringify(salted), 'utf8');
  parseInvestorPii(bytes);
  return { [PII_TRANSIENT_KEY]: bytes };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The PII hash StageInvestorPii answered (plain text, 64 hex digits), which OnboardInvestor,
 * UpdateInvestor and AdoptInvestor then take; anything else is the ledger's fault.
 */
export function stagedPiiHash(answer: Uint8Array): string {
  const text = Buffer.from(answer).toString('utf8');
  if (!SHA256_HEX.test(text)) throw new Error(`StageInvestorPii answered something that is not a SHA-256 hash (${text.length} characters)`);
  return text;
}

/** The hash a dry run names: well formed, and no PII ever hashes to it. */
export const UNSTAGED_PII_HASH = '0'.repeat(64);

/** Whether a ledger refusal is INVESTOR_PII_NOT_STAGED, the one refusal a dry run with UNSTAGED_PII_HASH expects. */
export function isPiiNotStaged(error: unknown): boolean {
  return error instanceof Error && parseTrestleError(error.message)?.code === 'INVESTOR_PII_NOT_STAGED';
}

/** The steps of an investor transaction that carries PII, as the caller's own ledger calls make them. */
export type StagedPiiSteps = {
  /** Evaluates the investor transaction (a query: endorsed by one peer, never ordered) naming `piiHash`. */
  readonly dryRun: (piiHash: string) => Promise<unknown>;
  /** Stages the PII (StageInvestorPii) and returns its hash. */
  readonly stage: () => Promise<string>;
  /** Submits the investor transaction naming `piiHash`. */
  readonly submit: (piiHash: string) => Promise<unknown>;
  /** Purges the PII staged under `piiHash` (DiscardStagedInvestorPii) once the submit naming it failed. */
  readonly discard: (piiHash: string) => Promise<unknown>;
};

/**
 * Runs an investor transaction that carries PII (OnboardInvestor, UpdateInvestor, AdoptInvestor)
 * in the two steps that keep the PII on the bank's own peer: stage, then submit with the hash. A
 * dry run with a hash nothing is staged under comes first, so a transaction the ledger refuses
 * for anything but the missing PII (an id already onboarded, another bank's investor, a bank
 * still in force) is refused before any PII is staged: staged PII nothing names would otherwise
 * stay in the bank's collection. A submit that still fails after staging (a read conflict,
 * another officer onboarding the same id in between, an orderer fault, a timeout) discards the
 * staged PII, and the caller sees the submit's own error.
 */
export async function submitWithStagedPii(steps: StagedPiiSteps): Promise<void> {
  try {
    await steps.dryRun(UNSTAGED_PII_HASH);
  } catch (error) {
    if (!isPiiNotStaged(error)) throw error;
  }
  const piiHash = await steps.stage();
  try {
    await steps.submit(piiHash);
  } catch (error) {
    // The discard may fail for good reasons: after a client-side timeout the record may have
    // committed after all (INVESTOR_PII_IN_USE), or the ledger that failed the submit still fails.
    // Either way the submit's error is the one that says what happened; the discard's is dropped
    // (the ledger clients log unexpected failures themselves, and never the PII, which this step
    // does not carry).
    await steps.discard(piiHash).catch(() => undefined);
    throw error;
  }
}

/** submitWithStagedPii over a LedgerContract (the CLI's session): `transaction` with `argument`, the hash, then `more`. */
export async function submitInvestorWithPii(contract: LedgerContract, transaction: string, investorId: string, pii: JsonObject, argument: string, ...more: string[]): Promise<void> {
  await submitWithStagedPii({
    dryRun: (piiHash) => contract.evaluateTransaction(transaction, argument, piiHash, ...more),
    stage: () => stageInvestorPii(contract, investorId, pii),
    submit: (piiHash) => contract.submitTransaction(transaction, argument, piiHash, ...more),
    discard: (piiHash) => contract.submitTransaction('DiscardStagedInvestorPii', investorId, piiHash),
  });
}

/**
 * Stages `pii` for `investorId` in the caller's bank's private collection (StageInvestorPii, the PII
 * only in the transient map, endorsed by the bank's own peer alone) and returns the hash the
 * investor transactions take. The first of every client's two steps; the second records it.
 */
export async function stageInvestorPii(contract: LedgerContract, investorId: string, pii: JsonObject): Promise<string> {
  return stagedPiiHash(await contract.createTransaction('StageInvestorPii').setTransient(piiTransient(pii)).submit(investorId));
}
