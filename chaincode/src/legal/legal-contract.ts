import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { quorumCount } from '@trestle/compliance/src/ledger/legal-quorum';
import { readAsset } from '../assets/asset-key';
import { activeConsortium } from '../consortium/consortium-store';
import { HOLDING_READERS, LEDGER_READERS } from '../roles/reader-roles';
import { requireAnyRole, requireRole } from '../roles/require-role';
import { ledgerIdArgument, reasonArgument } from '../support/arguments';
import { sortedJson } from '../support/sorted-json';
import { findProposal, openProposalIdOf, readProposal } from './proposal-key';
import { proposeLegalAction } from './propose-legal-action';
import { readTransitions } from './transition-key';
import { approveLegalAction, rejectLegalAction, withdrawLegalAction } from './vote-legal-action';

/**
 * The legal life of a tokenized asset: remediation (with a window), cure, write-off after the
 * window, and redemption, which retires every unit. The SPV's administrator proposes each step
 * with its legal document; compliance officers of a strict majority of the consortium's banks
 * approve it, one vote per bank, never the proposer's; the deciding approval applies it. Each step
 * is recorded with who, when and why: in the proposal, the asset's transition list and the audit.
 */
@Info({ title: 'LegalContract', description: 'Remediation, cure, write-off and redemption of tokenized assets, by proposal and bank quorum' })
export class LegalContract extends Contract {
  constructor() {
    super('LegalContract');
  }

  /**
   * Proposes a legal action (JSON: proposalId, assetId, action, reason, legalDocument {uri, sha256},
   * plus remediationWindowDays for start-remediation or cashSettlement {reference, currency,
   * pricePerUnit} for redeem); only an spv-admin of the asset's bank may.
   */
  @Transaction()
  async ProposeLegalAction(ctx: Context, proposalJson: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    await proposeLegalAction(ctx, proposalJson);
  }

  /** Approves a pending proposal for the caller's bank (reason may be ""); the approval that makes the quorum applies it. */
  @Transaction()
  async ApproveLegalAction(ctx: Context, proposalId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    // An approval may come without a reason: an empty argument means none.
    await approveLegalAction(ctx, ledgerIdArgument(proposalId, 'proposalId'), reason === undefined || reason === '' ? null : reasonArgument(reason));
  }

  /** Rejects a pending proposal for the caller's bank, with a reason; it closes once the quorum can no longer be reached. */
  @Transaction()
  async RejectLegalAction(ctx: Context, proposalId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'compliance-officer');
    await rejectLegalAction(ctx, ledgerIdArgument(proposalId, 'proposalId'), reasonArgument(reason));
  }

  /** Withdraws a pending proposal, with a reason, as an spv-admin of the proposer's bank. */
  @Transaction()
  async WithdrawLegalAction(ctx: Context, proposalId: string, reason: string): Promise<void> {
    await requireRole(ctx, 'spv-admin');
    await withdrawLegalAction(ctx, ledgerIdArgument(proposalId, 'proposalId'), reasonArgument(reason));
  }

  /** One legal proposal as JSON, with its votes and closure; an open one also with `counting` (legal-quorum.ts QuorumCount), null once closed. */
  @Transaction(false)
  @Returns('string')
  async GetLegalProposal(ctx: Context, proposalId: string): Promise<string> {
    await requireAnyRole(ctx, LEDGER_READERS);
    const proposal = await readProposal(ctx, ledgerIdArgument(proposalId, 'proposalId'));
    // An open proposal also says how it stands now: a membership change may have changed who counts.
    const counting = proposal.status === 'PENDING' ? quorumCount(proposal.quorum, proposal.votes, (await activeConsortium(ctx)).members.banks) : null;
    return sortedJson({ ...proposal, counting });
  }

  /**
   * An asset's legal standing as JSON `{assetId, state, remediation, openProposal, transitions}`,
   * transitions oldest first. For the holding readers: a redemption lists every holder's units.
   */
  @Transaction(false)
  @Returns('string')
  async GetLegalHistory(ctx: Context, assetId: string): Promise<string> {
    await requireAnyRole(ctx, HOLDING_READERS);
    const asset = await readAsset(ctx, ledgerIdArgument(assetId, 'assetId'));
    const openId = await openProposalIdOf(ctx, asset.assetId);
    return sortedJson({
      assetId: asset.assetId,
      state: asset.state,
      remediation: asset.remediation,
      openProposal: openId === undefined ? null : ((await findProposal(ctx, openId)) ?? null),
      transitions: await readTransitions(ctx, asset.assetId),
    });
  }
}
