import { Context, Contract, Info, Transaction } from 'fabric-contract-api';
import type { AssetPause, ForcedTransfer, FreezeChange } from '@trestle/compliance/src/controls/control-records';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { holdingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { isSha256Hex } from '@trestle/compliance/src/ledger/sha256-hex';
import { moveUnits } from '@trestle/compliance/src/transfers/move-units';
import { readAsset } from '../assets/asset-key';
import { requireTokenized } from '../assets/current-policy';
import { readHolding } from '../assets/holding-key';
import { findHolding, writeHolding } from '../assets/holdings';
import { appendAudit } from '../audit/audit-key';
import { callerOf } from '../identity/caller';
import { readInvestor } from '../investors/investor-key';
import { requireRole } from '../roles/require-role';
import { ledgerIdArgument, reasonArgument, requiredArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { amountArgument, requireOfficerOrRegulator, requireOwnBankUnlessRegulator } from './control-arguments';
import { findPause, pauseKey } from './pause-key';

type FreezeStep = { readonly scope: FreezeChange['scope']; readonly direction: FreezeChange['direction'] };

/**
 * What officers and the regulator do to stop units: freeze an investor's units in full or in part
 * (officer of the investor's bank, or the regulator), force a transfer by court or regulator's
 * order (regulator only; frozen units move too), pause an asset (officer of the SPV's bank, or the
 * regulator). Each records who, when and why, in its record, its event and the audit trail.
 */
@Info({ title: 'ControlContract', description: 'Freezes, forced transfers and asset pauses' })
export class ControlContract extends Contract {
  constructor() {
    super('ControlContract');
  }

  /** Freezes every unit the investor holds of the asset now. */
  @Transaction()
  async FreezeInvestor(ctx: Context, assetId: string, investorId: string, reason: string): Promise<void> {
    await changeFreeze(ctx, assetId, investorId, undefined, reason, { scope: 'full', direction: 'freeze' });
  }

  /** Freezes `amount` more of the investor's units of the asset. */
  @Transaction()
  async FreezePartial(ctx: Context, assetId: string, investorId: string, amount: string, reason: string): Promise<void> {
    await changeFreeze(ctx, assetId, investorId, amountArgument(amount), reason, { scope: 'partial', direction: 'freeze' });
  }

  /** Releases every frozen unit of the investor's holding. */
  @Transaction()
  async UnfreezeInvestor(ctx: Context, assetId: string, investorId: string, reason: string): Promise<void> {
    await changeFreeze(ctx, assetId, investorId, undefined, reason, { scope: 'full', direction: 'unfreeze' });
  }

  /** Releases `amount` of the investor's frozen units. */
  @Transaction()
  async UnfreezePartial(ctx: Context, assetId: string, investorId: string, amount: string, reason: string): Promise<void> {
    await changeFreeze(ctx, assetId, investorId, amountArgument(amount), reason, { scope: 'partial', direction: 'unfreeze' });
  }

  /** Moves units, frozen ones first, by a court or regulator's order (reference and the order document's SHA-256); regulator only. */
  @Transaction()
  async ForcedTransfer(ctx: Context, assetId: string, fromInvestorId: string, toInvestorId: string, amount: string, orderReference: string, documentHash: string): Promise<void> {
    await requireRole(ctx, 'regulator');
    const caller = callerOf(ctx);
    const id = ledgerIdArgument(assetId, 'assetId');
    const from = ledgerIdArgument(fromInvestorId, 'fromInvestorId');
    const to = ledgerIdArgument(toInvestorId, 'toInvestorId');
    const units = amountArgument(amount);
    const order = reasonArgument(orderReference, 'orderReference');
    const hash = requiredArgument(documentHash, 'documentHash');
    if (!isSha256Hex(hash)) throw new TrestleError('FORCED_TRANSFER_INVALID', 'The documentHash argument must be the SHA-256 of the order document as 64 lower-case hex digits.', { details: { argument: 'documentHash' } });
    if (from === to) throw new TrestleError('FORCED_TRANSFER_INVALID', 'A forced transfer moves units between two investors; name two different ones.', { details: { fromInvestorId: from } });
    const { asset, policy } = await requireTokenized(ctx, await readAsset(ctx, id));
    const receiver = await readInvestor(ctx, to);
    const now = txTimestampSeconds(ctx);
    if (receiver.kycStatus !== 'active' || now >= receiver.kycExpiresAt) {
      throw new TrestleError('RECEIVER_NOT_ELIGIBLE', "The receiver's KYC is not active and current; nobody without KYC holds units, even by order. Their bank must renew or reinstate it first.", {
        details: { investorId: to, kycStatus: receiver.kycStatus, kycExpiresAt: receiver.kycExpiresAt },
      });
    }
    const sender = await readHolding(ctx, asset.assetId, from);
    if (units > sender.balance) {
      throw new TrestleError('FORCED_TRANSFER_INVALID', 'The sender holds fewer units on the ledger than the order moves; units in bridge escrow must be bridged back first.', {
        details: { fromInvestorId: from, balance: sender.balance.toString(), amount: units.toString() },
      });
    }
    const receiverIds = { assetId: asset.assetId, investorId: to, bankMsp: receiver.bankMsp };
    const moved = moveUnits(sender, await findHolding(ctx, asset.assetId, to), receiverIds, units, now, 'take-first');
    await writeHolding(ctx, sender, moved.sender);
    await writeHolding(ctx, receiverIds, moved.receiver);
    const frozenMoved = sender.frozen - (moved.sender?.frozen ?? 0n);
    const record: ForcedTransfer = {
      assetId: asset.assetId,
      fromInvestorId: from,
      toInvestorId: to,
      amount: units.toString(),
      frozenMoved: frozenMoved.toString(),
      orderReference: order,
      documentHash: hash,
      at: txTimestampIso(ctx),
      by: caller.identityId,
      byMsp: caller.mspId,
    };
    await appendAudit(ctx, { action: 'forced-transfer', assetId: asset.assetId, policyVersion: policy.version, transferId: null, investorIds: [from, to], amount: record.amount, reason: order, documentHash: hash, verdicts: null });
    const holdings = [moved.receiver, ...(moved.sender === null ? [] : [moved.sender])].map(holdingRecord);
    emitLedgerEvent(ctx, { type: 'ForcedTransferExecuted', payload: { order: record, holdings } });
  }

  /** Pauses an asset: no transfer is requested or settles until it is unpaused. */
  @Transaction()
  async PauseAsset(ctx: Context, assetId: string, reason: string): Promise<void> {
    await setPaused(ctx, assetId, reason, true);
  }

  /** Lifts a pause. */
  @Transaction()
  async UnpauseAsset(ctx: Context, assetId: string, reason: string): Promise<void> {
    await setPaused(ctx, assetId, reason, false);
  }
}

async function changeFreeze(ctx: Context, assetId: string, investorId: string, amount: bigint | undefined, reason: string, step: FreezeStep): Promise<void> {
  const grant = await requireOfficerOrRegulator(ctx);
  const asset = ledgerIdArgument(assetId, 'assetId');
  const why = reasonArgument(reason);
  const investor = await readInvestor(ctx, ledgerIdArgument(investorId, 'investorId'));
  requireOwnBankUnlessRegulator(ctx, grant, investor.bankMsp, 'investor');
  const { policy } = await requireTokenized(ctx, await readAsset(ctx, asset));
  const holding = await readHolding(ctx, asset, investor.investorId);
  const frozen = frozenAfter(holding, amount, step);
  const caller = callerOf(ctx);
  const change: FreezeChange = {
    assetId: asset,
    investorId: investor.investorId,
    scope: step.scope,
    direction: step.direction,
    amount: (frozen > holding.frozen ? frozen - holding.frozen : holding.frozen - frozen).toString(),
    frozenAfter: frozen.toString(),
    reason: why,
    at: txTimestampIso(ctx),
    by: caller.identityId,
    byMsp: caller.mspId,
  };
  await writeHolding(ctx, holding, { ...holding, frozen });
  await appendAudit(ctx, {
    action: step.direction === 'freeze' ? 'investor-frozen' : 'investor-unfrozen',
    assetId: asset,
    policyVersion: policy.version,
    transferId: null,
    investorIds: [investor.investorId],
    amount: change.amount,
    reason: why,
    documentHash: null,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: step.direction === 'freeze' ? 'InvestorFrozen' : 'InvestorUnfrozen', payload: change });
}

// The frozen units after the step, or FREEZE_CONFLICT when it would change nothing or overreach.
function frozenAfter(holding: Holding, amount: bigint | undefined, step: FreezeStep): bigint {
  const { balance, frozen } = holding;
  const conflict = (sentence: string) => new TrestleError('FREEZE_CONFLICT', sentence, { details: { balance: balance.toString(), frozen: frozen.toString(), amount: amount?.toString() ?? null } });
  if (step.direction === 'freeze') {
    if (amount === undefined) {
      if (frozen === balance) throw conflict('Every unit of this holding is already frozen.');
      return balance;
    }
    if (amount > balance - frozen) throw conflict('The amount exceeds the units of this holding that are not frozen yet.');
    return frozen + amount;
  }
  if (frozen === 0n) throw conflict('No unit of this holding is frozen.');
  if (amount === undefined) return 0n;
  if (amount > frozen) throw conflict('The amount exceeds the frozen units of this holding.');
  return frozen - amount;
}

async function setPaused(ctx: Context, assetId: string, reason: string, paused: boolean): Promise<void> {
  const grant = await requireOfficerOrRegulator(ctx);
  const why = reasonArgument(reason);
  const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
  requireOwnBankUnlessRegulator(ctx, grant, asset.administeringBankMsp, 'asset');
  const { policy } = await requireTokenized(ctx, asset);
  if (((await findPause(ctx, asset.assetId))?.paused ?? false) === paused) {
    throw new TrestleError('ASSET_PAUSE_CONFLICT', paused ? 'The asset is already paused.' : 'The asset is not paused.', { details: { assetId: asset.assetId, paused } });
  }
  const caller = callerOf(ctx);
  const record: AssetPause = { assetId: asset.assetId, paused, reason: why, changedAt: txTimestampIso(ctx), changedBy: caller.identityId, changedByMsp: caller.mspId };
  await writeRecord(ctx, pauseKey(ctx, asset.assetId), record);
  await appendAudit(ctx, { action: paused ? 'asset-paused' : 'asset-unpaused', assetId: asset.assetId, policyVersion: policy.version, transferId: null, investorIds: [], amount: null, reason: why, documentHash: null, verdicts: null });
  emitLedgerEvent(ctx, { type: paused ? 'AssetPaused' : 'AssetUnpaused', payload: record });
}
