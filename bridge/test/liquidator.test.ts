import test from 'ava';
import type { ContractRunner } from 'ethers';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { advanceTime } from '../src/evm/provider';
import { executeLiquidation } from '../src/liquidation/execute-liquidation';
import { marketContracts, type LiquidationMarket } from '../src/liquidation/liquidation-market';
import { marketSnapshot, openPositions } from '../src/liquidation/market-positions';
import { accrued } from '../src/liquidation/morpho-math';
import { planLiquidation } from '../src/liquidation/plan-liquidation';
import { redeemUnits } from '../src/liquidation/redeem-units';
import { DOLLARS, INITIAL_NAV, marketFixture, UNITS, type MarketFixture } from './support/fixtures';

// Serial: the accrual test moves the shared devnet clock.

const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;

async function liquidationMarket(m: MarketFixture): Promise<LiquidationMarket> {
  return { morpho: await m.morpho.getAddress(), marketId: m.market.id, params: m.market.params, identityRegistry: m.suite.identityRegistry, gateway: await m.gateway.getAddress(), fromBlock: 0 };
}

/** A borrower with 1,000 units (worth $100,000 at the initial NAV) supplied and `debt` borrowed. */
async function borrower(m: MarketFixture, debt: bigint) {
  const wallet = await m.fundedAccount({ dollars: DOLLARS(1_000n) });
  await m.mint(wallet.address, UNITS(1_000n));
  await (await as(m.morpho, wallet).supplyCollateral(m.params, UNITS(1_000n), wallet.address, '0x')).wait();
  await (await as(m.morpho, wallet).borrow(m.params, debt, 0n, wallet.address, wallet.address)).wait();
  return wallet;
}

async function refusal(t: import('ava').ExecutionContext, pending: Promise<unknown>, code: string): Promise<void> {
  const error = await t.throwsAsync(pending);
  t.true(isTrestleError(error), String(error));
  t.is((error as { code?: string }).code, code);
}

test.serial('interest accrued by the reader equals what Morpho books', async (t) => {
  const m = await marketFixture();
  await borrower(m, DOLLARS(50_000n));
  const market = await liquidationMarket(m);
  const c = marketContracts(market, m.provider);
  const before = (await m.morpho.market(m.market.id)) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const rate = (await m.irm.borrowRateView(m.params, [...before])) as bigint;
  await advanceTime(m.provider, 30 * 86_400);
  const receipt = await (await m.morpho.accrueInterest(m.params)).wait();
  const after = (await m.morpho.market(m.market.id)) as [bigint, bigint, bigint, bigint, bigint, bigint];
  const elapsed = after[4] - before[4];
  t.true(elapsed >= 30n * 86_400n, `accrued over ${elapsed} s`);
  t.deepEqual(accrued({ totalBorrowAssets: before[2], totalBorrowShares: before[3] }, rate, elapsed), { totalBorrowAssets: after[2], totalBorrowShares: after[3] });
  // Right after an accrual the snapshot adds nothing of its own.
  const snapshot = await marketSnapshot(c, market, m.provider);
  t.is(snapshot.blockNumber, receipt?.blockNumber);
  t.is(snapshot.totals.totalBorrowAssets, after[2]);
});

test.serial('a permitted liquidator sees the unhealthy position, liquidates it as planned, and redeems the seized units through the gateway', async (t) => {
  const m = await marketFixture();
  const market = await liquidationMarket(m);
  const reader = marketContracts(market, m.provider);
  // $75,000 against $100,000 of collateral at LLTV 77%: healthy, barely.
  const alice = await borrower(m, DOLLARS(75_000n));
  const bob = await borrower(m, DOLLARS(10_000n));

  const healthy = await openPositions(reader, market, m.provider);
  t.deepEqual(healthy.positions.map((p) => [p.borrower, p.healthy]), [[alice.address, true], [bob.address, true]], 'highest LTV first');

  const liquidator = await m.fundedAccount({ dollars: DOLLARS(200_000n) });
  const asLiquidator = marketContracts(market, liquidator);
  await refusal(t, planLiquidation(asLiquidator, market, m.provider, liquidator.address, alice.address, 'all'), 'LIQUIDATION_POSITION_HEALTHY');

  // A 10% lower NAV: $90,000 of collateral, $69,300 of borrowing power against $75,000 owed.
  await (await m.updateNav((INITIAL_NAV * 9n) / 10n)).wait();
  const after = await openPositions(reader, market, m.provider);
  t.deepEqual(after.positions.map((p) => [p.borrower, p.healthy]), [[alice.address, false], [bob.address, true]], 'the unhealthy position first');
  t.true((after.positions[0]?.ltv ?? 0n) > m.market.params.lltv);

  // Wrong amounts, an unverified wallet and an empty purse are refused before anything is sent.
  await refusal(t, planLiquidation(asLiquidator, market, m.provider, liquidator.address, alice.address, 0n), 'LIQUIDATION_AMOUNT_INVALID');
  await refusal(t, planLiquidation(asLiquidator, market, m.provider, liquidator.address, alice.address, UNITS(1_001n)), 'LIQUIDATION_AMOUNT_INVALID');
  const outsider = await m.fundedAccount({ dollars: DOLLARS(200_000n), kyc: false });
  const outsiderNonce = await m.provider.getTransactionCount(outsider.address);
  await refusal(t, planLiquidation(marketContracts(market, outsider), market, m.provider, outsider.address, alice.address, 'all'), 'LIQUIDATOR_NOT_VERIFIED');
  t.is(await m.provider.getTransactionCount(outsider.address), outsiderNonce, 'nothing sent');
  const pauper = await m.fundedAccount({ dollars: 0n });
  await refusal(t, planLiquidation(marketContracts(market, pauper), market, m.provider, pauper.address, alice.address, 'all'), 'LIQUIDATOR_FUNDS_INSUFFICIENT');

  // Seizing 500 units repays 500 × $90 / 1.0741 ≈ $41,894; Morpho books what the plan said, give or take a block's interest.
  const plan = await planLiquidation(asLiquidator, market, m.provider, liquidator.address, alice.address, UNITS(500n));
  const done = await executeLiquidation(asLiquidator, market, plan, liquidator.address);
  t.is(done.seizedAssets, UNITS(500n));
  t.true(done.repaidAssets >= plan.repaidAssets && done.repaidAssets - plan.repaidAssets <= plan.repaidAssets / 100_000n + 1n, `repaid ${done.repaidAssets}, planned ${plan.repaidAssets}`);
  t.is(done.badDebtAssets, 0n);
  t.is(await m.token.balanceOf(liquidator.address), UNITS(500n));
  const [, , collateralLeft] = (await m.morpho.position(m.market.id, alice.address)) as [bigint, bigint, bigint];
  t.is(collateralLeft, UNITS(500n));

  // The seized units go home: a numbered burn for the liquidator's investor, the supply falls.
  const supply = (await m.token.totalSupply()) as bigint;
  await refusal(t, redeemUnits(asLiquidator, liquidator.address, 0n, 'INV-A-0002'), 'REDEEM_AMOUNT_INVALID');
  await refusal(t, redeemUnits(asLiquidator, liquidator.address, UNITS(501n), 'INV-A-0002'), 'REDEEM_AMOUNT_INVALID');
  const burned = await redeemUnits(asLiquidator, liquidator.address, 'all', 'INV-A-0002');
  t.is(burned.amount, UNITS(500n));
  t.true(burned.burnNonce > 0n);
  t.is(await m.token.balanceOf(liquidator.address), 0n);
  t.is(await m.token.totalSupply(), supply - UNITS(500n));
});
