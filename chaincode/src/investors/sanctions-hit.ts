import type { Context } from 'fabric-contract-api';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { callerOf } from '../identity/caller';
import { txTimestampIso } from '../support/tx-time';
import { blockPendingRequests, type BlockedRequests } from './block-pending-requests';

const NONE_BLOCKED: BlockedRequests = { transferIds: [], bridgeOutIds: [] };

/**
 * What a screening recorded on an investor (through RecordScreening or UpdateInvestor) sets off.
 * `before` is the record as it was, `after` with the new screening in place. A new hit (the status
 * becomes `hit` and was not) suspends the investor, with the list version in the reason, and
 * blocks every pending transfer and bridge-out they are party to. Anything else changes nothing
 * more: a hit already recorded has already done this, and clearing a hit lifts neither the
 * suspension (an officer reinstates) nor a block (the bank requests again).
 * Returns the investor record to write and the requests blocked; the caller writes the record.
 */
export async function applySanctionsOutcome(ctx: Context, before: InvestorRecord, after: InvestorRecord): Promise<{ investor: InvestorRecord; blocked: BlockedRequests }> {
  if (after.sanctions.status !== 'hit' || before.sanctions.status === 'hit') return { investor: after, blocked: NONE_BLOCKED };
  const caller = callerOf(ctx);
  const at = txTimestampIso(ctx);
  const listVersion = after.sanctions.listVersion;
  const reason = `Sanctions screening hit on list ${listVersion}: suspended, and pending requests blocked.`;
  const blocked = await blockPendingRequests(ctx, after.bankMsp, {
    at,
    by: caller.identityId,
    byMsp: caller.mspId,
    investorId: after.investorId,
    listVersion,
    reason: `Blocked: a sanctions screening of investor ${after.investorId} on list ${listVersion} is a hit; the request can only be rejected, cancelled or expired.`,
  });
  // A revoked investor is never updated (the callers refuse it), so only active or suspended arrive here.
  const suspended: InvestorRecord = { ...after, kycStatus: 'suspended', lastStatusChange: { kycStatus: 'suspended', reason, changedAt: at, changedBy: caller.identityId } };
  return { investor: suspended, blocked };
}
