import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { retryOnReadConflict } from '@trestle/compliance/src/ledger-client/read-conflict';

/**
 * The part of fabric-network's `Contract` the bridge uses, so a bank's real gateway connection
 * (`network.getContract('trestle', 'BridgeContract')`) plugs in as it is.
 */
export interface LedgerContract {
  submitTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
  evaluateTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
}

/** Runs a ledger call; a chaincode refusal ("[CODE] sentence {details}" in the peer's message) comes back as the TrestleError it was. */
export async function callLedger(run: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await run();
  } catch (error) {
    const parsed = error instanceof Error ? parseTrestleError(error.message) : undefined;
    throw parsed ?? error;
  }
}

/** Evaluates a query and parses its JSON answer (checked by the caller's types only: the chaincode validated it). */
export async function evaluateJson(contract: LedgerContract, name: string, ...args: string[]): Promise<unknown> {
  const bytes = await callLedger(() => contract.evaluateTransaction(name, ...args));
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
}

/** Submits a transaction, discarding its (empty) answer; one invalidated by a read conflict with another bank's write is submitted again (read-conflict.ts). */
export async function submitLedger(contract: LedgerContract, name: string, ...args: string[]): Promise<void> {
  await callLedger(() => retryOnReadConflict(() => contract.submitTransaction(name, ...args)));
}
