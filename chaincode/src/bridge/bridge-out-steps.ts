import type { Context } from 'fabric-contract-api';
import { evaluateBridgeOut } from '@trestle/compliance/src/bridge/bridge-out-rules';
import type { BridgeOutClosure, BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import { escrowUnits } from '@trestle/compliance/src/bridge/escrow-units';
import type { AuditAction } from '@trestle/compliance/src/audit/audit-record';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { formatDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import type { RuleVerdict } from '@trestle/compliance/src/rules/rule-verdict';
import { missingApprovals } from '@trestle/compliance/src/transfers/approval-progress';
import { approvalsInForce } from '../transfers/approvals-in-force';
import { appendAudit } from '../audit/audit-key';
import { writeHolding } from '../assets/holdings';
import { callerOf, type Caller } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { requireApprovable } from '../support/pending-request';
import { txTimestampIso } from '../support/tx-time';
import { ledgerBridgeOutInput } from './bridge-out-input';
import { readBridgeOut, takeNonce, writeBridgeOut } from './bridge-out-store';
import { readEscrow, writeEscrow } from './bridge-registry';

// The steps of a bridge-out after its request, as module functions so none is a transaction.

/** The bridge-out, if it is PENDING; BRIDGE_OUT_STATE_CONFLICT naming its status otherwise. */
export function requirePendingBridgeOut(record: BridgeOutRecord, step: string): BridgeOutRecord {
  if (record.status !== 'PENDING') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The bridge-out is ${record.status}; only a PENDING bridge-out can ${step}.`, { details: { bridgeOutId: record.bridgeOutId, status: record.status } });
  }
  return record;
}

/**
 * The bridge-out, if it is still open: PENDING, or BLOCKED by a sanctions hit, which may still be
 * rejected, cancelled or expired (never approved, so never escrowed); BRIDGE_OUT_STATE_CONFLICT otherwise.
 */
export function requireOpenBridgeOut(record: BridgeOutRecord, step: string): BridgeOutRecord {
  if (record.status !== 'PENDING' && record.status !== 'BLOCKED') {
    throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `The bridge-out is ${record.status}; only a PENDING or BLOCKED bridge-out can ${step}.`, { details: { bridgeOutId: record.bridgeOutId, status: record.status } });
  }
  return record;
}

/** CALLER_OF_OTHER_BANK unless the caller belongs to the investor's bank. */
export function requireBankOfBridgeOut(caller: Caller, record: BridgeOutRecord): void {
  if (caller.mspId !== record.bankMsp) {
    throw new TrestleError('CALLER_OF_OTHER_BANK', "Only identities of the investor's bank act on this bridge-out; submit as one of them.", { details: { callerMsp: caller.mspId, bankMsp: record.bankMsp } });
  }
}

async function audit(ctx: Context, record: BridgeOutRecord, action: AuditAction, reason: string | null, verdicts: readonly RuleVerdict[] | null): Promise<void> {
  await appendAudit(ctx, {
    action,
    assetId: record.assetId,
    policyVersion: record.policyVersion,
    transferId: record.bridgeOutId,
    investorIds: [record.investorId],
    amount: record.amount,
    reason,
    documentHash: null,
    verdicts,
  });
}

/** Records the new bridge-out, audited, with its event. */
export async function recordRequest(ctx: Context, record: BridgeOutRecord): Promise<void> {
  await writeBridgeOut(ctx, record, null);
  await audit(ctx, record, 'bridge-out-requested', null, record.requestVerdicts);
  emitLedgerEvent(ctx, { type: 'BridgeOutRequested', payload: record });
}

const CLOSING = {
  REJECTED: ['BridgeOutRejected', 'bridge-out-rejected'],
  CANCELLED: ['BridgeOutCancelled', 'bridge-out-cancelled'],
  EXPIRED: ['BridgeOutExpired', 'bridge-out-expired'],
  FAILED_AT_APPROVAL: ['BridgeOutFailedAtApproval', 'bridge-out-failed-at-approval'],
} as const;

/** Ends a pending bridge-out without moving units, audited, with its event. */
export async function closeBridgeOut(ctx: Context, record: BridgeOutRecord, status: BridgeOutClosure['status'], reason: string | null): Promise<void> {
  const caller = callerOf(ctx);
  const closed: BridgeOutRecord = { ...record, status, closure: { status, at: txTimestampIso(ctx), by: caller.identityId, byMsp: caller.mspId, reason } };
  const [event, action] = CLOSING[status];
  await writeBridgeOut(ctx, closed, record.status);
  await audit(ctx, closed, action, reason, closed.approvalVerdicts);
  emitLedgerEvent(ctx, { type: event, payload: closed });
}

/**
 * Records the caller's approval of a pending bridge-out; when it is the last one needed, runs the
 * rules again on the ledger as it is now and moves the units to escrow with the chain's next Mint
 * nonce (APPROVED: the validators' cue to sign), or fails the bridge-out.
 */
export async function approveBridgeOut(ctx: Context, bridgeOutId: string, reason: string | null): Promise<void> {
  const caller = callerOf(ctx);
  const record = requirePendingBridgeOut(await readBridgeOut(ctx, bridgeOutId), 'be approved');
  requireBankOfBridgeOut(caller, record);
  requireApprovable(ctx, caller, record, 'bridge-out', { bridgeOutId });
  const approved: BridgeOutRecord = { ...record, approvals: [...record.approvals, { officerId: caller.identityId, officerMsp: caller.mspId, approvedAt: txTimestampIso(ctx), reason }] };
  const progress = { ...approved, approvals: await approvalsInForce(ctx, approved.approvals), senderBankMsp: approved.bankMsp, receiverBankMsp: approved.bankMsp };
  if (missingApprovals(progress).length > 0) {
    await writeBridgeOut(ctx, approved, record.status);
    await audit(ctx, approved, 'bridge-out-approved', reason, null);
    emitLedgerEvent(ctx, { type: 'BridgeOutApproved', payload: approved });
    return;
  }
  await escrow(ctx, approved);
}

async function escrow(ctx: Context, record: BridgeOutRecord): Promise<void> {
  const amount = BigInt(record.amount);
  const ledger = await ledgerBridgeOutInput(ctx, { assetId: record.assetId, investorId: record.investorId, chainId: record.chainId, wallet: record.wallet, amount });
  const verdict = evaluateBridgeOut(ledger.input);
  const judged: BridgeOutRecord = { ...record, approvalVerdicts: verdict.verdicts, policyVersion: ledger.policy.version };
  // The token or gateway may have changed since the request: the Mint must name the ones in force.
  if (!verdict.allowed || ledger.senderHolding === undefined || ledger.token !== record.token) {
    const why = ledger.token !== record.token ? "the asset's token on the chain changed since the request" : `the rules failed at approval: ${verdict.failed.join(', ')}`;
    await closeBridgeOut(ctx, judged, 'FAILED_AT_APPROVAL', `${why.charAt(0).toUpperCase()}${why.slice(1)}.`);
    return;
  }
  const holding = escrowUnits(ledger.senderHolding, amount);
  const pool = await readEscrow(ctx, record.assetId, record.chainId);
  const escrowed = { ...pool, escrowed: formatDecimalAmount(BigInt(pool.escrowed) + amount) };
  const nonce = await takeNonce(ctx, record.chainId, 'Mint');
  const done: BridgeOutRecord = { ...judged, status: 'APPROVED', nonce: nonce.toString(), fabricTxId: `0x${ctx.stub.getTxID()}`, escrowedAt: txTimestampIso(ctx) };
  await writeHolding(ctx, holding, holding);
  await writeEscrow(ctx, escrowed);
  await writeBridgeOut(ctx, done, record.status);
  await audit(ctx, done, 'bridge-out-escrowed', null, done.approvalVerdicts);
  emitLedgerEvent(ctx, { type: 'BridgeOutEscrowed', payload: { bridgeOut: done, holdings: [holdingRecord(holding)], escrow: escrowed } });
}
