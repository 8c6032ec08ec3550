import type { Context } from 'fabric-contract-api';
import type { LegalProposal, LegalProposalClosure } from '@trestle/compliance/src/ledger/legal-proposal';
import { callerOf } from '../identity/caller';
import { txTimestampIso } from '../support/tx-time';

/** The proposal closed with `status` by the caller in this transaction: who, when, why, and the transition it made if applied. */
export function closedProposal(ctx: Context, proposal: LegalProposal, status: LegalProposalClosure['status'], reason: string | null, transitionSeq: number | null): LegalProposal {
  const caller = callerOf(ctx);
  return { ...proposal, status, closure: { status, at: txTimestampIso(ctx), by: caller.identityId, byMsp: caller.mspId, reason, txId: ctx.stub.getTxID(), transitionSeq } };
}
