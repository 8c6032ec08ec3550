import { MaxUint256, type JsonRpcProvider, type Wallet } from 'ethers';
import { CLAIM_TOPICS } from '@trestle/bridge/src/evm/claim-topics';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import { USD, WAD } from './bench-params';
import type { CollateralMarket } from './collateral-market';
import type { LendingVenue } from './lending-venue';
import { gasOf } from './measure';
import { publishNextNav, type NavAuthority } from '@trestle/bridge/src/evm/deploy/nav-oracle';

/** The Morpho Blue calls the bench compares; `liquidateRepeat` is a second seizure by the same liquidator. */
export const MORPHO_CALLS = ['supplyCollateral', 'borrow', 'repay', 'liquidate', 'liquidateRepeat'] as const;
export type MorphoCall = (typeof MORPHO_CALLS)[number];

const COLLATERAL = 1_000n * WAD;
/** Units the borrower keeps, so its balance stays non-zero as a holder's would. */
const KEPT_UNITS = 100n * WAD;
const SEED_DEBT = 10_000n * USD;
const BORROWED = 70_000n * USD;
const REPAID = 10_000n * USD;
const BORROWER_CASH = 10_000n * USD;
const LIQUIDATOR_CASH = 100_000n * USD;
/**
 * NAV 100 → 70: a 30% fall, beyond the 10% bound, so it needs the super threshold. The borrower's
 * 60,000 debt then exceeds 77% of 70,000; the seed's 10,000 does not.
 */
const FALLEN_NAV = 70n * WAD;
const SEIZED = 100n * WAD;

/**
 * Runs one market through the same sequence and returns the gas of each measured call. A seed
 * borrower first supplies and borrows, so Morpho already holds the collateral and the market has
 * debt; then a second borrower supplies (its first supply), borrows, repays part, the NAV falls,
 * and a liquidator holding no collateral seizes twice.
 */
export async function measureMorphoCalls(
  provider: JsonRpcProvider,
  venue: LendingVenue,
  m: CollateralMarket,
  authority: NavAuthority,
): Promise<Record<MorphoCall, bigint>> {
  const seed = await actor(provider, venue, m, [CLAIM_TOPICS.KYC], COLLATERAL, 0n);
  const borrower = await actor(provider, venue, m, [CLAIM_TOPICS.KYC], COLLATERAL + KEPT_UNITS, BORROWER_CASH);
  const liquidator = await actor(provider, venue, m, [CLAIM_TOPICS.KYC, CLAIM_TOPICS.LIQUIDATOR], 0n, LIQUIDATOR_CASH);
  const as = (wallet: Wallet) => venue.morpho.connect(wallet) as DeployedContract;
  const step = (name: string) => `Morpho.${name} (${m.collateral.kind})`;

  await gasOf(step('supplyCollateral, seed'), as(seed).supplyCollateral(m.params, COLLATERAL, seed.address, '0x'));
  await gasOf(step('borrow, seed'), as(seed).borrow(m.params, SEED_DEBT, 0n, seed.address, seed.address));

  const supplyCollateral = await gasOf(step('supplyCollateral'), as(borrower).supplyCollateral(m.params, COLLATERAL, borrower.address, '0x'));
  const borrow = await gasOf(step('borrow'), as(borrower).borrow(m.params, BORROWED, 0n, borrower.address, borrower.address));
  const repay = await gasOf(step('repay'), as(borrower).repay(m.params, REPAID, 0n, borrower.address, '0x'));

  await publishNextNav(m.oracle, authority, FALLEN_NAV, authority.superThreshold);
  const liquidate = await gasOf(step('liquidate'), as(liquidator).liquidate(m.params, borrower.address, SEIZED, 0n, '0x'));
  const liquidateRepeat = await gasOf(step('liquidate, repeat'), as(liquidator).liquidate(m.params, borrower.address, SEIZED, 0n, '0x'));
  return { supplyCollateral, borrow, repay, liquidate, liquidateRepeat };
}

/** A fresh wallet admitted to the collateral with `topics`, holding `units` and `cash`, with Morpho approved for both tokens. */
async function actor(provider: JsonRpcProvider, venue: LendingVenue, m: CollateralMarket, topics: readonly bigint[], units: bigint, cash: bigint): Promise<Wallet> {
  const wallet = await fundedWallet(provider);
  await m.collateral.admit(wallet.address, topics);
  if (units > 0n) await m.collateral.fund(wallet.address, units);
  if (cash > 0n) await mined('TestToken.mint (actor)', venue.stablecoin.mint(wallet.address, cash));
  await mined('stablecoin approve Morpho', (venue.stablecoin.connect(wallet) as DeployedContract).approve(venue.morphoAddress, MaxUint256));
  await mined('collateral approve Morpho', (m.collateral.token.connect(wallet) as DeployedContract).approve(venue.morphoAddress, MaxUint256));
  return wallet;
}
