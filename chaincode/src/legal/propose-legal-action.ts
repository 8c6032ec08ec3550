import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { assetTransition } from '@trestle/compliance/src/ledger/asset-state';
import { parseLegalActionDocument, type LegalActionDocument } from '@trestle/compliance/src/ledger/legal-action';
import type { LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import { legalQuorum } from '@trestle/compliance/src/ledger/legal-quorum';
import { activeConsortium } from '../consortium/consortium-store';
import { formatDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import { readAsset } from '../assets/asset-key';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso, txTimestampSeconds } from '../support/tx-time';
import { auditLegalStep } from './legal-audit';
import { findProposal, openProposalIdOf, writeProposal } from './proposal-key';
import { requireWindowEnded } from './remediation-window';

/**
 * ProposeLegalAction's body (the spv-admin role is checked by the contract): the SPV's
 * administrator proposes one legal step for an asset of their bank, which must be allowed from the
 * asset's state now; only one proposal may be open per asset. A write-off is refused while the
 * remediation window is open, so officers never vote on one that could not apply.
 */
export async function proposeLegalAction(ctx: Context, proposalJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const document = parseLegalActionDocument(proposalJson);
  if ((await findProposal(ctx, document.proposalId)) !== undefined) {
    throw new TrestleError('LEGAL_PROPOSAL_ALREADY_EXISTS', 'A legal proposal with this id already exists; a retried proposal is not a second one.', { details: { proposalId: document.proposalId } });
  }
  const asset = await readAsset(ctx, document.assetId);
  requireOwnBank(caller, asset.administeringBankMsp, 'asset');
  const to = assetTransition(asset, document.action);
  const open = await openProposalIdOf(ctx, asset.assetId);
  if (open !== undefined) {
    throw new TrestleError('LEGAL_PROPOSAL_OPEN', 'Another legal proposal is open on this asset; it must be applied, rejected or withdrawn before the next.', {
      details: { assetId: asset.assetId, openProposalId: open },
    });
  }
  if (document.action === 'write-off') requireWindowEnded(asset, txTimestampSeconds(ctx));
  const proposal: LegalProposal = {
    proposalId: document.proposalId,
    assetId: asset.assetId,
    action: document.action,
    from: asset.state,
    to,
    reason: document.reason,
    legalDocument: document.legalDocument,
    ...terms(document),
    quorum: legalQuorum((await activeConsortium(ctx)).members.banks.length),
    status: 'PENDING',
    proposedAt: txTimestampIso(ctx),
    proposedBy: caller.identityId,
    proposerMsp: caller.mspId,
    proposedTxId: ctx.stub.getTxID(),
    votes: [],
    closure: null,
  };
  await writeProposal(ctx, proposal, false);
  await auditLegalStep(ctx, asset, proposal, 'legal-action-proposed', proposal.reason);
  emitLedgerEvent(ctx, { type: 'LegalActionProposed', payload: proposal });
}

// The action's own terms, the others null, so every proposal record has every field.
function terms(document: LegalActionDocument): Pick<LegalProposal, 'remediationWindowDays' | 'cashSettlement'> {
  switch (document.action) {
    case 'start-remediation':
      return { remediationWindowDays: document.remediationWindowDays, cashSettlement: null };
    case 'redeem':
      return { remediationWindowDays: null, cashSettlement: { ...document.cashSettlement, pricePerUnit: formatDecimalAmount(document.cashSettlement.pricePerUnit) } };
    default:
      return { remediationWindowDays: null, cashSettlement: null };
  }
}
