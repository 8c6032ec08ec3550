import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';

/** No units of a paused asset move (a pause is how officers stop an asset while they investigate). */
export function checkAssetNotPaused(input: TransferCheckInput): RuleVerdict {
  const { assetId, paused } = input.asset;
  const details = { assetId, paused };
  if (!paused) return pass('asset-not-paused', `Asset ${assetId} is not paused.`, details);
  return fail('asset-not-paused', 'ASSET_PAUSED', `Asset ${assetId} is paused; transfers can be requested again once an officer unpauses it.`, details);
}
