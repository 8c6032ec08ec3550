import { TrestleError } from '../../errors/trestle-error';
import type { JsonObject } from '../../json/json-value';
import { parseAdoptionRequest } from '../../ledger/adoption-request';
import { parseInvestorRecord } from '../../ledger/investor';
import { kycTimeline } from '../../ledger/kyc-timeline';
import { DEFAULT_PAGE_SIZE } from './approvable-handlers';
import { banksInForce } from './banks-in-force';
import { callsOf, json, type Handler, type OfficerCalls } from './handler';
import { asObject, checked, checkedPage } from '../../ledger-client/checked-records';
import { investorArgument, piiTransient, stagedPiiHash, submitWithStagedPii } from '../../ledger-client/investor-arguments';

type InvestorBody = { readonly investor: JsonObject; readonly pii?: JsonObject };
type StatusBody = { readonly action: 'suspend' | 'reinstate' | 'revoke'; readonly reason: string };
type AdoptBody = { readonly investor: JsonObject; readonly pii: JsonObject; readonly reason: string };
type DecisionBody = { readonly reason: string };

const STATUS_TRANSACTIONS = { suspend: 'SuspendInvestor', reinstate: 'ReinstateInvestor', revoke: 'RevokeInvestor' } as const;

/**
 * Whether `bankMsp` is a bank of the membership in force, as AdoptInvestor decides it; null while no
 * membership is in force (then no bank is, and no investor transaction passes either).
 */
async function bankInForce(calls: OfficerCalls, bankMsp: string): Promise<boolean | null> {
  const banks = await banksInForce(calls);
  return banks === null ? null : banks.includes(bankMsp);
}

/**
 * Submits `transaction` with PII: a dry run, then the PII staged in the officer's bank's private
 * collection (StageInvestorPii, endorsed by the bank's own peer alone), then the transaction with
 * its hash only, so the other bank's peer that endorses it never receives the PII
 * (submitWithStagedPii: a refusal comes before anything is staged, and PII staged for a submit
 * that then failed is discarded with DiscardStagedInvestorPii).
 */
async function submitWithPii(calls: OfficerCalls, transaction: 'OnboardInvestor' | 'UpdateInvestor' | 'AdoptInvestor', investorId: string, pii: JsonObject, argument: string, ...more: string[]): Promise<void> {
  await submitWithStagedPii({
    dryRun: (piiHash) => calls.evaluate('InvestorContract', transaction, argument, piiHash, ...more),
    stage: async () => stagedPiiHash(await calls.submitTransient('InvestorContract', 'StageInvestorPii', piiTransient(pii), investorId)),
    submit: (piiHash) => calls.submit('InvestorContract', transaction, argument, piiHash, ...more),
    discard: (piiHash) => calls.submit('InvestorContract', 'DiscardStagedInvestorPii', investorId, piiHash),
  });
}

/** The adoption request waiting for the investor as the ledger answers it, checked; INVESTOR_ADOPTION_NOT_FOUND when none waits. */
async function adoptionOf(calls: OfficerCalls, investorId: string): Promise<JsonObject> {
  return asObject(checked(await calls.evaluate('InvestorContract', 'GetAdoption', investorId), parseAdoptionRequest).raw, 'adoption request');
}

/** The waiting adoption request, or null when none waits (most investors). */
async function waitingAdoption(calls: OfficerCalls, investorId: string): Promise<JsonObject | null> {
  try {
    return await adoptionOf(calls, investorId);
  } catch (error) {
    if (error instanceof TrestleError && error.code === 'INVESTOR_ADOPTION_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The public record (with `adoptedFrom` once adopted), where its KYC stands at the service's time
 * (`kycTimeline`: the same rules both chains apply), whether the investor's bank is still in the
 * consortium (`bankInForce`) and the adoption request waiting for the regulator (`adoption`), so
 * the console can offer adoption and its decision without guessing or a second call.
 */
async function investorReply(calls: OfficerCalls, investorId: string, nowMs: number, status = 200) {
  const { record, raw } = checked(await calls.evaluate('InvestorContract', 'GetInvestor', investorId), parseInvestorRecord);
  return json({ ...asObject(raw, 'investor'), kycTimeline: kycTimeline(record, Math.floor(nowMs / 1000)), bankInForce: await bankInForce(calls, record.bankMsp), adoption: await waitingAdoption(calls, record.investorId) }, status);
}

// The body's investor must be the one the path names (update and adoption).
function requireSameInvestor(investor: JsonObject, investorId: string): void {
  if (investor.investorId !== investorId) {
    throw new TrestleError('OFFICER_REQUEST_MALFORMED', 'The investor in the body must be the one the path names.', { details: { problems: [{ path: 'body.investor.investorId', problem: 'must equal the investorId in the path' }] } });
  }
}

/** GET /investors: a page of a bank's investors (the person's own bank by default). */
export const listInvestors: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const { bank, pageSize, bookmark } = request.input.query;
  const bankMsp = typeof bank === 'string' ? bank : calls.account.mspId;
  const raw = await calls.evaluate('InvestorContract', 'ListInvestorsOfBank', bankMsp, String(typeof pageSize === 'number' ? pageSize : DEFAULT_PAGE_SIZE), typeof bookmark === 'string' ? bookmark : '');
  const page = checkedPage(raw, parseInvestorRecord);
  return json({ bankMsp, records: page.records.map((record) => record.raw), bookmark: page.bookmark });
};

/** GET /investors/{id}: the public record. */
export const getInvestor: Handler = async (request, service) => investorReply(await callsOf(request, service), request.input.path.investorId ?? '', service.clock.now());

/** GET /investors/{id}/pii: personal data; the chaincode allows only officers of the investor's bank. */
export const getInvestorPii: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  return json(asObject(await calls.evaluate('InvestorContract', 'GetInvestorPii', request.input.path.investorId ?? ''), 'PII record'));
};

/** POST /investors: onboards for the officer's bank; the PII is staged first, to the bank's own peer only (submitWithPii). */
export const onboardInvestor: Handler = async (request, service) => {
  const { investor, pii } = request.input.body as InvestorBody;
  const argument = investorArgument(investor, service.clock.now());
  // Checked before any ledger call, as the chaincode will: a bad PII document costs no round trip.
  piiTransient(pii ?? {});
  const calls = await callsOf(request, service);
  await submitWithPii(calls, 'OnboardInvestor', String(investor.investorId), pii ?? {}, argument);
  return investorReply(calls, String(investor.investorId), service.clock.now(), 201);
};

/** PUT /investors/{id}: replaces the public fields, and the PII when the body has it. */
export const updateInvestor: Handler = async (request, service) => {
  const { investor, pii } = request.input.body as InvestorBody;
  const investorId = request.input.path.investorId ?? '';
  requireSameInvestor(investor, investorId);
  const argument = investorArgument(investor, service.clock.now());
  if (pii !== undefined) piiTransient(pii);
  const calls = await callsOf(request, service);
  // No PII in the body keeps the stored PII: an empty hash.
  if (pii === undefined) await calls.submit('InvestorContract', 'UpdateInvestor', argument, '');
  else await submitWithPii(calls, 'UpdateInvestor', investorId, pii, argument);
  return investorReply(calls, investorId, service.clock.now());
};

/** POST /investors/{id}/status: suspend, reinstate or revoke, with a reason. */
export const changeInvestorStatus: Handler = async (request, service) => {
  const { action, reason } = request.input.body as StatusBody;
  const investorId = request.input.path.investorId ?? '';
  const calls = await callsOf(request, service);
  await calls.submit('InvestorContract', STATUS_TRANSACTIONS[action], investorId, reason);
  return investorReply(calls, investorId, service.clock.now());
};

/**
 * POST /investors/{id}/adopt: records the officer's bank's request to adopt an investor whose bank
 * left the consortium, with the KYC done again; checked and sent as onboarding is (the PII staged
 * first, to the bank's own peer only). Nothing moves until the regulator approves, so the answer is the waiting request
 * (200, as a legal vote that leaves its proposal open). The chaincode refuses an investor whose bank
 * is still in force (INVESTOR_BANK_IN_FORCE) and another bank's request while one waits
 * (INVESTOR_ADOPTION_PENDING).
 */
export const adoptInvestor: Handler = async (request, service) => {
  const { investor, pii, reason } = request.input.body as AdoptBody;
  const investorId = request.input.path.investorId ?? '';
  requireSameInvestor(investor, investorId);
  const argument = investorArgument(investor, service.clock.now());
  piiTransient(pii);
  const calls = await callsOf(request, service);
  await submitWithPii(calls, 'AdoptInvestor', investorId, pii, argument, reason);
  return json(await adoptionOf(calls, investorId));
};

/** GET /investors/{id}/adoption: the request waiting for the regulator; INVESTOR_ADOPTION_NOT_FOUND (404) when none waits. */
export const getAdoption: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  return json(await adoptionOf(calls, request.input.path.investorId ?? ''));
};

/**
 * GET /adoptions: a page of the adoption requests waiting, in investor id order, as the ledger lets
 * the person read them: the regulator every bank's, a compliance officer only its own bank's (the
 * chaincode filters the page, so it may hold fewer than pageSize and still carry a bookmark).
 */
export const listAdoptions: Handler = async (request, service) => {
  const calls = await callsOf(request, service);
  const { pageSize, bookmark } = request.input.query;
  const raw = await calls.evaluate('InvestorContract', 'ListAdoptionRequests', String(typeof pageSize === 'number' ? pageSize : DEFAULT_PAGE_SIZE), typeof bookmark === 'string' ? bookmark : '');
  const page = checkedPage(raw, parseAdoptionRequest);
  return json({ records: page.records.map((record) => record.raw), bookmark: page.bookmark });
};

/**
 * POST /investors/{id}/adoption/approve|reject: the regulator approves (the investor moves) or
 * rejects; reject is also how the requesting bank's officer withdraws. The chaincode decides who
 * may; the answer is the investor as GET /investors/{id} gives it, the request gone.
 */
export function decideAdoption(decision: 'approve' | 'reject'): Handler {
  return async (request, service) => {
    const investorId = request.input.path.investorId ?? '';
    const { reason } = request.input.body as DecisionBody;
    const calls = await callsOf(request, service);
    await calls.submit('InvestorContract', decision === 'approve' ? 'ApproveAdoption' : 'RejectAdoption', investorId, reason);
    return investorReply(calls, investorId, service.clock.now());
  };
}
