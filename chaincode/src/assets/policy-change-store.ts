import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parsePolicyChangeProposal, type PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { decodeJson, valuesByPartialKey, writeRecord } from '../support/state';
import { sequenceAttribute } from './sequence-attribute';

/** Object type of policy change proposals: composite key asset~policy-change (assetId, seq as ten digits). */
export const POLICY_CHANGE_KEY_TYPE = 'asset~policy-change';

/** The state key of proposal `seq` of an asset. */
export function policyChangeKey(ctx: Context, assetId: string, seq: number): string {
  return ctx.stub.createCompositeKey(POLICY_CHANGE_KEY_TYPE, [assetId, sequenceAttribute(seq)]);
}

/** Every policy change proposed for an asset, oldest first. An asset sees a handful in its life, so one scan reads them all. */
export async function readPolicyChanges(ctx: Context, assetId: string): Promise<PolicyChangeProposal[]> {
  const values = await valuesByPartialKey(ctx, POLICY_CHANGE_KEY_TYPE, [assetId]);
  return values.map((value) => parsePolicyChangeProposal(decodeJson(value)));
}

/** Writes a proposal under its asset and seq. */
export async function writePolicyChange(ctx: Context, proposal: PolicyChangeProposal): Promise<void> {
  await writeRecord(ctx, policyChangeKey(ctx, proposal.assetId, proposal.seq), proposal);
}

/** The version argument of a decision: a whole number from 2 (version 1 is attached at tokenization, never proposed). */
export function policyVersionArgument(value: unknown, assetId: string): number {
  const text = typeof value === 'string' ? value : '';
  if (!/^[1-9][0-9]{0,9}$/.test(text) || Number(text) < 2) {
    throw new TrestleError('POLICY_CHANGE_NOT_FOUND', 'No policy change can have this version; pass the version number of the proposal, a whole number from 2.', {
      details: { assetId, argument: 'version', length: text.length },
    });
  }
  return Number(text);
}

/**
 * The open proposal of version `version`: POLICY_CHANGE_NOT_FOUND when no proposal ever had that
 * version, POLICY_CHANGE_STATE_CONFLICT naming the status when every one that had it is decided.
 */
export function requireOpenChange(changes: readonly PolicyChangeProposal[], assetId: string, version: number): PolicyChangeProposal {
  const ofVersion = changes.filter((change) => change.version === version);
  const open = ofVersion.find((change) => change.status === 'PROPOSED');
  if (open !== undefined) return open;
  const last = ofVersion.at(-1);
  if (last === undefined) {
    throw new TrestleError('POLICY_CHANGE_NOT_FOUND', 'No change to this version of the policy was proposed for the asset; list its policy changes to see which exist.', { details: { assetId, version } });
  }
  throw new TrestleError('POLICY_CHANGE_STATE_CONFLICT', `The policy change to version ${version} is ${last.status}; only a PROPOSED change can be approved or rejected.`, {
    details: { assetId, version, seq: last.seq, status: last.status },
  });
}
