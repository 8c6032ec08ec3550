import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseInvestorDocument, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { INDEX_ENTRY, writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { findInvestor, investorBankIndexKey, investorKey, readInvestor } from './investor-key';
import { storePii, transientPii } from './investor-pii-store';
import { applySanctionsOutcome } from './sanctions-hit';

/**
 * OnboardInvestor's body: the public record for everyone, the PII (from the transient map) only in
 * the caller's bank's implicit collection, its hash on the record. An id another bank uses, or one
 * still active, is refused; a revoked investor of the same bank may be onboarded again.
 */
export async function onboardInvestor(ctx: Context, investorJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const pii = transientPii(ctx) as InvestorPii;
  const existing = await findInvestor(ctx, document.investorId);
  if (existing !== undefined && !(existing.kycStatus === 'revoked' && existing.bankMsp === caller.mspId)) {
    throw new TrestleError('INVESTOR_ALREADY_ONBOARDED', 'An investor with this id is already onboarded; update that record, or choose another id.', {
      details: { investorId: document.investorId, bankMsp: existing.bankMsp, kycStatus: existing.kycStatus },
    });
  }
  const at = txTimestampIso(ctx);
  const investor: InvestorRecord = {
    ...document,
    bankMsp: caller.mspId,
    kycStatus: 'active',
    piiHash: await storePii(ctx, caller.mspId, document.investorId, pii),
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
 * UpdateInvestor's body: replaces the public fields; PII in the transient map, when sent,
 * replaces the stored PII (and restores it after an erasure). A revoked investor is onboarded
 * again instead. A new sanctions hit suspends the investor and blocks their pending requests.
 */
export async function updateInvestor(ctx: Context, investorJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const pii = transientPii(ctx, true);
  const investor = await readInvestor(ctx, document.investorId);
  requireOwnBank(caller, investor.bankMsp, 'investor');
  if (investor.kycStatus === 'revoked') {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', "The investor's KYC is revoked; onboard them again instead of updating the record.", {
      details: { investorId: investor.investorId, kycStatus: investor.kycStatus },
    });
  }
  const at = txTimestampIso(ctx);
  const replaced: InvestorRecord = {
    ...investor,
    ...document,
    ...(pii === undefined ? {} : { piiHash: await storePii(ctx, investor.bankMsp, investor.investorId, pii), piiErasure: null }),
    updatedAt: at,
    updatedBy: caller.identityId,
  };
  // A sanctions status set to hit here takes the path RecordScreening takes: suspension and blocks.
  const { investor: updated } = await applySanctionsOutcome(ctx, investor, replaced);
  await writeRecord(ctx, investorKey(ctx, updated.investorId), updated);
  emitLedgerEvent(ctx, { type: 'InvestorUpdated', payload: updated });
}
