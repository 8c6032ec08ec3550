import type { OfficerAccount } from '../accounts/officer-account';

/** A transaction that carries a transient map (personal data never goes in the arguments). */
export interface LedgerTransaction {
  setTransient(map: Readonly<Record<string, Uint8Array>>): LedgerTransaction;
  submit(...args: string[]): Promise<Uint8Array>;
  /** A query with the transient map: endorsed by a peer, never ordered, nothing written. */
  evaluate(...args: string[]): Promise<Uint8Array>;
}

/**
 * The part of fabric-network's `Contract` the officer service uses (the bridge's `LedgerContract`
 * plus `createTransaction`, for the transient map), so a real gateway contract plugs in through a
 * thin adapter and the unit tests' in-process stub fits as it is.
 */
export interface LedgerContract {
  submitTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
  evaluateTransaction(name: string, ...args: string[]): Promise<Uint8Array>;
  createTransaction(name: string): LedgerTransaction;
}

/** The chaincode contracts the service calls. */
export const OFFICER_CONTRACTS = ['TransferContract', 'BridgeContract', 'InvestorContract', 'ControlContract', 'AssetContract', 'AuditContract', 'EvidenceContract'] as const;

export type OfficerContractName = (typeof OFFICER_CONTRACTS)[number];

/** One officer's view of the chaincode: every call is signed by that officer's own identity. */
export interface OfficerLedger {
  contract(name: OfficerContractName): LedgerContract;
}

/** Hands out each account's ledger connection; the production one holds a Fabric gateway per identity. */
export interface LedgerConnector {
  ledgerFor(account: OfficerAccount): Promise<OfficerLedger>;
  close(): Promise<void>;
}
