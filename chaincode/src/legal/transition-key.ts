import type { Context } from 'fabric-contract-api';
import { parseLegalTransition, type LegalTransition } from '@trestle/compliance/src/ledger/legal-transition';
import { sequenceAttribute } from '../assets/sequence-attribute';
import { decodeJson, valuesByPartialKey, writeRecord } from '../support/state';

/** Object type of legal transitions: composite key asset~legal (assetId, seq as ten digits). */
export const LEGAL_TRANSITION_KEY_TYPE = 'asset~legal';

/** Writes transition `transition.seq` of its asset. */
export async function writeTransition(ctx: Context, transition: LegalTransition): Promise<void> {
  await writeRecord(ctx, ctx.stub.createCompositeKey(LEGAL_TRANSITION_KEY_TYPE, [transition.assetId, sequenceAttribute(transition.seq)]), transition);
}

/** Every legal transition of an asset, oldest first. */
export async function readTransitions(ctx: Context, assetId: string): Promise<LegalTransition[]> {
  return (await valuesByPartialKey(ctx, LEGAL_TRANSITION_KEY_TYPE, [assetId])).map((value) => parseLegalTransition(decodeJson(value)));
}
