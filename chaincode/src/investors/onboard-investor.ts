import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseInvestorDocument, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { INDEX_ENTRY, writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { findInvestor, investorBankIndexKey, investorKey, readInvestor } from './investor-key';
import { purgeReplacedPii, requireStagedPii } from './investor-pii-store';
import { applySanctionsOutcome } from './sanctions-hit';

/**
 * OnboardInvestor's body: the public record for everyone, with the hash of the PII the caller's
 * bank staged (StageInvestorPii) in its implicit collection; the PII itself never reaches this
 * transaction, so no peer of another bank that endorses it sees a byte of it. An id another bank
 * uses, or one still active, is refused; a revoked investor of the same bank may be onboarded
 * again (the PII the old record named is purged when the new one differs).
 */
export async function onboardInvestor(ctx: Context, investorJson: string, piiHash: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const existing = await findInvestor(ctx, document.investorId);
  if (existing !== undefined && !(existing.kycStatus === 'revoked' && existing.bankMsp === caller.mspId)) {
    throw new TrestleError('INVESTOR_ALREADY_ONBOARDED', 'An investor with this id is already onboarded; update that record, or choose another id.', {
      details: { investorId: document.investorId, bankMsp: existing.bankMsp, kycStatus: existing.kycStatus },
    });
  }
  const staged = await requireStagedPii(ctx, caller.mspId, document.investorId, piiHash);
  if (existing !== undefined) await purgeReplacedPii(ctx, existing.bankMsp, existing.investorId, existing.piiHash, staged);
  const at = txTimestampIso(ctx);
  const investor: InvestorRecord = {
    ...document,
    bankMsp: caller.mspId,
    kycStatus: 'active',
    piiHash: staged,
    piiErasure: null,
    lastStatusChange: null,
    onboardedAt: at,
    onboardedBy: caller.identityId,
    updatedAt: at,
    updatedBy: caller.identityId,
  };
  await writeRecord(ctx, investorKey(ctx, investor.investorId), investor);
  if (existing === undefined) await ctx.stub.putState(investorBankIndexKey(ctx, caller.mspId, investor.investorId), INDEX_ENTRY);
  emitLedgerEvent(ctx, { type: 'InvestorOnboarded', payload: investor });
}

/**
 * UpdateInvestor's body: replaces the public fields; a PII hash (not empty) names PII the bank
 * staged with StageInvestorPii, which replaces the stored PII (and restores it after an erasure);
 * the PII the record named before is purged when the hash differs. An empty hash keeps the PII.
 * A revoked investor is onboarded again instead. A new sanctions hit suspends the investor and
 * blocks their pending requests.
 */
export async function updateInvestor(ctx: Context, investorJson: string, piiHash: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const investor = await readInvestor(ctx, document.investorId);
  requireOwnBank(caller, investor.bankMsp, 'investor');
  if (investor.kycStatus === 'revoked') {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', "The investor's KYC is revoked; onboard them again instead of updating the record.", {
      details: { investorId: investor.investorId, kycStatus: investor.kycStatus },
    });
  }
  const staged = piiHash === '' ? undefined : await requireStagedPii(ctx, investor.bankMsp, investor.investorId, piiHash);
  if (staged !== undefined) await purgeReplacedPii(ctx, investor.bankMsp, investor.investorId, investor.piiHash, staged);
  const at = txTimestampIso(ctx);
  const replaced: InvestorRecord = {
    ...investor,
    ...document,
    ...(staged === undefined ? {} : { piiHash: staged, piiErasure: null }),
    updatedAt: at,
    updatedBy: caller.identityId,
  };
  // A sanctions status set to hit here takes the path RecordScreening takes: suspension and blocks.
  const { investor: updated } = await applySanctionsOutcome(ctx, investor, replaced);
  await writeRecord(ctx, investorKey(ctx, updated.investorId), updated);
  emitLedgerEvent(ctx, { type: 'InvestorUpdated', payload: updated });
}
