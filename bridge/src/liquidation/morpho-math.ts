// Morpho Blue's fixed-point rules (MathLib, SharesMathLib, ConstantsLib of morpho-blue 1.0),
// re-stated so a liquidator can see, before sending anything, what Morpho will decide. Each function
// rounds the way Morpho does at the same step; the devnet tests compare them with Morpho itself.

export const WAD = 10n ** 18n;
/** Scale of an IOracle price: collateral base units to loan base units, times 1e36. */
export const ORACLE_PRICE_SCALE = 10n ** 36n;
const VIRTUAL_SHARES = 10n ** 6n;
const VIRTUAL_ASSETS = 1n;
const MAX_LIQUIDATION_INCENTIVE_FACTOR = 1_150_000_000_000_000_000n;
const LIQUIDATION_CURSOR = 300_000_000_000_000_000n;

export function mulDivDown(x: bigint, y: bigint, d: bigint): bigint {
  return (x * y) / d;
}

export function mulDivUp(x: bigint, y: bigint, d: bigint): bigint {
  return (x * y + (d - 1n)) / d;
}

export const wMulDown = (x: bigint, y: bigint): bigint => mulDivDown(x, y, WAD);
export const wDivDown = (x: bigint, y: bigint): bigint => mulDivDown(x, WAD, y);
export const wDivUp = (x: bigint, y: bigint): bigint => mulDivUp(x, WAD, y);

/** e^(x·n) − 1 to three Taylor terms, as Morpho compounds a per-second rate over `n` seconds. */
export function wTaylorCompounded(x: bigint, n: bigint): bigint {
  const firstTerm = x * n;
  const secondTerm = mulDivDown(firstTerm, firstTerm, 2n * WAD);
  const thirdTerm = mulDivDown(secondTerm, firstTerm, 3n * WAD);
  return firstTerm + secondTerm + thirdTerm;
}

export const toAssetsUp = (shares: bigint, totalAssets: bigint, totalShares: bigint): bigint => mulDivUp(shares, totalAssets + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);
export const toSharesUp = (assets: bigint, totalAssets: bigint, totalShares: bigint): bigint => mulDivUp(assets, totalShares + VIRTUAL_SHARES, totalAssets + VIRTUAL_ASSETS);

/** The bonus a liquidator gets on repaid debt: 1 / (1 − 0.3·(1 − LLTV)), capped at 1.15 (WAD). */
export function liquidationIncentiveFactor(lltv: bigint): bigint {
  const factor = wDivDown(WAD, WAD - wMulDown(LIQUIDATION_CURSOR, WAD - lltv));
  return factor < MAX_LIQUIDATION_INCENTIVE_FACTOR ? factor : MAX_LIQUIDATION_INCENTIVE_FACTOR;
}

/** The market's borrow totals as Morpho keeps them, and the IRM's rate for the time since `lastUpdate`. */
export interface BorrowTotals {
  readonly totalBorrowAssets: bigint;
  readonly totalBorrowShares: bigint;
}

/** Borrow totals after accruing `ratePerSecond` (WAD) for `elapsed` seconds, as `accrueInterest` would (fee shares aside, which do not change borrow totals). */
export function accrued(totals: BorrowTotals, ratePerSecond: bigint, elapsed: bigint): BorrowTotals {
  if (elapsed <= 0n) return totals;
  const interest = wMulDown(totals.totalBorrowAssets, wTaylorCompounded(ratePerSecond, elapsed));
  return { totalBorrowAssets: totals.totalBorrowAssets + interest, totalBorrowShares: totals.totalBorrowShares };
}

/** One borrower's position in one market, valued at `price` (see `ORACLE_PRICE_SCALE`). */
export interface PositionHealth {
  readonly collateral: bigint;
  readonly borrowShares: bigint;
  /** Debt in loan-token base units, rounded up as Morpho does when judging health. */
  readonly borrowed: bigint;
  /** How much may be borrowed against the collateral at this price and LLTV, rounded down. */
  readonly maxBorrow: bigint;
  /** Loan to value in WAD (debt over collateral value); undefined when the collateral is worth nothing. */
  readonly ltv: bigint | undefined;
  /** Morpho's `_isHealthy`: maxBorrow ≥ borrowed. */
  readonly healthy: boolean;
}

export function positionHealth(position: { collateral: bigint; borrowShares: bigint }, totals: BorrowTotals, price: bigint, lltv: bigint): PositionHealth {
  const borrowed = toAssetsUp(position.borrowShares, totals.totalBorrowAssets, totals.totalBorrowShares);
  const collateralValue = mulDivDown(position.collateral, price, ORACLE_PRICE_SCALE);
  const maxBorrow = wMulDown(collateralValue, lltv);
  return {
    collateral: position.collateral,
    borrowShares: position.borrowShares,
    borrowed,
    maxBorrow,
    ltv: collateralValue === 0n ? undefined : wDivUp(borrowed, collateralValue),
    healthy: position.borrowShares === 0n || maxBorrow >= borrowed,
  };
}

/** What Morpho's `liquidate` with `seizedAssets` (and zero repaidShares) repays, in shares and in loan-token units. */
export function repaidForSeized(seizedAssets: bigint, totals: BorrowTotals, price: bigint, lltv: bigint): { readonly repaidShares: bigint; readonly repaidAssets: bigint } {
  const seizedQuoted = mulDivUp(seizedAssets, price, ORACLE_PRICE_SCALE);
  const repaidShares = toSharesUp(wDivUp(seizedQuoted, liquidationIncentiveFactor(lltv)), totals.totalBorrowAssets, totals.totalBorrowShares);
  return { repaidShares, repaidAssets: toAssetsUp(repaidShares, totals.totalBorrowAssets, totals.totalBorrowShares) };
}
