import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseHoldingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { readRecord } from '../support/state';

/** Object type of holdings: composite key holding (assetId, investorId), so one scan lists an asset's holders. */
export const HOLDING_KEY_TYPE = 'holding';

/** The state key of one investor's holding of one asset. */
export function holdingKey(ctx: Context, assetId: string, investorId: string): string {
  return ctx.stub.createCompositeKey(HOLDING_KEY_TYPE, [assetId, investorId]);
}

/** The holding, or HOLDING_NOT_FOUND. */
export async function readHolding(ctx: Context, assetId: string, investorId: string): Promise<Holding> {
  const holding = await readRecord(ctx, holdingKey(ctx, assetId, investorId), parseHoldingRecord);
  if (holding === undefined) throw new TrestleError('HOLDING_NOT_FOUND', 'This investor holds no units of this asset.', { details: { assetId, investorId } });
  return holding;
}
