import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { readJsonDocument } from '@trestle/compliance/src/ledger/read-json-document';
import { readPolicy } from '@trestle/compliance/src/policy/parse-policy';
import { POLICY_FIELDS, policyToDocument, type Policy } from '@trestle/compliance/src/policy/policy';
import { checkPolicyChange } from '@trestle/compliance/src/policy/policy-change';
import { policyHash } from '@trestle/compliance/src/policy/policy-hash';
import { appendAudit } from '../audit/audit-key';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso } from '../support/tx-time';
import { readAsset } from './asset-key';
import { requireTokenized } from './current-policy';
import { readPolicyChanges, writePolicyChange } from './policy-change-store';

/** A policy document sent as a transaction argument, validated by the same reader as the policy inside a tokenization document. */
export function parsePolicyArgument(policyJson: unknown): Policy {
  return readJsonDocument(policyJson, { code: 'POLICY_INVALID', name: 'policy', fields: POLICY_FIELDS, read: readPolicy });
}

/**
 * ProposePolicyChange's body (the contract has checked the officer role): validates the new
 * version against the one in force (same asset, version one more, something other than the version
 * changed), refuses a second open proposal, and stores it PROPOSED for an officer of another bank.
 */
export async function proposePolicyChange(ctx: Context, assetId: string, policyJson: string): Promise<void> {
  const caller = callerOf(ctx);
  const next = parsePolicyArgument(policyJson);
  const { asset, policy: current } = await requireTokenized(ctx, await readAsset(ctx, assetId));
  const hash = policyHash(next);
  const currentHash = policyHash(current);
  const unchanged = (details: Record<string, unknown>) =>
    new TrestleError('POLICY_CHANGE_UNCHANGED', 'The proposed policy is the policy in force; a change must alter at least one rule.', { details: { assetId, version: current.version, ...details } });
  if (hash === currentHash) throw unchanged({ policyHash: hash });
  const change = checkPolicyChange(current, next);
  if (change.changedFields.length === 0) throw unchanged({ changedFields: [] });
  const changes = await readPolicyChanges(ctx, assetId);
  const open = changes.find((proposal) => proposal.status === 'PROPOSED');
  if (open !== undefined) {
    throw new TrestleError('POLICY_CHANGE_OPEN', `A change to version ${open.version} of the policy is already open; approve or reject it before proposing another.`, {
      details: { assetId, version: open.version, seq: open.seq, proposedByMsp: open.proposedByMsp, proposedAt: open.proposedAt },
    });
  }
  const proposal: PolicyChangeProposal = {
    assetId,
    seq: changes.length + 1,
    version: next.version,
    policyHash: hash,
    document: policyToDocument(next),
    fromVersion: current.version,
    fromPolicyHash: currentHash,
    changedFields: change.changedFields,
    proposedBy: caller.identityId,
    proposedByMsp: caller.mspId,
    proposedAt: txTimestampIso(ctx),
    status: 'PROPOSED',
    decision: null,
  };
  await writePolicyChange(ctx, proposal);
  await appendAudit(ctx, {
    action: 'policy-change-proposed',
    assetId: asset.assetId,
    policyVersion: current.version,
    transferId: null,
    investorIds: [],
    amount: null,
    reason: `Proposes policy version ${proposal.version} (sha256 ${hash}) to replace version ${current.version} (sha256 ${currentHash}); it changes ${change.changedFields.join(', ')}.`,
    documentHash: hash,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: 'PolicyChangeProposed', payload: proposal });
}
