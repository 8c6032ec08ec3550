import type { Context } from 'fabric-contract-api';
import type { AuditAction } from '@trestle/compliance/src/audit/audit-record';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import { appendAudit } from '../audit/audit-key';

/**
 * Appends the audit record of a legal step: the asset and its policy version, the reason given at
 * this step and the legal document's hash. Investors are left out (a redemption concerns them all;
 * its transition record lists them), and the proposal is found through the transaction id, which
 * the proposal keeps for its proposal, each vote and its closure.
 */
export async function auditLegalStep(ctx: Context, asset: Asset, proposal: LegalProposal, action: AuditAction, reason: string | null, amount: string | null = null): Promise<void> {
  await appendAudit(ctx, {
    action,
    assetId: asset.assetId,
    policyVersion: asset.tokenization?.policyVersion ?? null,
    transferId: null,
    investorIds: [],
    amount,
    reason,
    documentHash: proposal.legalDocument.sha256,
    verdicts: null,
  });
}
