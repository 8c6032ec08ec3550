import { hexlify, randomBytes, type ContractTransactionReceipt, type Signer, type Wallet } from 'ethers';
import { onchainIdArtifact, ourArtifact } from '../artifacts';
import { CLAIM_TOPICS } from '../claim-topics';
import { identityAddressFor, issueClaims } from '../claims';
import { deployContract, type DeployedContract } from '../deploy-contract';
import { claimsHash } from '../messages';
import { GatewayQuorum } from './gateway-quorum';
import { deployIdentityInfra, handIdFactoryTo, type IdentityInfra } from './identity-infra';
import { attach } from './steps';
import { deployComplianceModules, deployTrexSuite, type ComplianceModules, type TrexSuite, type TrexSuiteOptions } from './trex-suite';

/** `IBridgeGateway.Direction`. */
export const DIRECTION = { Inbound: 0, Outbound: 1 } as const;

/** The consortium's shared EVM contracts: identity infrastructure, gateway, compliance modules. */
export interface Consortium {
  readonly deployer: Signer;
  readonly infra: IdentityInfra;
  readonly idFactory: DeployedContract;
  readonly gateway: DeployedContract;
  readonly modules: ComplianceModules;
  readonly quorum: GatewayQuorum;
  readonly claimSigner: Wallet;
}

export interface ConsortiumOptions {
  readonly validators: readonly Wallet[];
  readonly claimSigner: Wallet;
  /** Also CLAIM keys of the ClaimIssuer: the banks' validator addresses, for identity mirroring through the ledger. */
  readonly bankClaimSigners?: readonly string[];
  readonly threshold: number;
  readonly superThreshold: number;
  /** Seconds a mint above an asset's delay threshold waits. */
  readonly mintDelay: number;
}

/** Deploys ONCHAINID infrastructure, the gateway (which then owns the IdFactory) and the shared modules. */
export async function deployConsortium(deployer: Signer, options: ConsortiumOptions): Promise<Consortium> {
  const infra = await deployIdentityInfra(deployer, { claimSigner: options.claimSigner.address, ...(options.bankClaimSigners === undefined ? {} : { bankClaimSigners: options.bankClaimSigners }) });
  const gateway = await deployContract(deployer, ourArtifact('BridgeGateway'), [
    options.validators.map((v) => v.address).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)),
    options.threshold,
    options.superThreshold,
    infra.idFactory,
    options.mintDelay,
  ]);
  await handIdFactoryTo(deployer, infra, await gateway.getAddress());
  const modules = await deployComplianceModules(deployer);
  const { chainId } = await (deployer.provider ?? raise('the deployer has no provider')).getNetwork();
  return {
    deployer,
    infra,
    idFactory: attach(onchainIdArtifact('IdFactory'), infra.idFactory, deployer),
    gateway,
    modules,
    quorum: new GatewayQuorum(gateway, options.validators, chainId),
    claimSigner: options.claimSigner,
  };
}

function raise(message: string): never {
  throw new Error(message);
}

export interface AssetOptions extends Omit<TrexSuiteOptions, 'claimIssuer' | 'gateway' | 'modules'> {
  /** Mints above this many base units wait out the gateway's delay; 0 disables the queue. */
  readonly delayThreshold: bigint;
  readonly inbound: { readonly capacity: bigint; readonly refillPerSecond: bigint };
  readonly outbound: { readonly capacity: bigint; readonly refillPerSecond: bigint };
}

/** Deploys one asset's ERC-3643 suite and configures it on the gateway with its rate limits. */
export async function deployAsset(c: Consortium, options: AssetOptions): Promise<TrexSuite> {
  const suite = await deployTrexSuite(c.deployer, {
    ...options,
    claimIssuer: c.infra.claimIssuer,
    gateway: await c.gateway.getAddress(),
    modules: c.modules,
  });
  const token = suite.token;
  const remediationModule = suite.modules.remediation;
  await c.quorum.send('ConfigureAsset', { token, remediationModule, delayThreshold: options.delayThreshold }, (n, s) =>
    c.gateway.configureAsset(token, remediationModule, options.delayThreshold, n, s),
  );
  for (const [direction, limit] of [
    [DIRECTION.Inbound, options.inbound],
    [DIRECTION.Outbound, options.outbound],
  ] as const) {
    await c.quorum.send('SetRateLimit', { token, direction, capacity: limit.capacity, refillPerSecond: limit.refillPerSecond }, (n, s) =>
      c.gateway.setRateLimit(token, direction, limit.capacity, limit.refillPerSecond, n, s),
    );
  }
  return suite;
}

/**
 * Registers `wallet` in `token`'s identity registry through the gateway, with the consortium's
 * claims on `topics` (KYC by default; add VENUE for a lending pool, LIQUIDATOR for a liquidator).
 * Returns the wallet's ONCHAINID.
 */
export async function registerWallet(
  c: Consortium,
  token: string,
  wallet: string,
  options: { country: number; topics?: readonly bigint[]; investorRef?: string },
): Promise<{ identity: string; receipt: ContractTransactionReceipt }> {
  const identity = await identityAddressFor(c.idFactory, wallet);
  const claims = await issueClaims(c.claimSigner, c.infra.claimIssuer, identity, options.topics ?? [CLAIM_TOPICS.KYC]);
  const investorRef = options.investorRef ?? hexlify(randomBytes(32));
  const country = options.country;
  const receipt = await c.quorum.send('RegisterIdentity', { token, wallet, investorRef, country, claimsHash: claimsHash(claims) }, (n, s) =>
    c.gateway.registerIdentity(token, wallet, investorRef, country, claims, n, s),
  );
  return { identity, receipt };
}
