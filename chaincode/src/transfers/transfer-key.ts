import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseTransferRecord, type TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { INDEX_ENTRY, readRecord, writeRecord } from '../support/state';

/** Object type of transfers: composite key transfer (transferId). */
export const TRANSFER_KEY_TYPE = 'transfer';

/** Index of the transfers waiting on each bank: composite key transfer~pending (bankMsp, transferId), value one zero byte. */
export const PENDING_INDEX = 'transfer~pending';

/** The state key of a transfer. */
export function transferKey(ctx: Context, transferId: string): string {
  return ctx.stub.createCompositeKey(TRANSFER_KEY_TYPE, [transferId]);
}

/** The transfer, or undefined. */
export async function findTransfer(ctx: Context, transferId: string): Promise<TransferRecord | undefined> {
  return readRecord(ctx, transferKey(ctx, transferId), parseTransferRecord);
}

/** The transfer, or TRANSFER_NOT_FOUND. */
export async function readTransfer(ctx: Context, transferId: string): Promise<TransferRecord> {
  const transfer = await findTransfer(ctx, transferId);
  if (transfer === undefined) throw new TrestleError('TRANSFER_NOT_FOUND', 'No transfer has this id.', { details: { transferId } });
  return transfer;
}

// The banks whose officers act on a transfer: one entry when both investors bank at the same bank.
function banksOf(transfer: TransferRecord): string[] {
  return [...new Set([transfer.senderBankMsp, transfer.receiverBankMsp])];
}

/**
 * Writes the transfer. The pending index changes only when the status does: entered at the
 * request, removed when the transfer leaves PENDING (`wasPending` says whether it was listed).
 */
export async function writeTransfer(ctx: Context, transfer: TransferRecord, wasPending: boolean): Promise<void> {
  await writeRecord(ctx, transferKey(ctx, transfer.transferId), transfer);
  if (wasPending === (transfer.status === 'PENDING')) return;
  for (const bank of banksOf(transfer)) {
    const key = ctx.stub.createCompositeKey(PENDING_INDEX, [bank, transfer.transferId]);
    if (transfer.status === 'PENDING') await ctx.stub.putState(key, INDEX_ENTRY);
    else await ctx.stub.deleteState(key);
  }
}
