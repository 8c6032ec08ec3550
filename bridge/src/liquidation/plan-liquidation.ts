import type { Provider } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { LiquidationMarket, MarketContracts } from './liquidation-market';
import { positionOf, marketSnapshot, type BorrowerPosition, type MarketSnapshot } from './market-positions';
import { repaidForSeized } from './morpho-math';

/** What a liquidation will ask Morpho for, and what it should cost, worked out before sending. */
export interface LiquidationPlan {
  readonly borrower: string;
  readonly position: BorrowerPosition;
  readonly snapshot: MarketSnapshot;
  /** Morpho's two ways to call liquidate: name the collateral to seize, or the debt shares to repay. */
  readonly seizedAssets: bigint;
  readonly repaidShares: bigint;
  /** Loan-token units the liquidator pays, as of the snapshot (a little more by the time it is mined). */
  readonly repaidAssets: bigint;
}

/**
 * Checks, from the chain as it is, everything that would make Morpho or the token refuse the
 * liquidation, and says so as a typed error instead of a bare revert: the position must be
 * unhealthy, the amount within the collateral, the liquidator's wallet verified in the token's
 * identity registry (the seized units are an ERC-3643 transfer to it) and holding the loan tokens.
 * `seize` 'all' takes all the collateral, or, when that would repay more than the debt, repays the
 * whole debt and seizes what that buys.
 */
export async function planLiquidation(c: MarketContracts, market: LiquidationMarket, provider: Provider, liquidator: string, borrower: string, seize: bigint | 'all'): Promise<LiquidationPlan> {
  const snapshot = await marketSnapshot(c, market, provider);
  const position = await positionOf(c, market, snapshot, borrower);
  if (position.healthy) {
    throw new TrestleError('LIQUIDATION_POSITION_HEALTHY', 'The position is healthy: its debt is within the collateral value times the LLTV, so Morpho would refuse to liquidate it.', {
      details: { borrower: position.borrower, borrowed: position.borrowed.toString(), maxBorrow: position.maxBorrow.toString() },
    });
  }
  if (seize !== 'all' && (seize <= 0n || seize > position.collateral)) {
    throw new TrestleError('LIQUIDATION_AMOUNT_INVALID', 'The units to seize must be more than zero and at most the borrower\'s collateral.', { details: { requested: seize.toString(), collateral: position.collateral.toString() } });
  }
  let plan: LiquidationPlan;
  const wanted = seize === 'all' ? position.collateral : seize;
  const bySeizing = repaidForSeized(wanted, snapshot.totals, snapshot.price, snapshot.lltv);
  if (bySeizing.repaidShares <= position.borrowShares) {
    plan = { borrower: position.borrower, position, snapshot, seizedAssets: wanted, repaidShares: 0n, repaidAssets: bySeizing.repaidAssets };
  } else if (seize === 'all') {
    // The collateral is worth more than the debt plus the bonus: repay the debt, seize what it buys.
    plan = { borrower: position.borrower, position, snapshot, seizedAssets: 0n, repaidShares: position.borrowShares, repaidAssets: position.borrowed };
  } else {
    throw new TrestleError('LIQUIDATION_AMOUNT_INVALID', 'Seizing that many units would repay more than the borrower owes; seize fewer, or use "all".', { details: { requested: seize.toString(), borrowed: position.borrowed.toString() } });
  }
  if (!((await c.identityRegistry.isVerified(liquidator)) as boolean)) {
    throw new TrestleError('LIQUIDATOR_NOT_VERIFIED', 'The liquidator\'s wallet is not verified in the token\'s identity registry, so the seized units could not be transferred to it; have the consortium register it first.', { details: { wallet: liquidator } });
  }
  const funds = (await c.loanToken.balanceOf(liquidator)) as bigint;
  if (funds < plan.repaidAssets) {
    throw new TrestleError('LIQUIDATOR_FUNDS_INSUFFICIENT', 'The liquidator holds fewer loan tokens than the liquidation repays.', { details: { wallet: liquidator, holds: funds.toString(), repays: plan.repaidAssets.toString() } });
  }
  return plan;
}
