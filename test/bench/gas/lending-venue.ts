import type { JsonRpcProvider, Signer, Wallet } from 'ethers';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { deployContract, type DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { deployMorpho } from '@trestle/bridge/src/evm/deploy/morpho-market';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import { IRM_ARGS, STABLECOIN_ARGS } from './bench-params';

/** What every bench market shares: one Morpho Blue, one stablecoin to lend, one IRM, one lender. */
export interface LendingVenue {
  /** Morpho Blue as its owner (the deployer). */
  readonly morpho: DeployedContract;
  readonly morphoAddress: string;
  /** The stablecoin as its owner, who mints it. */
  readonly stablecoin: DeployedContract;
  readonly irm: string;
  /** Supplies every market's loan liquidity. */
  readonly lender: Wallet;
}

/** Deploys the stablecoin, the KinkedIrm and Morpho Blue with deploy-all's arguments, and a lender. */
export async function deployLendingVenue(provider: JsonRpcProvider, deployer: Signer): Promise<LendingVenue> {
  const stablecoin = await deployContract(deployer, ourArtifact('TestToken'), [...STABLECOIN_ARGS]);
  const irm = await deployContract(deployer, ourArtifact('KinkedIrm'), [...IRM_ARGS]);
  const morphoAddress = await deployMorpho(deployer);
  const lender = await fundedWallet(provider);
  return {
    morpho: attach(ourArtifact('Morpho'), morphoAddress, deployer),
    morphoAddress,
    stablecoin,
    irm: await irm.getAddress(),
    lender,
  };
}
