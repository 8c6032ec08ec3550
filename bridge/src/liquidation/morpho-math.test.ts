import test from 'ava';
import { accrued, liquidationIncentiveFactor, positionHealth, repaidForSeized, toAssetsUp, toSharesUp, WAD, wTaylorCompounded } from './morpho-math';

// Expected values worked by hand from Morpho Blue's formulas; the devnet test checks the same
// functions against Morpho's own accounting.

test('the liquidation incentive factor follows 1/(1 − 0.3·(1 − LLTV)) and is capped at 1.15', (t) => {
  // LLTV 77%: 1 / (1 − 0.3 · 0.23) = 1 / 0.931 = 1.074113856…
  t.is(liquidationIncentiveFactor(770_000_000_000_000_000n), 1_074_113_856_068_743_286n);
  // LLTV 0 would be 1/0.7 = 1.428…, over the cap.
  t.is(liquidationIncentiveFactor(0n), 1_150_000_000_000_000_000n);
  t.is(liquidationIncentiveFactor(WAD), WAD);
});

test('shares and assets convert with the virtual offsets, rounding up', (t) => {
  // An empty market: 1 asset unit is worth 1e6 shares.
  t.is(toSharesUp(1n, 0n, 0n), 1_000_000n);
  t.is(toAssetsUp(1_000_000n, 0n, 0n), 1n);
  // Rounding up: 1 share of an empty market is still one asset unit owed.
  t.is(toAssetsUp(1n, 0n, 0n), 1n);
  // 1.5e6 shares of a market with 1,000 assets and 1e9 shares: 1.5e6 · 1,001 / 1.001e9 = 1.5, owed as 2.
  t.is(toAssetsUp(1_500_000n, 1_000n, 1_000_000_000n), 2n);
  t.is(toAssetsUp(2_000_000n, 1_000n, 1_000_000_000n), 2n, 'exactly 2 stays 2');
});

test('the Taylor expansion matches e^x − 1 to three terms', (t) => {
  t.is(wTaylorCompounded(0n, 1000n), 0n);
  // x·n = 0.1: 0.1 + 0.005 + 0.0001666… = 0.1051666…
  t.is(wTaylorCompounded(WAD / 10n, 1n), 105_166_666_666_666_666n);
  // Interest accrues on the borrow assets only.
  t.deepEqual(accrued({ totalBorrowAssets: 1_000_000n, totalBorrowShares: 5n }, WAD / 10n, 1n), { totalBorrowAssets: 1_105_166n, totalBorrowShares: 5n });
  t.deepEqual(accrued({ totalBorrowAssets: 7n, totalBorrowShares: 5n }, WAD, 0n), { totalBorrowAssets: 7n, totalBorrowShares: 5n });
});

test('a position is healthy while its debt is within collateral value times LLTV', (t) => {
  const lltv = 770_000_000_000_000_000n;
  // 10,000 collateral units at 100 loan units each (price scaled by 1e36) = 1,000,000 of value.
  const price = 100n * 10n ** 36n;
  const totals = { totalBorrowAssets: 770_000n, totalBorrowShares: 770_000n * 1_000_000n };
  const atLimit = positionHealth({ collateral: 10_000n, borrowShares: 770_000n * 1_000_000n }, totals, price, lltv);
  t.is(atLimit.maxBorrow, 770_000n);
  t.true(atLimit.borrowed >= 770_000n && atLimit.borrowed <= 770_001n);
  t.is(atLimit.healthy, atLimit.borrowed <= 770_000n);
  const over = positionHealth({ collateral: 10_000n, borrowShares: 770_000n * 1_000_000n }, { ...totals, totalBorrowAssets: 770_100n }, price, lltv);
  t.false(over.healthy);
  t.true((over.ltv ?? 0n) > lltv);
  t.true(positionHealth({ collateral: 0n, borrowShares: 0n }, totals, price, lltv).healthy, 'no debt is always healthy');
  t.is(positionHealth({ collateral: 10n, borrowShares: 1n }, totals, 0n, lltv).ltv, undefined, 'worthless collateral has no LTV');
});

test('seizing collateral repays its value divided by the incentive factor', (t) => {
  const lltv = 770_000_000_000_000_000n;
  const price = 70n * 10n ** 36n;
  const totals = { totalBorrowAssets: 700_000n, totalBorrowShares: 700_000n * 1_000_000n };
  const { repaidAssets, repaidShares } = repaidForSeized(10_000n, totals, price, lltv);
  // 700,000 of collateral value / 1.0741… = 651,700 (rounded up at each step).
  t.true(repaidAssets >= 651_699n && repaidAssets <= 651_702n, String(repaidAssets));
  t.true(repaidShares > 0n);
});
