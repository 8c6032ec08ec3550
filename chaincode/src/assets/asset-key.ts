import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseAssetRecord, type Asset } from '@trestle/compliance/src/ledger/asset';
import { readRecord } from '../support/state';

/** Object type of asset records: composite key asset (assetId). */
export const ASSET_KEY_TYPE = 'asset';

/** The state key of one asset. */
export function assetKey(ctx: Context, assetId: string): string {
  return ctx.stub.createCompositeKey(ASSET_KEY_TYPE, [assetId]);
}

/** The asset `assetId`, or ASSET_NOT_FOUND. */
export async function readAsset(ctx: Context, assetId: string): Promise<Asset> {
  const asset = await readRecord(ctx, assetKey(ctx, assetId), parseAssetRecord);
  if (asset === undefined) throw new TrestleError('ASSET_NOT_FOUND', 'No asset has this id; create it first or check the id.', { details: { assetId } });
  return asset;
}
