import { TrestleError, parseTrestleError } from '../../errors/trestle-error';
import type { LedgerContract } from './ledger-contract';
import { submitAgainOnReadConflict } from './read-conflict';

/** What the service does with a ledger failure that is not the chaincode's typed refusal (kept out of the answer). */
export type LedgerFailureLog = (message: string) => void;

/**
 * Runs a ledger call. A chaincode refusal ("[CODE] sentence {details}" in the peer's message)
 * comes back as the TrestleError it was; anything else (no peer, timeout, wallet) is
 * OFFICER_LEDGER_UNAVAILABLE, its message logged but never sent to the browser.
 */
export async function callLedger(run: () => Promise<Uint8Array>, log: LedgerFailureLog): Promise<Uint8Array> {
  try {
    return await run();
  } catch (error) {
    const parsed = error instanceof Error ? parseTrestleError(error.message) : undefined;
    if (parsed !== undefined) throw parsed;
    log(`ledger call failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new TrestleError('OFFICER_LEDGER_UNAVAILABLE', 'The ledger did not answer; try again, and tell the node operator if it keeps failing.');
  }
}

/** Evaluates a query and parses its JSON answer; the caller validates what it reads. */
export async function evaluateJson(contract: LedgerContract, log: LedgerFailureLog, name: string, ...args: string[]): Promise<unknown> {
  return parseAnswer(await callLedger(() => contract.evaluateTransaction(name, ...args), log), log, name);
}

/** Submits a transaction signed by the contract's identity, again after a read conflict (read-conflict.ts); its answer is empty. */
export async function submitLedger(contract: LedgerContract, log: LedgerFailureLog, name: string, ...args: string[]): Promise<void> {
  await callLedger(() => submitAgainOnReadConflict(() => contract.submitTransaction(name, ...args)), log);
}

/** Submits a transaction with a transient map (personal data), as fabric-network's createTransaction does; again after a read conflict. Its answer, as bytes. */
export async function submitWithTransient(contract: LedgerContract, log: LedgerFailureLog, name: string, transient: Readonly<Record<string, Uint8Array>>, ...args: string[]): Promise<Uint8Array> {
  return callLedger(() => submitAgainOnReadConflict(() => contract.createTransaction(name).setTransient(transient).submit(...args)), log);
}

/** Submits a transaction whose answer is JSON (the record it wrote), again after a read conflict, and parses it; the caller validates it. */
export async function submitJson(contract: LedgerContract, log: LedgerFailureLog, name: string, ...args: string[]): Promise<unknown> {
  return parseAnswer(await callLedger(() => submitAgainOnReadConflict(() => contract.submitTransaction(name, ...args)), log), log, name);
}

// A chaincode answer as JSON; anything else is the ledger's fault, logged and not sent on.
function parseAnswer(bytes: Uint8Array, log: LedgerFailureLog, name: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    log(`ledger answer of ${name} is not JSON`);
    throw new TrestleError('OFFICER_LEDGER_UNAVAILABLE', 'The ledger answered with something that is not JSON; tell the node operator.');
  }
}
