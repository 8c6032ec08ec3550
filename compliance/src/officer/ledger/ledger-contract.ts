import type { OfficerAccount } from '../accounts/officer-account';
import type { LedgerContract } from '../../ledger-client/ledger-contract';

export type { LedgerContract, LedgerTransaction } from '../../ledger-client/ledger-contract';

/** The chaincode contracts the service calls. */
export const OFFICER_CONTRACTS = ['TransferContract', 'BridgeContract', 'InvestorContract', 'ControlContract', 'AssetContract', 'AuditContract', 'EvidenceContract', 'LegalContract', 'ConsortiumContract'] as const;

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
