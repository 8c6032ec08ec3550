import type { Context } from 'fabric-contract-api';
import type { AuditAction } from '@trestle/compliance/src/audit/audit-record';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { evaluateTransfer } from '@trestle/compliance/src/rules/evaluate-transfer';
import type { RuleVerdict } from '@trestle/compliance/src/rules/rule-verdict';
import { missingApprovals } from '@trestle/compliance/src/transfers/approval-progress';
import { approvalsInForce } from './approvals-in-force';
import { moveUnits } from '@trestle/compliance/src/transfers/move-units';
import { isTransferId, type TransferClosure, type TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { appendAudit } from '../audit/audit-key';
import { writeHolding } from '../assets/holdings';
import { callerOf, type Caller } from '../identity/caller';
import { requiredArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { requireApprovable } from '../support/pending-request';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { readTransfer, writeTransfer } from './transfer-key';
import { ledgerTransferInput } from './transfer-input';
import { travelRuleAtSettlement } from './travel-rule-transient';

// The steps of TransferContract after the request, as module functions so none is a transaction.

/** A transfer id argument. */
export function transferIdArgument(value: unknown): string {
  const id = requiredArgument(value, 'transferId');
  if (!isTransferId(id)) throw new TrestleError('TRANSFER_INVALID', 'The transferId argument must be 1 to 128 printable ASCII characters without spaces.', { details: { argument: 'transferId', length: id.length } });
  return id;
}

/** The transfer, if it is PENDING; TRANSFER_STATE_CONFLICT naming its status otherwise. */
export function requirePending(transfer: TransferRecord, step: string): TransferRecord {
  if (transfer.status !== 'PENDING') {
    throw new TrestleError('TRANSFER_STATE_CONFLICT', `The transfer is ${transfer.status}; only a PENDING transfer can ${step}.`, { details: { transferId: transfer.transferId, status: transfer.status } });
  }
  return transfer;
}

/**
 * The transfer, if it is still open: PENDING, or BLOCKED by a sanctions hit, which may still be
 * rejected, cancelled or expired (never approved); TRANSFER_STATE_CONFLICT naming its status otherwise.
 */
export function requireOpen(transfer: TransferRecord, step: string): TransferRecord {
  if (transfer.status !== 'PENDING' && transfer.status !== 'BLOCKED') {
    throw new TrestleError('TRANSFER_STATE_CONFLICT', `The transfer is ${transfer.status}; only a PENDING or BLOCKED transfer can ${step}.`, { details: { transferId: transfer.transferId, status: transfer.status } });
  }
  return transfer;
}

/** CALLER_OF_OTHER_BANK unless the caller belongs to the sender's or the receiver's bank. */
export function requireBankOfTransfer(caller: Caller, transfer: TransferRecord): void {
  if (caller.mspId !== transfer.senderBankMsp && caller.mspId !== transfer.receiverBankMsp) {
    throw new TrestleError('CALLER_OF_OTHER_BANK', "Only identities of the sender's or the receiver's bank may act on this transfer; submit as one of them.", {
      details: { callerMsp: caller.mspId, senderBankMsp: transfer.senderBankMsp, receiverBankMsp: transfer.receiverBankMsp },
    });
  }
}

const EVENT_OF = { REJECTED: 'TransferRejected', CANCELLED: 'TransferCancelled', EXPIRED: 'TransferExpired', FAILED_AT_SETTLEMENT: 'TransferFailedAtSettlement' } as const;
const ACTION_OF: Record<TransferClosure['status'], AuditAction> = {
  SETTLED: 'transfer-settled',
  FAILED_AT_SETTLEMENT: 'transfer-failed-at-settlement',
  REJECTED: 'transfer-rejected',
  CANCELLED: 'transfer-cancelled',
  EXPIRED: 'transfer-expired',
};

function closed(ctx: Context, transfer: TransferRecord, status: TransferClosure['status'], reason: string | null): TransferRecord {
  const caller = callerOf(ctx);
  return { ...transfer, status, closure: { status, at: txTimestampIso(ctx), by: caller.identityId, byMsp: caller.mspId, reason } };
}

async function audit(ctx: Context, transfer: TransferRecord, action: AuditAction, reason: string | null, verdicts: readonly RuleVerdict[] | null): Promise<void> {
  await appendAudit(ctx, {
    action,
    assetId: transfer.assetId,
    policyVersion: transfer.policyVersion,
    transferId: transfer.transferId,
    investorIds: [transfer.fromInvestorId, transfer.toInvestorId],
    amount: transfer.amount,
    reason,
    documentHash: null,
    verdicts,
  });
}

/** Ends a pending transfer without moving units (rejected, cancelled, expired), audited, with its event. */
export async function closeTransfer(ctx: Context, transfer: TransferRecord, status: keyof typeof EVENT_OF, reason: string | null): Promise<void> {
  const done = closed(ctx, transfer, status, reason);
  // A BLOCKED transfer already left the pending index when it was blocked.
  await writeTransfer(ctx, done, transfer.status === 'PENDING');
  await audit(ctx, done, ACTION_OF[status], reason, done.settlementVerdicts);
  emitLedgerEvent(ctx, { type: EVENT_OF[status], payload: done });
}

/**
 * Records the caller's approval of a pending transfer; when it is the last one needed, runs the
 * rules again on the ledger as it is now and settles (units and lots move) or fails the transfer.
 */
export async function approveTransfer(ctx: Context, transferId: string, reason: string | null): Promise<void> {
  const caller = callerOf(ctx);
  const transfer = requirePending(await readTransfer(ctx, transferId), 'be approved');
  requireBankOfTransfer(caller, transfer);
  requireApprovable(ctx, caller, transfer, 'transfer', { transferId });
  const approved: TransferRecord = { ...transfer, approvals: [...transfer.approvals, { officerId: caller.identityId, officerMsp: caller.mspId, approvedAt: txTimestampIso(ctx), reason }] };
  if (missingApprovals({ ...approved, approvals: await approvalsInForce(ctx, approved.approvals) }).length > 0) {
    await writeTransfer(ctx, approved, true);
    await audit(ctx, approved, 'transfer-approved', reason, null);
    emitLedgerEvent(ctx, { type: 'TransferApproved', payload: approved });
    return;
  }
  await settle(ctx, approved);
}

async function settle(ctx: Context, transfer: TransferRecord): Promise<void> {
  const amount = BigInt(transfer.amount);
  const ledger = await ledgerTransferInput(ctx, { ...transfer, amount }, travelRuleAtSettlement(transfer.travelRule));
  const verdict = evaluateTransfer(ledger.input);
  const judged: TransferRecord = { ...transfer, settlementVerdicts: verdict.verdicts, policyVersion: ledger.policy.version };
  if (!verdict.allowed || ledger.senderHolding === undefined) {
    await closeTransfer(ctx, judged, 'FAILED_AT_SETTLEMENT', `The rules failed at settlement: ${verdict.failed.join(', ')}.`);
    return;
  }
  const receiverIds = { assetId: transfer.assetId, investorId: ledger.receiver.investorId, bankMsp: ledger.receiver.bankMsp };
  const moved = moveUnits(ledger.senderHolding, ledger.receiverHolding, receiverIds, amount, txTimestampSeconds(ctx), 'keep');
  await writeHolding(ctx, ledger.senderHolding, moved.sender);
  await writeHolding(ctx, receiverIds, moved.receiver);
  const settled = closed(ctx, judged, 'SETTLED', null);
  await writeTransfer(ctx, settled, true);
  await audit(ctx, settled, 'transfer-settled', null, settled.settlementVerdicts);
  const holdings = [moved.receiver, ...(moved.sender === null ? [] : [moved.sender])].map(holdingRecord);
  emitLedgerEvent(ctx, { type: 'TransferSettled', payload: { transfer: settled, holdings } });
}
