import type { Context } from 'fabric-contract-api';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { illegalTransition, type AssetAction } from '@trestle/compliance/src/ledger/asset-state';
import { currentValuation, type Valuation } from '@trestle/compliance/src/ledger/valuation';
import { instant } from '@trestle/compliance/src/rules/wording';
import { readValuations } from './valuation-key';

/**
 * The asset's current valuation at `now` (Unix seconds). Approval and tokenization rest on a value
 * that still counts: when every valuation has expired, the step is an illegal transition whose
 * missing item is a fresh valuation.
 */
export async function requireCurrentValuation(ctx: Context, asset: Asset, action: AssetAction, now: number): Promise<Valuation> {
  const current = currentValuation(await readValuations(ctx, asset.assetId), now);
  if (current === undefined) {
    throw illegalTransition(asset, action, [`a valuation still valid at ${instant(now)}; every recorded valuation has expired, so an independent appraiser must record a new one`]);
  }
  return current;
}
