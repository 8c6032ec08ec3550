import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { checked, checkedPage, type Checked } from '@trestle/compliance/src/ledger-client/checked-records';
import { ledgerJson } from './ledger-action';
import type { LedgerContract } from './ledger-session';

// Queries whose answers are checked by the compliance readers before anything is printed, so a
// person never reads a half-understood record; `raw` is what `--json` prints, as the ledger gave it.

/** Evaluates `transaction` and checks the one record it answers with `parse`. */
export async function evaluateRecord<T>(contract: LedgerContract, transaction: string, args: readonly string[], parse: (value: unknown) => T, what: string): Promise<Checked<T>> {
  return checked(ledgerJson(await contract.evaluateTransaction(transaction, ...args), what) as JsonValue, parse);
}

/** Evaluates a list query and checks each record of the page `{records, bookmark}` with `parse`. */
export async function evaluatePage<T>(
  contract: LedgerContract,
  transaction: string,
  args: readonly string[],
  parse: (value: unknown) => T,
  what: string,
): Promise<{ readonly raw: JsonValue; readonly records: readonly T[]; readonly bookmark: string }> {
  const raw = ledgerJson(await contract.evaluateTransaction(transaction, ...args), what) as JsonValue;
  const page = checkedPage(raw, parse);
  return { raw, records: page.records.map((entry) => entry.record), bookmark: page.bookmark };
}

/** Evaluates a query whose answer is JSON of any shape (histories, read with their own checks). */
export async function evaluateJson(contract: LedgerContract, transaction: string, args: readonly string[], what: string): Promise<unknown> {
  return ledgerJson(await contract.evaluateTransaction(transaction, ...args), what);
}
