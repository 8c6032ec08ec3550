import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { parseScreeningDocument } from '@trestle/compliance/src/ledger/screening-document';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { investorKey, readInvestor } from './investor-key';
import { applySanctionsOutcome } from './sanctions-hit';

/**
 * RecordScreening's body (the contract has checked the officer role): an officer of the investor's
 * own bank records a screening result on the investor's sanctions standing. A new hit suspends the
 * investor and blocks their pending requests (`applySanctionsOutcome`). A screening older than the
 * one on record is refused, so a late or replayed result cannot overwrite a newer one.
 */
export async function recordScreening(ctx: Context, investorId: string, screeningJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const screening = parseScreeningDocument(screeningJson, txTimestampSeconds(ctx));
  const investor = await readInvestor(ctx, investorId);
  requireOwnBank(caller, investor.bankMsp, 'investor');
  if (investor.kycStatus === 'revoked') {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', "The investor's KYC is revoked; onboard them again before recording a screening.", { details: { investorId, kycStatus: investor.kycStatus } });
  }
  if (screening.screenedAt < investor.sanctions.screenedAt) {
    throw new TrestleError('SCREENING_INVALID', 'The screening ran before the one on record; record the latest screening, not an older one.', {
      details: { investorId, screenedAt: screening.screenedAt, recordedScreenedAt: investor.sanctions.screenedAt },
    });
  }
  const at = txTimestampIso(ctx);
  const screened: InvestorRecord = { ...investor, sanctions: { status: screening.status, listVersion: screening.listVersion, screenedAt: screening.screenedAt }, updatedAt: at, updatedBy: caller.identityId };
  const { investor: recorded, blocked } = await applySanctionsOutcome(ctx, investor, screened);
  await writeRecord(ctx, investorKey(ctx, investorId), recorded);
  emitLedgerEvent(ctx, { type: 'InvestorScreened', payload: { investor: recorded, screening, blocked } });
}
