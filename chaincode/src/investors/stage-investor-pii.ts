import type { Context } from 'fabric-contract-api';
import { activeConsortium } from '../consortium/consortium-store';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { findInvestor } from './investor-key';
import { stagePii, transientPii } from './investor-pii-store';

/**
 * StageInvestorPii's body (the contract has checked the compliance-officer role): the PII from the
 * transient map goes into the caller's bank's implicit collection under a key holding its hash, and
 * nothing else is written (no public state, no event), so Fabric validates the transaction against
 * that bank's endorsement policy alone and the client sends it to its own bank's peer only. The
 * investor may be new, the bank's own, or one whose bank has left (to adopt); an investor of
 * another bank in force is refused, as OnboardInvestor, UpdateInvestor and AdoptInvestor refuse it.
 * Returns the hash those transactions then take.
 */
export async function stageInvestorPii(ctx: Context, investorId: string): Promise<string> {
  const caller = callerOf(ctx);
  const pii = transientPii(ctx);
  const investor = await findInvestor(ctx, investorId);
  if (investor !== undefined && investor.bankMsp !== caller.mspId && (await activeConsortium(ctx)).members.banks.includes(investor.bankMsp)) {
    requireOwnBank(caller, investor.bankMsp, 'investor');
  }
  return stagePii(ctx, caller.mspId, investorId, pii);
}
