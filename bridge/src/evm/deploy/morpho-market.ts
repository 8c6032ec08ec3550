import { AbiCoder, keccak256, type Signer } from 'ethers';
import { ourArtifact } from '../artifacts';
import { deployContract } from '../deploy-contract';
import { attach, mined } from './steps';

/** Morpho Blue's `MarketParams`, field for field. */
export interface MarketParams {
  readonly loanToken: string;
  readonly collateralToken: string;
  readonly oracle: string;
  readonly irm: string;
  readonly lltv: bigint;
}

/** A created market: its parameters and id. */
export interface Market {
  readonly morpho: string;
  readonly params: MarketParams;
  /** keccak256(abi.encode(params)), Morpho's `Id`. */
  readonly id: string;
}

/** 77% loan-to-value at liquidation, one of the values Morpho governance enables on mainnet. */
export const DEFAULT_LLTV = 770_000_000_000_000_000n;

/** Morpho's `Id` of a market. */
export function marketId(params: MarketParams): string {
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ['address', 'address', 'address', 'address', 'uint256'],
      [params.loanToken, params.collateralToken, params.oracle, params.irm, params.lltv],
    ),
  );
}

/** Positional form of `MarketParams` for ethers calls taking the struct. */
export function marketParamsTuple(params: MarketParams): [string, string, string, string, bigint] {
  return [params.loanToken, params.collateralToken, params.oracle, params.irm, params.lltv];
}

/** Deploys Morpho Blue owned by `owner` (the deployer when absent). */
export async function deployMorpho(deployer: Signer, owner?: string): Promise<string> {
  const morpho = await deployContract(deployer, ourArtifact('Morpho'), [owner ?? (await deployer.getAddress())]);
  return morpho.getAddress();
}

/**
 * Creates a market, first enabling its IRM and LLTV unless already enabled; `owner` must be
 * Morpho's owner. Morpho itself must then be registered (KYC + VENUE) in the collateral token's
 * identity registry, or no collateral can reach it.
 */
export async function createMarket(owner: Signer, morphoAddress: string, params: MarketParams): Promise<Market> {
  const morpho = attach(ourArtifact('Morpho'), morphoAddress, owner);
  if (!(await morpho.isIrmEnabled(params.irm))) await mined('Morpho.enableIrm', morpho.enableIrm(params.irm));
  if (!(await morpho.isLltvEnabled(params.lltv))) await mined('Morpho.enableLltv', morpho.enableLltv(params.lltv));
  await mined('Morpho.createMarket', morpho.createMarket(marketParamsTuple(params)));
  return { morpho: morphoAddress, params, id: marketId(params) };
}
