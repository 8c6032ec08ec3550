import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseLegalProposal, type LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import { INDEX_ENTRY, readRecord, writeRecord } from '../support/state';

/** Object type of legal proposals: composite key legal~proposal (proposalId). */
export const LEGAL_PROPOSAL_KEY_TYPE = 'legal~proposal';

/**
 * Index of the proposal open on each asset: composite key asset~legal-open (assetId, proposalId),
 * value one zero byte. At most one entry per asset, so two legal actions never race on one asset.
 */
export const OPEN_PROPOSAL_INDEX = 'asset~legal-open';

/** The state key of a legal proposal. */
export function proposalKey(ctx: Context, proposalId: string): string {
  return ctx.stub.createCompositeKey(LEGAL_PROPOSAL_KEY_TYPE, [proposalId]);
}

/** The proposal, or undefined. */
export async function findProposal(ctx: Context, proposalId: string): Promise<LegalProposal | undefined> {
  return readRecord(ctx, proposalKey(ctx, proposalId), parseLegalProposal);
}

/** The proposal, or LEGAL_PROPOSAL_NOT_FOUND. */
export async function readProposal(ctx: Context, proposalId: string): Promise<LegalProposal> {
  const proposal = await findProposal(ctx, proposalId);
  if (proposal === undefined) throw new TrestleError('LEGAL_PROPOSAL_NOT_FOUND', 'No legal proposal has this id.', { details: { proposalId } });
  return proposal;
}

/** The id of the proposal open on the asset, if there is one. */
export async function openProposalIdOf(ctx: Context, assetId: string): Promise<string | undefined> {
  const ids: string[] = [];
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(OPEN_PROPOSAL_INDEX, [assetId])) {
    const [, proposalId] = ctx.stub.splitCompositeKey(key).attributes;
    if (proposalId !== undefined) ids.push(proposalId);
  }
  return ids[0];
}

/**
 * Writes the proposal. The open index changes only when the status does: entered at the proposal,
 * removed when it leaves PENDING (`wasPending` says whether it was listed).
 */
export async function writeProposal(ctx: Context, proposal: LegalProposal, wasPending: boolean): Promise<void> {
  await writeRecord(ctx, proposalKey(ctx, proposal.proposalId), proposal);
  if (wasPending === (proposal.status === 'PENDING')) return;
  const key = ctx.stub.createCompositeKey(OPEN_PROPOSAL_INDEX, [proposal.assetId, proposal.proposalId]);
  if (proposal.status === 'PENDING') await ctx.stub.putState(key, INDEX_ENTRY);
  else await ctx.stub.deleteState(key);
}
