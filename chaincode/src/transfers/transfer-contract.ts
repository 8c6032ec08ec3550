import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { formatDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import { evaluateTransfer } from '@trestle/compliance/src/rules/evaluate-transfer';
import { parseTransferRequest } from '@trestle/compliance/src/transfers/transfer-request';
import { TRANSFER_TTL_SECONDS, type TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { appendAudit } from '../audit/audit-key';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { reasonArgument, requiredArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { pendingAtBank, requireExpired, rulesRefusal } from '../support/pending-request';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { approveTransfer, closeTransfer, requireBankOfTransfer, requireOpen, transferIdArgument } from './transfer-steps';
import { findTransfer, PENDING_INDEX, readTransfer, writeTransfer } from './transfer-key';
import { ledgerTransferInput } from './transfer-input';
import { travelRuleOf, travelRuleTrace } from './travel-rule-transient';
import { verifyWalletAuthorisation } from './wallet-authorisation';

/** Who may read transfers: the banks' officers and operators, and the regulator. */
const TRANSFER_READERS = ['compliance-officer', 'operator', 'regulator'] as const;

/**
 * Transfers of units between KYC-verified investors. The sender's bank requests; the rules of
 * compliance/src/rules run on ledger state at the request (any failure refuses it, listing every
 * reason) and again at settlement; officers of both banks approve, two distinct officers from the
 * four-eyes threshold on, never the requester; the last approval settles. Travel-rule data comes
 * in the transient map under "travelRule" and is kept only as its hash.
 */
@Info({ title: 'TransferContract', description: 'KYC-gated transfers with compliance officers\' approvals, rules re-run at settlement' })
export class TransferContract extends Contract {
  constructor() {
    super('TransferContract');
  }

  /** Requests a transfer (JSON: transferId, assetId, fromInvestorId, toInvestorId, amount, optional wallet signature) for an investor of the caller's bank. */
  @Transaction()
  async RequestTransfer(ctx: Context, requestJson: string): Promise<void> {
    await requireAnyRole(ctx, ['operator', 'compliance-officer']);
    const caller = callerOf(ctx);
    const request = parseTransferRequest(requestJson);
    const travelRule = travelRuleOf(ctx);
    if ((await findTransfer(ctx, request.transferId)) !== undefined) {
      throw new TrestleError('TRANSFER_ALREADY_EXISTS', 'A transfer with this id already exists; a retried request is not a second transfer.', { details: { transferId: request.transferId } });
    }
    const ledger = await ledgerTransferInput(ctx, request, travelRule);
    requireOwnBank(caller, ledger.sender.bankMsp, 'sending investor');
    const signedBy = await verifyWalletAuthorisation(ctx, request);
    const verdict = evaluateTransfer(ledger.input);
    if (!verdict.allowed) throw rulesRefusal('TRANSFER_REFUSED', 'transfer', { transferId: request.transferId }, verdict);
    const now = txTimestampSeconds(ctx);
    const transfer: TransferRecord = {
      transferId: request.transferId,
      assetId: request.assetId,
      fromInvestorId: request.fromInvestorId,
      toInvestorId: request.toInvestorId,
      senderBankMsp: ledger.sender.bankMsp,
      receiverBankMsp: ledger.receiver.bankMsp,
      amount: formatDecimalAmount(request.amount),
      status: 'PENDING',
      policyVersion: ledger.policy.version,
      approvalsRequired: verdict.approvalsRequired,
      approvals: [],
      requestVerdicts: verdict.verdicts,
      settlementVerdicts: null,
      travelRule: travelRuleTrace(travelRule),
      signedBy,
      requestedAt: txTimestampIso(ctx),
      requestedAtSeconds: now,
      expiresAtSeconds: now + TRANSFER_TTL_SECONDS,
      requestedBy: caller.identityId,
      requesterMsp: caller.mspId,
      closure: null,
      blocked: null,
    };
    await writeTransfer(ctx, transfer, false);
    await appendAudit(ctx, {
      action: 'transfer-requested',
      assetId: transfer.assetId,
      policyVersion: transfer.policyVersion,
      transferId: transfer.transferId,
      investorIds: [transfer.fromInvestorId, transfer.toInvestorId],
      amount: transfer.amount,
      reason: null,
      documentHash: null,
      verdicts: transfer.requestVerdicts,
    });
    emitLedgerEvent(ctx, { type: 'TransferRequested', payload: transfer });
  }

  /** Approves a pending transfer as a compliance officer of the sender's or receiver's bank; the last approval needed settles it. */
  @Transaction()
  async ApproveTransfer(ctx: Context, transferId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    // An approval may come without a reason: an empty argument means none.
    await approveTransfer(ctx, transferIdArgument(transferId), reason === undefined || reason === '' ? null : reasonArgument(reason));
  }

  /** Rejects a pending or blocked transfer, with a reason, as a compliance officer of either bank. */
  @Transaction()
  async RejectTransfer(ctx: Context, transferId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    const caller = callerOf(ctx);
    const why = reasonArgument(reason);
    const transfer = requireOpen(await readTransfer(ctx, transferIdArgument(transferId)), 'reject');
    requireBankOfTransfer(caller, transfer);
    await closeTransfer(ctx, transfer, 'REJECTED', why);
  }

  /** Withdraws a pending or blocked transfer, as an operator or officer of the requester's bank. */
  @Transaction()
  async CancelTransfer(ctx: Context, transferId: string): Promise<void> {
    await requireAnyRole(ctx, ['operator', 'compliance-officer']);
    const transfer = requireOpen(await readTransfer(ctx, transferIdArgument(transferId)), 'cancel');
    requireOwnBank(callerOf(ctx), transfer.requesterMsp, 'transfer request');
    await closeTransfer(ctx, transfer, 'CANCELLED', null);
  }

  /** Expires a pending or blocked transfer whose time to live (TRANSFER_TTL_SECONDS from the request) has passed; anyone with a role may. */
  @Transaction()
  async ExpireTransfer(ctx: Context, transferId: string): Promise<void> {
    await requireAnyRole(ctx, ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator']);
    const transfer = requireOpen(await readTransfer(ctx, transferIdArgument(transferId)), 'expire');
    requireExpired(ctx, transfer, 'transfer', { transferId: transfer.transferId });
    await closeTransfer(ctx, transfer, 'EXPIRED', null);
  }

  /** One transfer as JSON, with its verdicts and approvals. */
  @Transaction(false)
  @Returns('string')
  async GetTransfer(ctx: Context, transferId: string): Promise<string> {
    await requireAnyRole(ctx, TRANSFER_READERS);
    return sortedJson(await readTransfer(ctx, transferIdArgument(transferId)));
  }

  /** A page of the transfers pending on one bank (as sender's or receiver's), for its officers and operators or a regulator. */
  @Transaction(false)
  @Returns('string')
  async ListPendingTransfers(ctx: Context, bankMsp: string, pageSize: string, bookmark: string): Promise<string> {
    const grant = await requireAnyRole(ctx, TRANSFER_READERS);
    return sortedJson(await pendingAtBank(ctx, grant, PENDING_INDEX, bankMsp, pageSize, bookmark, 'list of transfers', (id) => readTransfer(ctx, id)));
  }

  /** A dry run of a request (JSON as for RequestTransfer; travel-rule data in the transient map): the verdict, writing nothing. */
  @Transaction(false)
  @Returns('string')
  async CheckTransfer(ctx: Context, requestJson: string): Promise<string> {
    await requireAnyRole(ctx, TRANSFER_READERS);
    const request = parseTransferRequest(requiredArgument(requestJson, 'requestJson'));
    const { input } = await ledgerTransferInput(ctx, request, travelRuleOf(ctx));
    return sortedJson(evaluateTransfer(input));
  }
}
