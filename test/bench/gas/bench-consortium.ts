import { Wallet, type JsonRpcProvider } from 'ethers';
import { trexArtifact } from '@trestle/bridge/src/evm/artifacts';
import { deployAsset, deployConsortium, type Consortium } from '@trestle/bridge/src/evm/deploy/consortium';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import type { TrexSuite } from '@trestle/bridge/src/evm/deploy/trex-suite';
import { fundedWallet } from '@trestle/bridge/src/evm/provider';
import { byAddress } from '@trestle/bridge/src/evm/quorum-signer';
import { BENCH_ASSET, MINT_DELAY, type QuorumShape } from './bench-params';

/** A consortium with one configured asset: what every gas measurement starts from. */
export interface BenchConsortium {
  readonly shape: QuorumShape;
  readonly provider: JsonRpcProvider;
  readonly chainId: bigint;
  /** Ascending by address. */
  readonly validators: readonly Wallet[];
  /** Its quorum signs with the gateway's threshold by default. */
  readonly consortium: Consortium;
  readonly suite: TrexSuite;
  /** The asset's ERC-3643 token, as the deployer. */
  readonly token: DeployedContract;
}

/** Deploys a consortium of `shape` from a fresh deployer with fresh validator keys, and the bench asset on it. */
export async function deployBenchConsortium(provider: JsonRpcProvider, shape: QuorumShape): Promise<BenchConsortium> {
  const deployer = await fundedWallet(provider);
  const validators = byAddress(Array.from({ length: shape.validators }, () => new Wallet(Wallet.createRandom().privateKey)));
  const claimSigner = new Wallet(Wallet.createRandom().privateKey);
  const { chainId } = await provider.getNetwork();
  const consortium = await deployConsortium(deployer, {
    validators,
    claimSigner,
    threshold: shape.threshold,
    superThreshold: shape.superThreshold,
    mintDelay: MINT_DELAY,
  });
  const suite = await deployAsset(consortium, BENCH_ASSET);
  return { shape, provider, chainId, validators, consortium, suite, token: attach(trexArtifact('token', 'Token'), suite.token, deployer) };
}
