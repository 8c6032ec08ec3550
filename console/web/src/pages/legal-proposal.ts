import { api } from '../api';
import { h } from '../dom';
import { bankName, instant } from '../format';
import type { AssetLegal, LegalProposal, Session } from '../types';
import { reasonedActions } from './reasoned-actions';

/** What each legal action does, in the words an officer needs before voting on it. */
const ACTION_WORDS: Readonly<Record<string, string>> = {
  'start-remediation': 'start a remediation: units still move here, but no new collateral may be supplied on the EVM chain',
  cure: 'cure the remediation: back to normal on both chains',
  'write-off': 'write the asset off: the EVM oracle prices its units at zero and lenders take the loss',
  redeem: 'redeem the asset: every unit is retired and its holders are paid',
};

function countLine(proposal: LegalProposal): string {
  const c = proposal.counting;
  if (c === null) return `${proposal.status}.`;
  const approved = c.approvals.length === 0 ? 'no bank yet' : c.approvals.map(bankName).join(', ');
  const rejected = c.rejections.length === 0 ? '' : `; rejected by ${c.rejections.map(bankName).join(', ')}`;
  const left = c.notCounted.length === 0 ? '' : `; votes of ${c.notCounted.map(bankName).join(', ')} no longer count (no longer members)`;
  return `${c.approvals.length} of ${c.requiredBanks} banks needed have approved (${approved}${rejected}${left}).`;
}

/** Why the person sees no buttons, or undefined when they may vote. */
function whyNoVote(proposal: LegalProposal, session: Session): string | undefined {
  if (session.role === 'regulator') return 'Officers of the banks vote; the regulator follows the vote here.';
  if (proposal.votes.some((vote) => vote.officerMsp === session.mspId)) return `${bankName(session.mspId)} has voted; the quorum counts each bank once.`;
  return undefined;
}

/**
 * The asset's open legal proposal (`#/assets/{id}/policy`): what it would do, its legal document,
 * how the vote stands under the membership in force, and for an officer whose bank has not voted,
 * approve or reject with a reason. The chaincode decides (the proposer never votes, one vote per
 * bank) and the page shows its refusal; `changed` redraws the page after a vote.
 */
export async function legalProposalCard(assetId: string, session: Session, changed: () => void): Promise<HTMLElement | null> {
  const { openProposal: proposal } = await api<AssetLegal>('GET', `/assets/${encodeURIComponent(assetId)}/legal`);
  if (proposal === null) return null;
  const vote = (decision: 'approve' | 'reject') => async (reason: string) => {
    await api('POST', `/legal-proposals/${encodeURIComponent(proposal.proposalId)}/${decision}`, { reason });
    changed();
  };
  const why = whyNoVote(proposal, session);
  return h(
    'section',
    { class: 'card', 'data-testid': 'legal-proposal' },
    h('h2', {}, `Legal proposal ${proposal.proposalId}`),
    h('p', { 'data-testid': 'legal-proposal-action' }, `${bankName(proposal.proposerMsp)}'s SPV administrator proposes to ${ACTION_WORDS[proposal.action] ?? proposal.action} (${proposal.from} \u2192 ${proposal.to})${proposal.remediationWindowDays === null ? '' : `, with a ${proposal.remediationWindowDays}-day remediation window`}.`),
    h('p', {}, `Why: ${proposal.reason} (${instant(proposal.proposedAt)})`),
    h('p', {}, 'Legal document: ', h('a', { href: proposal.legalDocument.uri, rel: 'noreferrer' }, proposal.legalDocument.uri), h('span', { class: 'hash' }, ` sha256 ${proposal.legalDocument.sha256}`)),
    h('p', { 'data-testid': 'legal-proposal-count' }, countLine(proposal)),
    h('ul', {}, ...proposal.votes.map((v) => h('li', {}, `${v.decision === 'approve' ? 'Approved' : 'Rejected'} by ${bankName(v.officerMsp)} at ${instant(v.at)}${v.reason === null || v.reason === '' ? '' : `: ${v.reason}`}`))),
    why === undefined
      ? reasonedActions({
          title: 'Your bank\u2019s vote',
          testId: 'legal-vote',
          placeholder: 'What you checked (the document, the default notice, the sale)',
          actions: [
            { label: 'Approve', testId: 'legal-approve', className: 'approve', run: vote('approve') },
            { label: 'Reject', testId: 'legal-reject', className: 'reject', run: vote('reject') },
          ],
        })
      : h('p', { class: 'muted', 'data-testid': 'legal-no-vote' }, why),
  );
}
