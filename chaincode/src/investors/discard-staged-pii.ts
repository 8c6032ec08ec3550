import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { findAdoptionRequest } from './adoption-request-store';
import { findInvestor } from './investor-key';
import { purgePii, requireStagedPii } from './investor-pii-store';

/**
 * DiscardStagedInvestorPii's body (the contract has checked the compliance-officer role): purges
 * PII the caller's bank staged (StageInvestorPii) for an investor transaction that then failed, so
 * no personal data stays in the bank's collection without a record naming it. Refused, with
 * nothing written, when the hash is malformed or nothing is staged under it
 * (INVESTOR_PII_NOT_STAGED), and when something still names it (INVESTOR_PII_IN_USE): the bank's
 * investor record (whatever its KYC status: a revoked record keeps its PII until onboarded again
 * or erased), or the bank's adoption request waiting for the regulator. A record whose PII was
 * erased names the hash without holding the PII, so the same PII staged again for an update that
 * failed may go. Staging the same PII twice lands on the same key, which is why the check is
 * needed at all: the staged key may be the very one a record points at.
 *
 * No bank check: the key is looked up only in the caller's own bank's collection, so an officer of
 * another bank can only ever reach that other bank's keys, and Fabric validates the purge against
 * the caller's bank's endorsement policy alone (its own peer endorses it, as StageInvestorPii).
 * The record and request are read from the shared state, so their keys are in the read set: a
 * record transaction naming the hash that commits first invalidates this purge (MVCC), and a purge
 * that commits first invalidates the record transaction, which read the staged key's hash.
 */
export async function discardStagedPii(ctx: Context, investorId: string, piiHash: string): Promise<void> {
  const caller = callerOf(ctx);
  const staged = await requireStagedPii(ctx, caller.mspId, investorId, piiHash);
  const inUse = (by: string) =>
    new TrestleError('INVESTOR_PII_IN_USE', `The staged personal data is what ${by} names, so it is not discarded; erase an investor's personal data with EraseInvestorPii.`, {
      details: { investorId, piiHash: staged, bankMsp: caller.mspId },
    });
  const investor = await findInvestor(ctx, investorId);
  if (investor !== undefined && investor.bankMsp === caller.mspId && investor.piiHash === staged && investor.piiErasure === null) throw inUse("the investor's record");
  const request = await findAdoptionRequest(ctx, investorId);
  if (request !== undefined && request.toBankMsp === caller.mspId && request.piiHash === staged) throw inUse("your bank's adoption request");
  await purgePii(ctx, caller.mspId, investorId, staged);
}
