import type { Context } from 'fabric-contract-api';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { pendingKey, PENDING_INDEX as BRIDGE_PENDING_INDEX } from '../bridge/bridge-keys';
import { readBridgeOut, writeBridgeOut } from '../bridge/bridge-out-store';
import { INDEX_ENTRY } from '../support/state';
import { PENDING_INDEX as TRANSFER_PENDING_INDEX, readTransfer, writeTransfer } from '../transfers/transfer-key';
import { pendingIds, type RequestIds } from './pending-request-ids';

/** Requests by id: those an adoption handed to the adopting bank, or those it blocked. */
export type ReroutedRequests = RequestIds;

/** Who moves where: the adopted investor, the bank that left, the bank that adopted them. */
export type Adoption = { readonly investorId: string; readonly fromBankMsp: string; readonly toBankMsp: string };

const banksOf = (transfer: TransferRecord) => new Set([transfer.senderBankMsp, transfer.receiverBankMsp]);

async function rerouteTransfer(ctx: Context, transfer: TransferRecord, adoption: Adoption): Promise<void> {
  const { investorId, toBankMsp } = adoption;
  const rerouted: TransferRecord = {
    ...transfer,
    senderBankMsp: transfer.fromInvestorId === investorId ? toBankMsp : transfer.senderBankMsp,
    receiverBankMsp: transfer.toInvestorId === investorId ? toBankMsp : transfer.receiverBankMsp,
  };
  // The status stays PENDING, so writeTransfer leaves the pending index alone: its entries move here.
  await writeTransfer(ctx, rerouted, true);
  const before = banksOf(transfer);
  const after = banksOf(rerouted);
  for (const bank of before) if (!after.has(bank)) await ctx.stub.deleteState(ctx.stub.createCompositeKey(TRANSFER_PENDING_INDEX, [bank, transfer.transferId]));
  for (const bank of after) if (!before.has(bank)) await ctx.stub.putState(ctx.stub.createCompositeKey(TRANSFER_PENDING_INDEX, [bank, transfer.transferId]), INDEX_ENTRY);
}

async function rerouteBridgeOut(ctx: Context, record: BridgeOutRecord, adoption: Adoption): Promise<void> {
  // The status stays PENDING, so writeBridgeOut leaves the pending index alone: its entry moves here.
  await writeBridgeOut(ctx, { ...record, bankMsp: adoption.toBankMsp }, record.status);
  await ctx.stub.deleteState(pendingKey(ctx, record.bankMsp, record.bridgeOutId));
  await ctx.stub.putState(pendingKey(ctx, adoption.toBankMsp, record.bridgeOutId), INDEX_ENTRY);
}

/**
 * Hands the adopted investor's pending requests to the adopting bank: every PENDING transfer with
 * them as a party and every PENDING bridge-out of theirs, found in the pending lists of the bank
 * that left (each request is listed under every bank it involves). Their side of a transfer, or
 * the bridge-out's bank, becomes the adopting bank, whose officers then find, approve or reject
 * them, since nobody of the bank that left can act any more. Approvals already given stay (who
 * approved what is history), so the side that moved still needs the adopting bank's approval.
 * `blockedNow` are the requests the adoption's own screening hit blocked in this transaction:
 * left alone, since a transaction does not read its own writes and would undo the block.
 */
export async function reroutePendingRequests(ctx: Context, adoption: Adoption, blockedNow: ReroutedRequests): Promise<ReroutedRequests> {
  const transferIds = await pendingIds(ctx, TRANSFER_PENDING_INDEX, adoption.fromBankMsp);
  const bridgeOutIds = await pendingIds(ctx, BRIDGE_PENDING_INDEX, adoption.fromBankMsp);
  const rerouted = { transferIds: [] as string[], bridgeOutIds: [] as string[] };
  for (const id of transferIds) {
    if (blockedNow.transferIds.includes(id)) continue;
    const transfer = await readTransfer(ctx, id);
    if (transfer.status !== 'PENDING' || (transfer.fromInvestorId !== adoption.investorId && transfer.toInvestorId !== adoption.investorId)) continue;
    await rerouteTransfer(ctx, transfer, adoption);
    rerouted.transferIds.push(id);
  }
  for (const id of bridgeOutIds) {
    if (blockedNow.bridgeOutIds.includes(id)) continue;
    const record = await readBridgeOut(ctx, id);
    if (record.status !== 'PENDING' || record.investorId !== adoption.investorId) continue;
    await rerouteBridgeOut(ctx, record, adoption);
    rerouted.bridgeOutIds.push(id);
  }
  return rerouted;
}
