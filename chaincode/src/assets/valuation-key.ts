import type { Context } from 'fabric-contract-api';
import { parseValuationRecord, type Valuation } from '@trestle/compliance/src/ledger/valuation';
import { decodeJson, valuesByPartialKey } from '../support/state';
import { sequenceAttribute } from './sequence-attribute';

/** Object type of valuations: composite key asset~valuation (assetId, seq as ten digits). */
export const VALUATION_KEY_TYPE = 'asset~valuation';

/** The state key of valuation `seq` of an asset. */
export function valuationKey(ctx: Context, assetId: string, seq: number): string {
  return ctx.stub.createCompositeKey(VALUATION_KEY_TYPE, [assetId, sequenceAttribute(seq)]);
}

/** Every valuation of an asset, oldest first, expired ones included. */
export async function readValuations(ctx: Context, assetId: string): Promise<Valuation[]> {
  const values = await valuesByPartialKey(ctx, VALUATION_KEY_TYPE, [assetId]);
  return values.map((value) => parseValuationRecord(decodeJson(value)));
}
