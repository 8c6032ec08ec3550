import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { LegalProposal, LegalVote } from '@trestle/compliance/src/ledger/legal-proposal';
import { quorumInForce, quorumLost, quorumReached, type LegalQuorum } from '@trestle/compliance/src/ledger/legal-quorum';
import { readAsset } from '../assets/asset-key';
import { activeConsortium } from '../consortium/consortium-store';
import { callerOf, type Caller } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso } from '../support/tx-time';
import { applyLegalAction } from './apply-legal-action';
import { auditLegalStep } from './legal-audit';
import { closedProposal } from './proposal-closure';
import { readProposal, writeProposal } from './proposal-key';

// The steps of LegalContract after the proposal, as module functions so none is a transaction.
// Roles are checked by the contract before any of these runs.

/** The proposal, if it is PENDING; LEGAL_PROPOSAL_STATE_CONFLICT naming its status otherwise. */
export function requirePending(proposal: LegalProposal, step: string): LegalProposal {
  if (proposal.status !== 'PENDING') {
    throw new TrestleError('LEGAL_PROPOSAL_STATE_CONFLICT', `The legal proposal is ${proposal.status}; only a PENDING proposal can ${step}.`, {
      details: { proposalId: proposal.proposalId, status: proposal.status },
    });
  }
  return proposal;
}

// The proposer never votes, an officer votes once, and a bank once: its first officer speaks for it.
function requireFirstVoteOfBank(caller: Caller, proposal: LegalProposal): void {
  const details = { proposalId: proposal.proposalId, officerMsp: caller.mspId };
  if (caller.mspId === proposal.proposerMsp && caller.identityId === proposal.proposedBy) {
    throw new TrestleError('LEGAL_SELF_VOTE', 'The proposer of a legal action never votes on it; officers of the banks decide, and the proposer may withdraw it.', { details });
  }
  if (proposal.votes.some((vote) => vote.officerMsp === caller.mspId && vote.officerId === caller.identityId)) {
    throw new TrestleError('LEGAL_ALREADY_VOTED', 'You have already voted on this legal proposal; an officer votes once.', { details });
  }
  if (proposal.votes.some((vote) => vote.officerMsp === caller.mspId)) {
    throw new TrestleError('LEGAL_BANK_ALREADY_VOTED', 'An officer of your bank has already voted on this legal proposal; the quorum counts each bank once.', { details });
  }
}

/** The proposal's votes that count and the quorum they must meet, under the membership in force now. */
async function countedNow(ctx: Context, proposal: LegalProposal): Promise<{ votes: LegalVote[]; quorum: LegalQuorum }> {
  return quorumInForce(proposal.quorum, proposal.votes, (await activeConsortium(ctx)).members.banks);
}

function withVote(ctx: Context, proposal: LegalProposal, decision: LegalVote['decision'], reason: string | null): LegalProposal {
  const caller = callerOf(ctx);
  requireFirstVoteOfBank(caller, proposal);
  const vote: LegalVote = { decision, officerId: caller.identityId, officerMsp: caller.mspId, at: txTimestampIso(ctx), reason, txId: ctx.stub.getTxID() };
  return { ...proposal, votes: [...proposal.votes, vote] };
}

/**
 * Records the calling officer's approval for their bank; the approval that brings the quorum
 * applies the action in the same transaction, or refuses it whole (the vote included) when the
 * action cannot apply now, such as a redemption with units in bridge escrow.
 */
export async function approveLegalAction(ctx: Context, proposalId: string, reason: string | null): Promise<void> {
  const proposal = withVote(ctx, requirePending(await readProposal(ctx, proposalId), 'be approved'), 'approve', reason);
  const counted = await countedNow(ctx, proposal);
  if (quorumReached(counted.votes, counted.quorum)) {
    await applyLegalAction(ctx, proposal);
    return;
  }
  const asset = await readAsset(ctx, proposal.assetId);
  await writeProposal(ctx, proposal, true);
  await auditLegalStep(ctx, asset, proposal, 'legal-action-approved', reason);
  emitLedgerEvent(ctx, { type: 'LegalActionApproved', payload: proposal });
}

/** Records the calling officer's rejection for their bank; once the quorum can no longer be reached the proposal is REJECTED. */
export async function rejectLegalAction(ctx: Context, proposalId: string, reason: string): Promise<void> {
  const voted = withVote(ctx, requirePending(await readProposal(ctx, proposalId), 'be rejected'), 'reject', reason);
  const counted = await countedNow(ctx, voted);
  const proposal = quorumLost(counted.votes, counted.quorum) ? closedProposal(ctx, voted, 'REJECTED', reason, null) : voted;
  const asset = await readAsset(ctx, proposal.assetId);
  await writeProposal(ctx, proposal, true);
  await auditLegalStep(ctx, asset, proposal, 'legal-action-rejected', reason);
  emitLedgerEvent(ctx, { type: 'LegalActionRejected', payload: proposal });
}

/** Withdraws a pending proposal, as an spv-admin of the proposer's bank. */
export async function withdrawLegalAction(ctx: Context, proposalId: string, reason: string): Promise<void> {
  const pending = requirePending(await readProposal(ctx, proposalId), 'be withdrawn');
  requireOwnBank(callerOf(ctx), pending.proposerMsp, 'legal proposal');
  const proposal = closedProposal(ctx, pending, 'WITHDRAWN', reason, null);
  const asset = await readAsset(ctx, proposal.assetId);
  await writeProposal(ctx, proposal, true);
  await auditLegalStep(ctx, asset, proposal, 'legal-action-withdrawn', reason);
  emitLedgerEvent(ctx, { type: 'LegalActionWithdrawn', payload: proposal });
}
