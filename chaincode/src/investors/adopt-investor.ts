import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { parseInvestorDocument, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { InvestorPii } from '@trestle/compliance/src/ledger/investor-pii';
import { moveHoldingsToBank } from '../assets/holdings';
import { activeConsortium } from '../consortium/consortium-store';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { INDEX_ENTRY, writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { investorBankIndexKey, investorKey, readInvestor } from './investor-key';
import { storePii, transientPii } from './investor-pii-store';
import { reroutePendingRequests } from './reroute-pending-requests';
import { applySanctionsOutcome } from './sanctions-hit';

/**
 * AdoptInvestor's body (the contract has checked the compliance-officer role, which only counts in
 * a bank in force): the caller's bank takes over an investor whose bank has left the consortium,
 * after doing the KYC again. Nobody else can act for such an investor: every investor transaction
 * needs an officer of the investor's own bank. `investorJson` is the document OnboardInvestor takes,
 * naming the existing investor; the PII comes fresh in the transient map and goes into the adopting
 * bank's collection (the leaving bank's copy stays where it is: only that bank can erase it).
 * Whatever acts for the investor's bank follows them: every holding of theirs (units, lots, frozen
 * and escrowed amounts unchanged) and their pending transfers and bridge-outs (reroutePendingRequests
 * says which) move to the adopting bank; records of who requested or approved what keep their bank.
 * Wallet bindings stay as signed (the wallet signed over the leaving bank's name; the identity
 * drift check has the adopting bank's validator register the wallet again on its own claim).
 */
export async function adoptInvestor(ctx: Context, investorJson: string, reason: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const pii = transientPii(ctx) as InvestorPii;
  const investor = await readInvestor(ctx, document.investorId);
  const banksInForce = (await activeConsortium(ctx)).members.banks;
  if (banksInForce.includes(investor.bankMsp)) {
    throw new TrestleError('INVESTOR_BANK_IN_FORCE', "The investor's bank is still a member of the consortium; only an investor whose bank has left is adopted. Their own bank updates the record.", {
      details: { investorId: investor.investorId, bankMsp: investor.bankMsp },
    });
  }
  if (investor.kycStatus === 'revoked') {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', "The investor's KYC is revoked; onboard them afresh under a new id instead of adopting the record.", {
      details: { investorId: investor.investorId, kycStatus: investor.kycStatus },
    });
  }
  const leaving = investor.bankMsp;
  const at = txTimestampIso(ctx);
  // The adopting bank vouches with its own KYC: the investor is active again, whatever the leaving bank had suspended.
  const adopted: InvestorRecord = {
    ...investor,
    ...document,
    bankMsp: caller.mspId,
    kycStatus: 'active',
    piiHash: await storePii(ctx, caller.mspId, investor.investorId, pii),
    piiErasure: null,
    lastStatusChange: investor.kycStatus === 'active' ? investor.lastStatusChange : { kycStatus: 'active', reason, changedAt: at, changedBy: caller.identityId },
    updatedAt: at,
    updatedBy: caller.identityId,
    adoptedFrom: { fromBankMsp: leaving, adoptedAt: at, adoptedBy: caller.identityId, reason },
  };
  // A hit in the adopting bank's screening suspends the investor and blocks their pending requests,
  // as a new hit does under UpdateInvestor. To the adopting bank every hit is new (hence `before`
  // without one), and the requests are listed under the banks they involved when made, so the
  // leaving bank's lists are the ones that hold them all.
  const before: InvestorRecord = { ...adopted, bankMsp: leaving, sanctions: { ...adopted.sanctions, status: 'pending' } };
  const outcome = await applySanctionsOutcome(ctx, before, { ...adopted, bankMsp: leaving });
  const result: InvestorRecord = { ...outcome.investor, bankMsp: caller.mspId };
  await writeRecord(ctx, investorKey(ctx, result.investorId), result);
  await ctx.stub.deleteState(investorBankIndexKey(ctx, leaving, result.investorId));
  await ctx.stub.putState(investorBankIndexKey(ctx, caller.mspId, result.investorId), INDEX_ENTRY);
  const holdings = await moveHoldingsToBank(ctx, result.investorId, caller.mspId);
  const rerouted = await reroutePendingRequests(ctx, { investorId: result.investorId, fromBankMsp: leaving, toBankMsp: caller.mspId }, outcome.blocked);
  emitLedgerEvent(ctx, {
    type: 'InvestorAdopted',
    payload: { investor: result, fromBankMsp: leaving, toBankMsp: caller.mspId, blocked: outcome.blocked, holdings: holdings.map(holdingRecord), rerouted },
  });
}
