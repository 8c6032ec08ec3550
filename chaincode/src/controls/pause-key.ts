import type { Context } from 'fabric-contract-api';
import { parseAssetPause, type AssetPause } from '@trestle/compliance/src/controls/control-records';
import { readRecord } from '../support/state';

/** Object type of pause records: composite key asset~pause (assetId). No record means never paused. */
export const PAUSE_KEY_TYPE = 'asset~pause';

/** The state key of an asset's pause record. */
export function pauseKey(ctx: Context, assetId: string): string {
  return ctx.stub.createCompositeKey(PAUSE_KEY_TYPE, [assetId]);
}

/** The asset's last pause or unpause, or undefined when it was never paused. */
export async function findPause(ctx: Context, assetId: string): Promise<AssetPause | undefined> {
  return readRecord(ctx, pauseKey(ctx, assetId), parseAssetPause);
}

/** Whether the asset is paused now. */
export async function isPaused(ctx: Context, assetId: string): Promise<boolean> {
  return (await findPause(ctx, assetId))?.paused ?? false;
}
