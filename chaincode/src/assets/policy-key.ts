import type { Context } from 'fabric-contract-api';
import type { PolicyDocument } from '@trestle/compliance/src/policy/policy';
import { sequenceAttribute } from './sequence-attribute';

/** Object type of policy versions: composite key asset~policy (assetId, version as ten digits). */
export const POLICY_KEY_TYPE = 'asset~policy';

/** One version of an asset's policy as stored: the document itself and the hash it is known by. */
export type PolicyVersionRecord = {
  readonly assetId: string;
  readonly version: number;
  readonly policyHash: string;
  readonly document: PolicyDocument;
  readonly attachedAt: string;
  readonly attachedBy: string;
};

/** The state key of one policy version of an asset. */
export function policyKey(ctx: Context, assetId: string, version: number): string {
  return ctx.stub.createCompositeKey(POLICY_KEY_TYPE, [assetId, sequenceAttribute(version)]);
}
