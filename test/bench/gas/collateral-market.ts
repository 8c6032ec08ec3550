import { MaxUint256, type Signer } from 'ethers';
import { CLAIM_TOPICS } from '@trestle/bridge/src/evm/claim-topics';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { createMarket, DEFAULT_LLTV, marketParamsTuple, type Market } from '@trestle/bridge/src/evm/deploy/morpho-market';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import { USD } from './bench-params';
import type { Collateral } from './collateral';
import type { LendingVenue } from './lending-venue';
import { deployNavOracle, type NavAuthority } from '@trestle/bridge/src/evm/deploy/nav-oracle';

/** Loan liquidity the lender supplies to each market. */
const LENDER_DEPOSIT = 1_000_000n * USD;

/** One market of the venue: its collateral, its own NavOracle and Morpho's market. */
export interface CollateralMarket {
  readonly collateral: Collateral;
  readonly oracle: DeployedContract;
  readonly market: Market;
  /** `market.params` in the positional form ethers calls take. */
  readonly params: ReturnType<typeof marketParamsTuple>;
}

/**
 * Gives `collateral` a NavOracle (validators of `authority`, first NAV 100) and a market on the
 * venue (its IRM, LLTV 77%), admits Morpho as a venue (KYC + VENUE) and supplies the lender's deposit.
 */
export async function deployCollateralMarket(deployer: Signer, authority: NavAuthority, venue: LendingVenue, collateral: Collateral): Promise<CollateralMarket> {
  const oracle = await deployNavOracle(deployer, authority, collateral.address);
  const market = await createMarket(deployer, venue.morphoAddress, {
    loanToken: await venue.stablecoin.getAddress(),
    collateralToken: collateral.address,
    oracle: await oracle.getAddress(),
    irm: venue.irm,
    lltv: DEFAULT_LLTV,
  });
  await collateral.admit(venue.morphoAddress, [CLAIM_TOPICS.KYC, CLAIM_TOPICS.VENUE]);
  const params = marketParamsTuple(market.params);

  const { lender } = venue;
  await mined('TestToken.mint (lender)', venue.stablecoin.mint(lender.address, LENDER_DEPOSIT));
  await mined('stablecoin approve Morpho (lender)', (venue.stablecoin.connect(lender) as DeployedContract).approve(venue.morphoAddress, MaxUint256));
  await mined('Morpho.supply (lender)', (venue.morpho.connect(lender) as DeployedContract).supply(params, LENDER_DEPOSIT, 0n, lender.address, '0x'));
  return { collateral, oracle, market, params };
}
