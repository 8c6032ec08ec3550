import type { Context } from 'fabric-contract-api';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { RequestBlock, TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { appendAudit } from '../audit/audit-key';
import { PENDING_INDEX as BRIDGE_PENDING_INDEX } from '../bridge/bridge-keys';
import { readBridgeOut, writeBridgeOut } from '../bridge/bridge-out-store';
import { PENDING_INDEX as TRANSFER_PENDING_INDEX, readTransfer, writeTransfer } from '../transfers/transfer-key';
import { pendingIds, type RequestIds } from './pending-request-ids';

/** The requests one sanctions hit blocked, by id. */
export type BlockedRequests = RequestIds;

/**
 * Moves every PENDING transfer with `block.investorId` as a party, and every PENDING bridge-out of
 * theirs, to BLOCKED with `block`, out of the pending lists, one audit record each. Both pending
 * indexes are kept per bank and every request is listed under each bank it involves, so the
 * investor's own bank's lists hold them all.
 */
export async function blockPendingRequests(ctx: Context, bankMsp: string, block: RequestBlock): Promise<BlockedRequests> {
  let auditIndex = 0;
  const transferIds: string[] = [];
  for (const id of await pendingIds(ctx, TRANSFER_PENDING_INDEX, bankMsp)) {
    const transfer = await readTransfer(ctx, id);
    if (transfer.status !== 'PENDING' || (transfer.fromInvestorId !== block.investorId && transfer.toInvestorId !== block.investorId)) continue;
    const blocked: TransferRecord = { ...transfer, status: 'BLOCKED', blocked: block };
    await writeTransfer(ctx, blocked, true);
    await appendAudit(ctx, { action: 'transfer-blocked', assetId: blocked.assetId, policyVersion: blocked.policyVersion, transferId: blocked.transferId, investorIds: [blocked.fromInvestorId, blocked.toInvestorId], amount: blocked.amount, reason: block.reason, documentHash: null, verdicts: null }, auditIndex++);
    transferIds.push(blocked.transferId);
  }
  const bridgeOutIds: string[] = [];
  for (const id of await pendingIds(ctx, BRIDGE_PENDING_INDEX, bankMsp)) {
    const record = await readBridgeOut(ctx, id);
    if (record.status !== 'PENDING' || record.investorId !== block.investorId) continue;
    const blocked: BridgeOutRecord = { ...record, status: 'BLOCKED', blocked: block };
    await writeBridgeOut(ctx, blocked, record.status);
    await appendAudit(ctx, { action: 'bridge-out-blocked', assetId: blocked.assetId, policyVersion: blocked.policyVersion, transferId: blocked.bridgeOutId, investorIds: [blocked.investorId], amount: blocked.amount, reason: block.reason, documentHash: null, verdicts: null }, auditIndex++);
    bridgeOutIds.push(blocked.bridgeOutId);
  }
  return { transferIds, bridgeOutIds };
}
