import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import type { TransferApproval } from '@trestle/compliance/src/transfers/transfer-record';
import { callerOf, type Caller } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import type { RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import { mspIdArgument } from './arguments';
import { pageSizeArgument, readPage } from './pagination';
import { txTimestampSeconds } from './tx-time';

// The checks every request that officers approve shares (a transfer, a bridge-out): time to live,
// never the requester, one approval per officer, and the refusal that lists every failed rule.

/** A pending request as these checks see it. */
export type PendingRequest = {
  readonly requesterMsp: string;
  readonly requestedBy: string;
  readonly approvals: readonly TransferApproval[];
  readonly expiresAtSeconds: number;
};

/**
 * Refuses an approval by `caller` of `request` (a `noun`, such as "transfer", identified by
 * `details`): past its time to live (TRANSFER_EXPIRED), by its requester (TRANSFER_SELF_APPROVAL),
 * or a second time by the same officer (TRANSFER_ALREADY_APPROVED).
 */
export function requireApprovable(ctx: Context, caller: Caller, request: PendingRequest, noun: string, details: Record<string, string>): void {
  if (txTimestampSeconds(ctx) >= request.expiresAtSeconds) {
    throw new TrestleError('TRANSFER_EXPIRED', `The ${noun} has outlived its time to live and can no longer be approved; expire it, and request it again if still wanted.`, {
      details: { ...details, expiresAtSeconds: request.expiresAtSeconds },
    });
  }
  if (caller.mspId === request.requesterMsp && caller.identityId === request.requestedBy) {
    throw new TrestleError('TRANSFER_SELF_APPROVAL', `An officer never approves a ${noun} they requested; another officer must.`, { details });
  }
  if (request.approvals.some((approval) => approval.officerMsp === caller.mspId && approval.officerId === caller.identityId)) {
    throw new TrestleError('TRANSFER_ALREADY_APPROVED', `You have already approved this ${noun}; a second approval by the same officer does not count.`, { details });
  }
}

/** Refuses expiring a request still within its time to live (TRANSFER_NOT_EXPIRED). */
export function requireExpired(ctx: Context, request: Pick<PendingRequest, 'expiresAtSeconds'>, noun: string, details: Record<string, string>): void {
  if (txTimestampSeconds(ctx) < request.expiresAtSeconds) {
    throw new TrestleError('TRANSFER_NOT_EXPIRED', `The ${noun} is still within its time to live; it can be expired from the instant in the details on.`, {
      details: { ...details, expiresAtSeconds: request.expiresAtSeconds },
    });
  }
}

/** The refusal of a request the rules fail: every failed rule with its reason and sentence. */
export function rulesRefusal(code: 'TRANSFER_REFUSED' | 'BRIDGE_OUT_REFUSED', noun: string, details: Record<string, string>, verdict: TransferVerdict): TrestleError {
  return new TrestleError(code, `The ${noun} fails ${verdict.failed.length} of the rules; the details list each reason and what would satisfy it.`, {
    details: { ...details, failed: [...verdict.failed], reasons: verdict.verdicts.filter((rule) => !rule.passed).map((rule) => ({ rule: rule.rule, reason: rule.reason, sentence: rule.sentence })) },
  });
}

/**
 * A page of the requests waiting at one bank, from a pending index keyed (bankMsp, id): the
 * caller's own bank only, unless the caller reads as the regulator. `read` loads a request by id.
 */
export async function pendingAtBank<T>(ctx: Context, grant: RoleGrant, index: string, bankMsp: unknown, pageSize: unknown, bookmark: unknown, noun: string, read: (id: string) => Promise<T>): Promise<LedgerPage<T>> {
  const bank = mspIdArgument(bankMsp, 'bankMsp');
  if (grant.role !== 'regulator') requireOwnBank(callerOf(ctx), bank, noun);
  return readPage(ctx, index, [bank], pageSizeArgument(pageSize), bookmark, async (row) => {
    const [, id = ''] = ctx.stub.splitCompositeKey(row.key).attributes;
    return read(id);
  });
}
