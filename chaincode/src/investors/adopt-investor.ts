import type { Context } from 'fabric-contract-api';
import type { AdoptionRequest } from '@trestle/compliance/src/ledger/adoption-request';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { parseInvestorDocument, type InvestorDocument, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { moveHoldingsToBank } from '../assets/holdings';
import { activeConsortium } from '../consortium/consortium-store';
import { callerOf, type Caller } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { implicitCollection } from '../support/private-data';
import { sortedJson } from '../support/sorted-json';
import { emitLedgerEvent } from '../support/ledger-event';
import { INDEX_ENTRY, writeRecord } from '../support/state';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { investorBankIndexKey, investorKey, investorPiiKey, readInvestor } from './investor-key';
import { deleteAdoptionRequest, findAdoptionRequest, readAdoptionRequest, writeAdoptionRequest } from './adoption-request-store';
import { purgePii, purgeReplacedPii, requireStagedPii } from './investor-pii-store';
import { reroutePendingRequests } from './reroute-pending-requests';
import { applySanctionsOutcome } from './sanctions-hit';

/**
 * Adoption of an investor whose bank has left the consortium, in two steps. Nobody else can act for
 * such an investor: every investor transaction needs an officer of the investor's own bank. But
 * adoption hands the investor's holdings and waiting requests to the adopting bank, whose officers
 * and operators may then move their units, so one bank alone must not take another's customers:
 * an officer of the adopting bank requests it (the KYC done again, fresh PII), the regulator
 * approves or rejects it.
 */

/** Refuses unless the investor's bank has left and their KYC is not revoked (a revoked investor is onboarded afresh). */
async function requireAdoptable(ctx: Context, investor: InvestorRecord): Promise<void> {
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
}

/**
 * AdoptInvestor's body (the contract has checked the compliance-officer role, which only counts in
 * a bank in force): records the caller's bank's request to adopt the investor named by
 * `investorJson` (the document OnboardInvestor takes, the KYC done again) with the hash of the
 * fresh PII the caller's bank staged in its collection (StageInvestorPii); the investor record
 * changes only at the regulator's approval. A request the bank replaces gives up the PII it named
 * (purged when the hash differs). A bank may replace its own waiting request; another bank's waiting
 * request is INVESTOR_ADOPTION_PENDING until the regulator decides it.
 */
export async function requestAdoption(ctx: Context, investorJson: string, piiHash: string, reason: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseInvestorDocument(investorJson, txTimestampSeconds(ctx));
  const investor = await readInvestor(ctx, document.investorId);
  await requireAdoptable(ctx, investor);
  const waiting = await findAdoptionRequest(ctx, investor.investorId);
  if (waiting !== undefined && waiting.toBankMsp !== caller.mspId) {
    throw new TrestleError('INVESTOR_ADOPTION_PENDING', `${waiting.toBankMsp}'s request to adopt this investor waits for the regulator; it must be decided first.`, {
      details: { investorId: investor.investorId, toBankMsp: waiting.toBankMsp, requestedAt: waiting.requestedAt },
    });
  }
  const staged = await requireStagedPii(ctx, caller.mspId, investor.investorId, piiHash);
  if (waiting !== undefined) await purgeReplacedPii(ctx, caller.mspId, investor.investorId, waiting.piiHash, staged);
  const request: AdoptionRequest = {
    investorId: investor.investorId,
    fromBankMsp: investor.bankMsp,
    toBankMsp: caller.mspId,
    investorJson: sortedJson(document),
    piiHash: staged,
    reason,
    requestedAt: txTimestampIso(ctx),
    requestedBy: caller.identityId,
  };
  await writeAdoptionRequest(ctx, request);
  emitLedgerEvent(ctx, { type: 'InvestorAdoptionRequested', payload: request });
}

/**
 * ApproveAdoption's body (the contract has checked the regulator role): carries out the waiting
 * request, if it still holds: the investor still with the bank that left (which has not come
 * back), the requesting bank still in force, the document valid now (a KYC that expired meanwhile
 * is refused), and the PII in the requesting bank's collection still the one requested with.
 */
export async function approveAdoption(ctx: Context, investorId: string, reason: string): Promise<void> {
  const approver = callerOf(ctx);
  const request = await readAdoptionRequest(ctx, investorId);
  const investor = await readInvestor(ctx, investorId);
  await requireAdoptable(ctx, investor);
  if (investor.bankMsp !== request.fromBankMsp || !(await activeConsortium(ctx)).members.banks.includes(request.toBankMsp)) {
    throw new TrestleError('INVESTOR_STATUS_CONFLICT', "The request no longer holds: the investor's bank, or the requesting bank's membership, changed since it was made; reject it and request again.", {
      details: { investorId, fromBankMsp: request.fromBankMsp, bankMsp: investor.bankMsp, toBankMsp: request.toBankMsp },
    });
  }
  const document = parseInvestorDocument(request.investorJson, txTimestampSeconds(ctx));
  const storedHash = Buffer.from(await ctx.stub.getPrivateDataHash(implicitCollection(request.toBankMsp), investorPiiKey(ctx, investorId, request.piiHash))).toString('hex');
  if (storedHash !== request.piiHash) {
    throw new TrestleError('INVESTOR_PII_MISSING', "The personal data the request was made with is no longer in the requesting bank's collection; reject the request and request again.", {
      details: { investorId, toBankMsp: request.toBankMsp },
    });
  }
  await applyAdoption(ctx, investor, document, request, approver, reason);
  await deleteAdoptionRequest(ctx, investorId);
}

/**
 * RejectAdoption's body: the regulator rejects a waiting request, or an officer of the requesting
 * bank withdraws it (the contract has checked one of the two roles). The PII stored with it leaves
 * the requesting bank's collection.
 */
export async function rejectAdoption(ctx: Context, investorId: string, reason: string, asRegulator: boolean): Promise<void> {
  const caller = callerOf(ctx);
  const request = await readAdoptionRequest(ctx, investorId);
  if (!asRegulator) requireOwnBank(caller, request.toBankMsp, 'adoption request');
  await purgePii(ctx, request.toBankMsp, investorId, request.piiHash);
  await deleteAdoptionRequest(ctx, investorId);
  emitLedgerEvent(ctx, { type: 'InvestorAdoptionRejected', payload: { request, rejectedBy: caller.identityId, reason } });
}

/**
 * The adoption itself. Whatever acts for the investor's bank follows them: every holding of theirs
 * (units, lots, frozen and escrowed amounts unchanged) and their pending transfers and bridge-outs
 * (reroutePendingRequests says which) move to the adopting bank; records of who requested or
 * approved what keep their bank. Wallet bindings stay as signed (the wallet signed over the
 * leaving bank's name; the identity drift check has the adopting bank's validator register the
 * wallet again on its own claim).
 */
async function applyAdoption(ctx: Context, investor: InvestorRecord, document: InvestorDocument, request: AdoptionRequest, approver: Caller, approvalReason: string): Promise<void> {
  const leaving = investor.bankMsp;
  const adopting = request.toBankMsp;
  const at = txTimestampIso(ctx);
  // The adopting bank vouches with its own KYC: the investor is active again, whatever the leaving bank had suspended.
  const adopted: InvestorRecord = {
    ...investor,
    ...document,
    bankMsp: adopting,
    kycStatus: 'active',
    piiHash: request.piiHash,
    piiErasure: null,
    lastStatusChange: investor.kycStatus === 'active' ? investor.lastStatusChange : { kycStatus: 'active', reason: request.reason, changedAt: at, changedBy: request.requestedBy },
    updatedAt: at,
    updatedBy: request.requestedBy,
    adoptedFrom: { fromBankMsp: leaving, adoptedAt: at, adoptedBy: request.requestedBy, reason: request.reason, approvedBy: approver.identityId, approvalReason },
  };
  // A hit in the adopting bank's screening suspends the investor and blocks their pending requests,
  // as a new hit does under UpdateInvestor. To the adopting bank every hit is new (hence `before`
  // without one), and the requests are listed under the banks they involved when made, so the
  // leaving bank's lists are the ones that hold them all.
  const before: InvestorRecord = { ...adopted, bankMsp: leaving, sanctions: { ...adopted.sanctions, status: 'pending' } };
  const outcome = await applySanctionsOutcome(ctx, before, { ...adopted, bankMsp: leaving });
  const result: InvestorRecord = { ...outcome.investor, bankMsp: adopting };
  await writeRecord(ctx, investorKey(ctx, result.investorId), result);
  await ctx.stub.deleteState(investorBankIndexKey(ctx, leaving, result.investorId));
  await ctx.stub.putState(investorBankIndexKey(ctx, adopting, result.investorId), INDEX_ENTRY);
  const holdings = await moveHoldingsToBank(ctx, result.investorId, adopting);
  const rerouted = await reroutePendingRequests(ctx, { investorId: result.investorId, fromBankMsp: leaving, toBankMsp: adopting }, outcome.blocked);
  emitLedgerEvent(ctx, {
    type: 'InvestorAdopted',
    payload: { investor: result, fromBankMsp: leaving, toBankMsp: adopting, blocked: outcome.blocked, holdings: holdings.map(holdingRecord), rerouted },
  });
}
