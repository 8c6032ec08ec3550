import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { appendAudit } from '../audit/audit-key';
import { callerOf, type Caller } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { assetKey, readAsset } from './asset-key';
import { requireTokenized } from './current-policy';
import { readPolicyChanges, requireOpenChange, writePolicyChange } from './policy-change-store';
import { policyKey, type PolicyVersionRecord } from './policy-key';

// The decisions on a proposed policy change, as module functions so none is a transaction. The
// contract has checked the compliance-officer role before any of these runs.

const isProposer = (caller: Caller, proposal: PolicyChangeProposal) => caller.mspId === proposal.proposedByMsp && caller.identityId === proposal.proposedBy;

function sameBank(proposal: PolicyChangeProposal, caller: Caller, sentence: string): TrestleError {
  return new TrestleError('POLICY_CHANGE_SAME_BANK', sentence, { details: { assetId: proposal.assetId, version: proposal.version, proposedByMsp: proposal.proposedByMsp, callerMsp: caller.mspId } });
}

function decided(ctx: Context, proposal: PolicyChangeProposal, status: 'APPROVED' | 'REJECTED', reason: string | null): PolicyChangeProposal {
  const caller = callerOf(ctx);
  return { ...proposal, status, decision: { by: caller.identityId, byMsp: caller.mspId, at: txTimestampIso(ctx), reason } };
}

async function openChange(ctx: Context, assetId: string, version: number): Promise<PolicyChangeProposal> {
  return requireOpenChange(await readPolicyChanges(ctx, assetId), assetId, version);
}

/**
 * Puts a proposed version in force, as an officer of a bank other than the proposer's: stores the
 * version record (as tokenization stores version 1), names it on the asset, closes the proposal.
 * Transfers and bridge-outs judged from then on, pending ones included at settlement, read it.
 */
export async function approvePolicyChange(ctx: Context, assetId: string, version: number, reason: string | null): Promise<void> {
  const caller = callerOf(ctx);
  const asset = await readAsset(ctx, assetId);
  const proposal = await openChange(ctx, asset.assetId, version);
  if (caller.mspId === proposal.proposedByMsp) throw sameBank(proposal, caller, "A policy change needs officers of two banks; an officer of a bank other than the proposer's must approve it.");
  const { asset: live, policy: current } = await requireTokenized(ctx, asset);
  // One open proposal at a time and only approvals change the version, so this holds; checked because a policy must never skip or repeat a version.
  if (current.version !== proposal.fromVersion) {
    throw new TrestleError('POLICY_CHANGE_STATE_CONFLICT', `The policy in force is version ${current.version}, not the version ${proposal.fromVersion} this change was proposed against; reject it and propose it again.`, {
      details: { assetId, version, fromVersion: proposal.fromVersion, inForce: current.version },
    });
  }
  const at = txTimestampIso(ctx);
  const approved = decided(ctx, proposal, 'APPROVED', reason);
  const record: PolicyVersionRecord = { assetId, version, policyHash: proposal.policyHash, document: proposal.document, attachedAt: at, attachedBy: caller.identityId };
  const tokenization = live.tokenization as NonNullable<Asset['tokenization']>;
  const changed: Asset = { ...live, tokenization: { ...tokenization, policyVersion: version, policyHash: proposal.policyHash }, updatedAt: at, updatedBy: caller.identityId };
  await writeRecord(ctx, policyKey(ctx, assetId, version), record);
  await writeRecord(ctx, assetKey(ctx, assetId), changed);
  await writePolicyChange(ctx, approved);
  await appendAudit(ctx, {
    action: 'policy-changed',
    assetId,
    policyVersion: version,
    transferId: null,
    investorIds: [],
    amount: null,
    reason:
      `Policy version ${version} (sha256 ${proposal.policyHash}), proposed by ${proposal.proposedBy} of ${proposal.proposedByMsp} at ${proposal.proposedAt}, ` +
      `replaces version ${proposal.fromVersion} (sha256 ${proposal.fromPolicyHash}); approved${reason === null ? '' : `: ${reason}`}.`,
    documentHash: proposal.policyHash,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: 'PolicyChanged', payload: { asset: changed, proposal: approved } });
}

/** Rejects an open policy change: its proposer withdrawing it, or an officer of another bank refusing it. */
export async function rejectPolicyChange(ctx: Context, assetId: string, version: number, reason: string): Promise<void> {
  const caller = callerOf(ctx);
  const asset = await readAsset(ctx, assetId);
  const proposal = await openChange(ctx, asset.assetId, version);
  if (caller.mspId === proposal.proposedByMsp && !isProposer(caller, proposal)) {
    throw sameBank(proposal, caller, "Only the proposer may withdraw a policy change for their bank; otherwise an officer of another bank decides on it.");
  }
  const rejected = decided(ctx, proposal, 'REJECTED', reason);
  await writePolicyChange(ctx, rejected);
  await appendAudit(ctx, {
    action: 'policy-change-rejected',
    assetId,
    policyVersion: asset.tokenization?.policyVersion ?? null,
    transferId: null,
    investorIds: [],
    amount: null,
    reason: `${isProposer(caller, proposal) ? 'Withdrawn by its proposer' : 'Rejected'}: policy version ${version} (sha256 ${proposal.policyHash}), proposed by ${proposal.proposedBy} of ${proposal.proposedByMsp}; ${reason}`,
    documentHash: proposal.policyHash,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: 'PolicyChangeRejected', payload: rejected });
}
