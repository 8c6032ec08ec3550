import type { Context } from 'fabric-contract-api';
import { approvalsOfBanks } from '@trestle/compliance/src/transfers/approval-progress';
import { activeConsortium } from '../consortium/consortium-store';

/**
 * The approvals given by officers of banks in force now, in their order. An approval is stored as
 * history, but a bank removed by a membership change no longer speaks for the consortium: what its
 * officer approved before the removal must not make up the four-eyes count of a request after it
 * (say one rerouted to the bank that adopted its investor), as its legal votes and its validator's
 * signatures no longer count either.
 */
export async function approvalsInForce<A extends { readonly officerMsp: string }>(ctx: Context, approvals: readonly A[]): Promise<A[]> {
  return approvalsOfBanks(approvals, (await activeConsortium(ctx)).members.banks);
}
