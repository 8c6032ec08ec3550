import type { ContractRunner } from 'ethers';
import { ourArtifact, trexArtifact } from '../evm/artifacts';
import type { DeployedAsset, DeploymentFile } from '../evm/deploy/deploy-all';
import type { MarketParams } from '../evm/deploy/morpho-market';
import { attach } from '../evm/deploy/steps';
import type { DeployedContract } from '../evm/deploy-contract';

/** Where one asset's lending market is: Morpho, the market, its oracle and IRM, the token and its identity registry, and the gateway that burns for redemption. */
export interface LiquidationMarket {
  readonly morpho: string;
  readonly marketId: string;
  readonly params: MarketParams;
  readonly identityRegistry: string;
  readonly gateway: string;
  /** The block from which to look for the market's borrowers (0: the whole chain). */
  readonly fromBlock: number;
}

/** The market of a deployed asset, as the deployment file records it. */
export function liquidationMarketOf(deployment: DeploymentFile, asset: DeployedAsset): LiquidationMarket {
  const p = asset.marketParams;
  return {
    morpho: deployment.contracts.morpho,
    marketId: asset.marketId,
    params: { loanToken: p.loanToken, collateralToken: p.collateralToken, oracle: p.oracle, irm: p.irm, lltv: BigInt(p.lltv) },
    identityRegistry: asset.identityRegistry,
    gateway: deployment.contracts.gateway,
    fromBlock: 0,
  };
}

/** The contracts a liquidator talks to, attached with `runner` (a provider to read, a wallet to send). */
export interface MarketContracts {
  readonly morpho: DeployedContract;
  readonly oracle: DeployedContract;
  readonly irm: DeployedContract;
  readonly collateral: DeployedContract;
  readonly loanToken: DeployedContract;
  readonly identityRegistry: DeployedContract;
  readonly gateway: DeployedContract;
}

export function marketContracts(market: LiquidationMarket, runner: ContractRunner): MarketContracts {
  return {
    morpho: attach(ourArtifact('Morpho'), market.morpho, runner),
    oracle: attach(ourArtifact('NavOracle'), market.params.oracle, runner),
    irm: attach(ourArtifact('KinkedIrm'), market.params.irm, runner),
    collateral: attach(trexArtifact('token', 'Token'), market.params.collateralToken, runner),
    // The loan token is any ERC-20; TestToken's ABI carries the standard calls.
    loanToken: attach(ourArtifact('TestToken'), market.params.loanToken, runner),
    identityRegistry: attach(trexArtifact('registry/implementation', 'IdentityRegistry'), market.identityRegistry, runner),
    gateway: attach(ourArtifact('BridgeGateway'), market.gateway, runner),
  };
}
