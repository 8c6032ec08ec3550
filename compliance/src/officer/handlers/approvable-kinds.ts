import { parseBridgeOutRecord, type BridgeOutRecord } from '../../bridge/bridge-out';
import { approvalsOfBanks, missingApprovals } from '../../transfers/approval-progress';
import { parseTransferRecord, type TransferRecord } from '../../transfers/transfer-record';
import type { OfficerContractName } from '../ledger/ledger-contract';

/**
 * A kind of request officers approve (a transfer, a bridge-out): which contract and transactions
 * serve it, how to read its record, the key it has in answers, which path parameter names it, and
 * whose public records are its evidence.
 */
export type ApprovableKind<T> = {
  readonly contract: OfficerContractName;
  readonly transactions: { readonly get: string; readonly listPending: string; readonly approve: string; readonly reject: string };
  readonly parse: (value: unknown) => T;
  readonly key: 'transfer' | 'bridgeOut';
  readonly idParameter: 'transferId' | 'bridgeOutId';
  /** The approvals still missing, in words, counting only approvals by officers of `banksInForce` (all when null), as the chaincode does. */
  readonly missing: (record: T, banksInForce: readonly string[] | null) => string[];
  /** The asset and the investors whose public records are shown beside it, by the name they have there. */
  readonly evidence: (record: T) => { readonly assetId: string; readonly investors: Readonly<Record<string, string>> };
};

export const TRANSFERS: ApprovableKind<TransferRecord> = {
  contract: 'TransferContract',
  transactions: { get: 'GetTransfer', listPending: 'ListPendingTransfers', approve: 'ApproveTransfer', reject: 'RejectTransfer' },
  parse: parseTransferRecord,
  key: 'transfer',
  idParameter: 'transferId',
  missing: (record, banks) => missingApprovals({ ...record, approvals: approvalsOfBanks(record.approvals, banks) }),
  evidence: (record) => ({ assetId: record.assetId, investors: { sender: record.fromInvestorId, receiver: record.toInvestorId } }),
};

export const BRIDGE_OUTS: ApprovableKind<BridgeOutRecord> = {
  contract: 'BridgeContract',
  transactions: { get: 'GetBridgeOut', listPending: 'ListPendingBridgeOuts', approve: 'ApproveBridgeOut', reject: 'RejectBridgeOut' },
  parse: parseBridgeOutRecord,
  key: 'bridgeOut',
  idParameter: 'bridgeOutId',
  // A bridge-out is approved like a transfer within one bank, as the chaincode counts it.
  missing: (record, banks) => missingApprovals({ ...record, approvals: approvalsOfBanks(record.approvals, banks), senderBankMsp: record.bankMsp, receiverBankMsp: record.bankMsp }),
  evidence: (record) => ({ assetId: record.assetId, investors: { investor: record.investorId } }),
};
