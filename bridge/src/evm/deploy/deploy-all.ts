import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Wallet, type JsonRpcProvider } from 'ethers';
import { ourArtifact } from '../artifacts';
import { CLAIM_TOPICS } from '../claim-topics';
import { ARTIFACTS_DIR } from '../../compile/units';
import { deployContract } from '../deploy-contract';
import { fundedWallet } from '../provider';
import { deployAsset, deployConsortium, registerWallet } from './consortium';
import { createMarket, DEFAULT_LLTV, deployMorpho, type MarketParams } from './morpho-market';
import { DEMO_ASSET, IRM_ARGS, ISO_3166, MINT_DELAY, STABLECOIN_ARGS } from './devnet-params';
import { deployNavOracle } from './nav-oracle';
import { deployQuorumOwner, handOwnerPowers } from './owner-powers';
import { byAddress } from '../quorum-signer';

/** What the bridge, the CLI and tests read to find the deployed contracts. */
export interface DeploymentFile {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly deployedAt: string;
  /** Where ABIs live: ours and Morpho's in bridge/artifacts; T-REX and ONCHAINID in their npm packages. */
  readonly abis: { readonly ours: string; readonly trex: string; readonly onchainId: string };
  readonly validators: readonly string[];
  readonly threshold: number;
  readonly superThreshold: number;
  readonly contracts: {
    readonly gateway: string;
    readonly idFactory: string;
    readonly implementationAuthority: string;
    readonly claimIssuer: string;
    readonly morpho: string;
    readonly stablecoin: string;
    readonly irm: string;
    /** Holds every owner power (T-REX suites, identity authority, claim issuer, Morpho); acts at the validators' super threshold. */
    readonly quorumOwner: string;
    readonly modules: { readonly countryAllow: string; readonly maxBalance: string; readonly remediation: string };
  };
  readonly assets: readonly DeployedAsset[];
}

export interface DeployedAsset {
  readonly name: string;
  readonly symbol: string;
  readonly token: string;
  readonly identityRegistry: string;
  readonly compliance: string;
  readonly oracle: string;
  readonly marketId: string;
  readonly marketParams: { readonly loanToken: string; readonly collateralToken: string; readonly oracle: string; readonly irm: string; readonly lltv: string };
}

/** Devnet keys: one validator per bank, the consortium claim signer. Written with mode 0600, never logged. */
interface DevnetKeys {
  readonly validators: Record<'BankA' | 'BankB' | 'BankC', string>;
  readonly claimSigner: string;
}

/** Where a stack keeps its deployment record. */
export function deploymentPath(home: string): string {
  return path.join(home, 'evm', 'deployment.json');
}

/** The stack's recorded deployment, or undefined before the first deploy. */
export function readDeployment(home: string): DeploymentFile | undefined {
  const file = deploymentPath(home);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeploymentFile) : undefined;
}

function loadOrCreateKeys(home: string): DevnetKeys {
  const file = path.join(home, 'evm', 'devnet-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevnetKeys;
  const keys: DevnetKeys = {
    validators: { BankA: Wallet.createRandom().privateKey, BankB: Wallet.createRandom().privateKey, BankC: Wallet.createRandom().privateKey },
    claimSigner: Wallet.createRandom().privateKey,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** The recorded deployment if it is for this chain and its gateway still has code (a restarted devnet loses it). */
async function existingDeployment(provider: JsonRpcProvider, home: string): Promise<DeploymentFile | undefined> {
  const file = deploymentPath(home);
  if (!existsSync(file)) return undefined;
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as DeploymentFile;
  const { chainId } = await provider.getNetwork();
  if (BigInt(recorded.chainId) !== chainId) return undefined;
  return (await provider.getCode(recorded.contracts.gateway)) === '0x' ? undefined : recorded;
}

/**
 * Deploys the whole EVM side onto a devnet and writes `<home>/evm/deployment.json`. Safe to re-run:
 * when the recorded contracts are still on this chain nothing is sent.
 */
export async function deployAll(
  provider: JsonRpcProvider,
  stack: { readonly home: string },
  log: (line: string) => void = () => {},
): Promise<{ deployment: DeploymentFile; file: string; changed: boolean }> {
  const file = deploymentPath(stack.home);
  const existing = await existingDeployment(provider, stack.home);
  if (existing) return { deployment: existing, file, changed: false };

  const keys = loadOrCreateKeys(stack.home);
  const validators = Object.values(keys.validators).map((key) => new Wallet(key));
  const claimSigner = new Wallet(keys.claimSigner);
  const deployer = await fundedWallet(provider);
  const { chainId } = await provider.getNetwork();

  log('ONCHAINID infrastructure, gateway (2 of 3, unpause 3 of 3), compliance modules');
  // Each bank's validator key is also a CLAIM key of the ClaimIssuer: it signs its own investors' KYC claims.
  const c = await deployConsortium(deployer, { validators, claimSigner, bankClaimSigners: validators.map((v) => v.address), threshold: 2, superThreshold: 3, mintDelay: MINT_DELAY });
  const gateway = await c.gateway.getAddress();

  log(`ERC-3643 suite for ${DEMO_ASSET.symbol}`);
  const suite = await deployAsset(c, DEMO_ASSET);

  log('stablecoin, interest rate model, NAV oracle');
  const stablecoin = await deployContract(deployer, ourArtifact('TestToken'), [...STABLECOIN_ARGS]);
  const irm = await deployContract(deployer, ourArtifact('KinkedIrm'), [...IRM_ARGS]);
  const oracle = await deployNavOracle(deployer, { provider, chainId, gateway, validators: byAddress(validators), threshold: 2, superThreshold: 3 }, suite.token);

  log('Morpho Blue and the market');
  const morpho = await deployMorpho(deployer);
  const params: MarketParams = {
    loanToken: await stablecoin.getAddress(),
    collateralToken: suite.token,
    oracle: await oracle.getAddress(),
    irm: await irm.getAddress(),
    lltv: DEFAULT_LLTV,
  };
  const market = await createMarket(deployer, morpho, params);
  await registerWallet(c, suite.token, morpho, { country: ISO_3166.SWITZERLAND, topics: [CLAIM_TOPICS.KYC, CLAIM_TOPICS.VENUE] });

  // Last: from here on the deployer key can do nothing the validators' quorum did not sign.
  log('owner powers to the validators\' quorum (QuorumOwner, 3 of 3)');
  const quorumOwner = await (await deployQuorumOwner(deployer, gateway)).getAddress();
  await handOwnerPowers(deployer, quorumOwner, { infra: c.infra, suites: [suite], morpho });

  const deployment: DeploymentFile = {
    chainId: Number(chainId),
    rpcUrl: provider._getConnection().url,
    deployedAt: new Date().toISOString(),
    abis: { ours: ARTIFACTS_DIR, trex: path.dirname(require.resolve('@tokenysolutions/t-rex/package.json')), onchainId: path.dirname(require.resolve('@onchain-id/solidity/package.json')) },
    validators: validators.map((v) => v.address),
    threshold: 2,
    superThreshold: 3,
    contracts: {
      gateway,
      idFactory: c.infra.idFactory,
      implementationAuthority: c.infra.implementationAuthority,
      claimIssuer: c.infra.claimIssuer,
      morpho,
      stablecoin: params.loanToken,
      irm: params.irm,
      quorumOwner,
      modules: c.modules,
    },
    assets: [
      {
        name: DEMO_ASSET.name,
        symbol: DEMO_ASSET.symbol,
        token: suite.token,
        identityRegistry: suite.identityRegistry,
        compliance: suite.compliance,
        oracle: params.oracle,
        marketId: market.id,
        marketParams: { ...params, lltv: params.lltv.toString() },
      },
    ],
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(deployment, null, 2));
  return { deployment, file, changed: true };
}
