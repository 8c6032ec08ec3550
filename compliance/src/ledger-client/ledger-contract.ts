/** A transaction that carries a transient map (personal data never goes in the arguments). */
export interface LedgerTransaction {
  setTransient(map: Readonly<Record<string, Uint8Array>>): LedgerTransaction;
  submit(...args: string[]): Promise<Uint8Array>;
  /** A query with the transient map: endorsed by a peer, never ordered, nothing written. */
  evaluate(...args: string[]): Promise<Uint8Array>;
}

/**
 * The part of fabric-network's `Contract` the officer service and the CLI use (the bridge's `LedgerContract`
 * plus `createTransaction`, for the transient map), so a real gateway contract plugs in through a
 * thin adapter and the unit tests' in-process stub fits as it is.
 */
export interface LedgerContract {
  submitTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
  evaluateTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
  createTransaction(name: string): LedgerTransaction;
}
