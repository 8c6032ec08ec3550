import type { JsonObject } from '../../json/json-value';
import { parseInvestorRecord } from '../../ledger/investor';
import type { ApprovableKind } from './approvable-kinds';
import { callsOf, json, type Handler, type OfficerCalls } from './handler';
import { checked, checkedPage } from '../../ledger-client/checked-records';
import { banksInForce } from './banks-in-force';
import { readPolicyRecord } from './policy-record';

type DecisionBody = { readonly reason: string };

/** Records a page lists when the client does not say. */
export const DEFAULT_PAGE_SIZE = 25;

/** One page of a bank's pending requests of `kind`, each with the approvals it still needs. */
export async function pendingPage<T>(kind: ApprovableKind<T>, calls: OfficerCalls, bankMsp: string, pageSize: number, bookmark: string): Promise<JsonObject> {
  const raw = await calls.evaluate(kind.contract, kind.transactions.listPending, bankMsp, String(pageSize), bookmark);
  const page = checkedPage(raw, kind.parse);
  const banks = await banksInForce(calls);
  return { bankMsp, records: page.records.map(({ raw: record, record: typed }) => ({ [kind.key]: record, missingApprovals: kind.missing(typed, banks) })), bookmark: page.bookmark };
}

async function current<T>(kind: ApprovableKind<T>, calls: OfficerCalls, id: string): Promise<JsonObject> {
  const { raw, record } = checked(await calls.evaluate(kind.contract, kind.transactions.get, id), kind.parse);
  return { [kind.key]: raw, missingApprovals: kind.missing(record, await banksInForce(calls)) };
}

/** GET /pending/…: the bank's queue (the person's own bank unless `bank` says otherwise; the chaincode decides who may read which). */
export function listPending<T>(kind: ApprovableKind<T>): Handler {
  return async (request, service) => {
    const calls = await callsOf(request, service);
    const { bank, pageSize, bookmark } = request.input.query;
    return json(await pendingPage(kind, calls, typeof bank === 'string' ? bank : calls.account.mspId, typeof pageSize === 'number' ? pageSize : DEFAULT_PAGE_SIZE, typeof bookmark === 'string' ? bookmark : ''));
  };
}

/** GET one request with its evidence: the investors' public records and the asset's policy. */
export function getOne<T>(kind: ApprovableKind<T>): Handler {
  return async (request, service) => {
    const calls = await callsOf(request, service);
    const { raw, record } = checked(await calls.evaluate(kind.contract, kind.transactions.get, request.input.path[kind.idParameter] ?? ''), kind.parse);
    const { assetId, investors } = kind.evidence(record);
    const evidence: Record<string, JsonObject[string]> = { policy: readPolicyRecord(await calls.evaluate('AssetContract', 'GetPolicy', assetId)) };
    for (const [role, investorId] of Object.entries(investors)) evidence[role] = checked(await calls.evaluate('InvestorContract', 'GetInvestor', investorId), parseInvestorRecord).raw;
    return json({ [kind.key]: raw, missingApprovals: kind.missing(record, await banksInForce(calls)), evidence });
  };
}

/** POST …/approve or …/reject: one transaction signed by the officer, with their reason; answers the request as it is after it. */
export function decide<T>(kind: ApprovableKind<T>, decision: 'approve' | 'reject'): Handler {
  return async (request, service) => {
    const calls = await callsOf(request, service);
    const id = request.input.path[kind.idParameter] ?? '';
    const { reason } = request.input.body as DecisionBody;
    await calls.submit(kind.contract, kind.transactions[decision], id, reason);
    return json(await current(kind, calls, id));
  };
}
