import type { LedgerContract } from '@trestle/compliance/src/ledger-client/ledger-contract';
import type { ActingIdentity } from './acting-identity';

export type { LedgerContract, LedgerTransaction } from '@trestle/compliance/src/ledger-client/ledger-contract';

/** The contracts of the `trestle` chaincode (chaincode/src/index.ts). */
export const CHAINCODE_CONTRACTS = [
  'RoleContract',
  'ConsortiumContract',
  'SpvContract',
  'AssetContract',
  'InvestorContract',
  'WalletContract',
  'TransferContract',
  'ControlContract',
  'LegalContract',
  'AuditContract',
  'BridgeContract',
  'GatewayMessageContract',
  'EvidenceContract',
] as const;

export type ChaincodeContractName = (typeof CHAINCODE_CONTRACTS)[number];

/** One person's connection to the channel: every call is signed by their own identity. */
export interface LedgerSession {
  contract(name: ChaincodeContractName): LedgerContract;
  close(): Promise<void>;
}

/** Opens a session as `identity`: fabric-network in the CLI, the in-process stub in unit tests. */
export type OpenLedgerSession = (identity: ActingIdentity) => Promise<LedgerSession>;
