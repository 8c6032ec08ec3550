import { getAddress, Interface, type Provider } from 'ethers';
import { marketParamsTuple } from '../evm/deploy/morpho-market';
import type { LiquidationMarket, MarketContracts } from './liquidation-market';
import { accrued, positionHealth, type BorrowTotals, type PositionHealth } from './morpho-math';

// Morpho Blue 1.0 emits its events from EventsLib, which solc 0.8.19 leaves out of the contract's
// ABI, so the ones the bridge reads (borrowers, collateral moving in and out) are declared here as
// the library has them.
const MORPHO_EVENTS = new Interface([
  'event SupplyCollateral(bytes32 indexed id, address indexed caller, address indexed onBehalf, uint256 assets)',
  'event Borrow(bytes32 indexed id, address caller, address indexed onBehalf, address indexed receiver, uint256 assets, uint256 shares)',
  'event WithdrawCollateral(bytes32 indexed id, address caller, address indexed onBehalf, address indexed receiver, uint256 assets)',
  'event Liquidate(bytes32 indexed id, address indexed caller, address indexed borrower, uint256 repaidAssets, uint256 repaidShares, uint256 seizedAssets, uint256 badDebtAssets, uint256 badDebtShares)',
]);

/** The market as of the latest block: borrow totals with interest accrued to that block, the oracle's price, the LLTV. */
export interface MarketSnapshot {
  readonly totals: BorrowTotals;
  readonly price: bigint;
  readonly lltv: bigint;
  readonly blockNumber: number;
  readonly timestamp: bigint;
}

export async function marketSnapshot(c: MarketContracts, market: LiquidationMarket, provider: Provider): Promise<MarketSnapshot> {
  const block = await provider.getBlock('latest');
  if (block === null) throw new Error('the EVM node returned no latest block');
  const state = (await c.morpho.market(market.marketId)) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const [, , totalBorrowAssets, totalBorrowShares, lastUpdate] = state;
  // The rate Morpho would apply at the next accrual, for the seconds since the last one.
  const rate = (await c.irm.borrowRateView(marketParamsTuple(market.params), [...state])) as bigint;
  const timestamp = BigInt(block.timestamp);
  return {
    totals: accrued({ totalBorrowAssets, totalBorrowShares }, rate, timestamp - lastUpdate),
    price: (await c.oracle.price()) as bigint,
    lltv: market.params.lltv,
    blockNumber: block.number,
    timestamp,
  };
}

/** One borrower's position, valued in the snapshot. */
export type BorrowerPosition = PositionHealth & { readonly borrower: string };

export async function positionOf(c: MarketContracts, market: LiquidationMarket, snapshot: MarketSnapshot, borrower: string): Promise<BorrowerPosition> {
  const [, borrowShares, collateral] = (await c.morpho.position(market.marketId, borrower)) as [bigint, bigint, bigint];
  return { borrower: getAddress(borrower), ...positionHealth({ collateral, borrowShares }, snapshot.totals, snapshot.price, snapshot.lltv) };
}

/** Every address that ever supplied collateral to or borrowed from the market, from its events. */
export async function borrowersOf(provider: Provider, market: LiquidationMarket, toBlock: number): Promise<string[]> {
  const borrowers = new Set<string>();
  for (const name of ['SupplyCollateral', 'Borrow'] as const) {
    const event = MORPHO_EVENTS.getEvent(name);
    if (event === null) throw new Error(`no ${name} event fragment`);
    const logs = await provider.getLogs({ address: market.morpho, topics: [event.topicHash, market.marketId], fromBlock: market.fromBlock, toBlock });
    for (const log of logs) {
      const parsed = MORPHO_EVENTS.parseLog(log);
      if (parsed !== null) borrowers.add(getAddress(parsed.args.getValue('onBehalf') as string));
    }
  }
  return [...borrowers];
}

/** The market's open positions (collateral or debt), least healthy first. */
export async function openPositions(c: MarketContracts, market: LiquidationMarket, provider: Provider): Promise<{ readonly snapshot: MarketSnapshot; readonly positions: readonly BorrowerPosition[] }> {
  const snapshot = await marketSnapshot(c, market, provider);
  const positions: BorrowerPosition[] = [];
  for (const borrower of await borrowersOf(provider, market, snapshot.blockNumber)) {
    const position = await positionOf(c, market, snapshot, borrower);
    if (position.collateral > 0n || position.borrowShares > 0n) positions.push(position);
  }
  // Unhealthy first, then by LTV, highest first; worthless collateral (no LTV) counts as the highest.
  const rank = (p: BorrowerPosition): bigint => (p.ltv === undefined ? 2n ** 255n : p.ltv);
  positions.sort((a, b) => Number(a.healthy) - Number(b.healthy) || (rank(b) > rank(a) ? 1 : rank(b) < rank(a) ? -1 : 0));
  return { snapshot, positions };
}

export { MORPHO_EVENTS };
