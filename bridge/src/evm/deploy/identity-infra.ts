import { AbiCoder, keccak256, type Signer } from 'ethers';
import { onchainIdArtifact } from '../artifacts';
import { deployContract, type DeployedContract } from '../deploy-contract';
import { attach, mined } from './steps';

/** ERC-734 key purposes ONCHAINID uses. */
const MANAGEMENT_KEY = 1n;
const CLAIM_KEY = 3n;
/** ERC-734 key type: an ECDSA address. */
const ECDSA_KEY = 1n;

/** The consortium's ONCHAINID infrastructure, deployed once for every asset. */
export interface IdentityInfra {
  /** Identity logic every IdentityProxy delegates to (deployed as a library: it cannot be used itself). */
  readonly identityImplementation: string;
  readonly implementationAuthority: string;
  /** Creates investors' identities; the BridgeGateway must own it (see `handIdFactoryTo`). */
  readonly idFactory: string;
  /** The consortium ClaimIssuer every asset's TrustedIssuersRegistry trusts. */
  readonly claimIssuer: string;
}

export interface IdentityInfraOptions {
  /** Address whose signatures the ClaimIssuer accepts (its CLAIM key, purpose 3). */
  readonly claimSigner: string;
  /**
   * More CLAIM keys: the banks' validator addresses, so each bank vouches for its own investors'
   * KYC when their registrations travel the ledger's quorum path (identity mirroring).
   */
  readonly bankClaimSigners?: readonly string[];
  /**
   * Who manages the ClaimIssuer (adds or revokes claim keys, revokes claims); the deployer when
   * absent. A different manager replaces the deployer's management key.
   */
  readonly claimIssuerManager?: string;
}

/** keccak256(abi.encode(address)): how ERC-734 names an address key. */
export function addressKey(address: string): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['address'], [address]));
}

/**
 * Deploys Identity (as library), ImplementationAuthority, IdFactory (owned by the deployer until
 * handed to the gateway) and the consortium ClaimIssuer with `claimSigner` and the banks' validator
 * addresses as its CLAIM keys.
 */
export async function deployIdentityInfra(deployer: Signer, options: IdentityInfraOptions): Promise<IdentityInfra> {
  const deployerAddress = await deployer.getAddress();
  const identityImplementation = await deployContract(deployer, onchainIdArtifact('Identity'), [deployerAddress, true]);
  const authority = await deployContract(deployer, onchainIdArtifact('ImplementationAuthority'), [await identityImplementation.getAddress()]);
  const idFactory = await deployContract(deployer, onchainIdArtifact('IdFactory'), [await authority.getAddress()]);
  const claimIssuer = await deployClaimIssuer(deployer, options);
  return {
    identityImplementation: await identityImplementation.getAddress(),
    implementationAuthority: await authority.getAddress(),
    idFactory: await idFactory.getAddress(),
    claimIssuer: await claimIssuer.getAddress(),
  };
}

async function deployClaimIssuer(deployer: Signer, options: IdentityInfraOptions): Promise<DeployedContract> {
  const deployerAddress = await deployer.getAddress();
  const issuer = await deployContract(deployer, onchainIdArtifact('ClaimIssuer'), [deployerAddress]);
  await mined('ClaimIssuer.addKey(claim signer)', issuer.addKey(addressKey(options.claimSigner), CLAIM_KEY, ECDSA_KEY));
  for (const signer of new Set(options.bankClaimSigners ?? [])) {
    if (signer.toLowerCase() === options.claimSigner.toLowerCase()) continue;
    await mined('ClaimIssuer.addKey(bank validator)', issuer.addKey(addressKey(signer), CLAIM_KEY, ECDSA_KEY));
  }
  const manager = options.claimIssuerManager;
  if (manager !== undefined) await replaceManager(issuer, deployerAddress, manager);
  return issuer;
}

/** Gives `manager` the issuer's management key and takes the deployer's away (nothing when they are the same). */
async function replaceManager(issuer: DeployedContract, deployerAddress: string, manager: string): Promise<void> {
  if (manager.toLowerCase() === deployerAddress.toLowerCase()) return;
  await mined('ClaimIssuer.addKey(manager)', issuer.addKey(addressKey(manager), MANAGEMENT_KEY, ECDSA_KEY));
  await mined('ClaimIssuer.removeKey(deployer)', issuer.removeKey(addressKey(deployerAddress), MANAGEMENT_KEY));
}

/** Makes `manager` the consortium ClaimIssuer's only manager, in place of the deployer. */
export async function handClaimIssuerTo(deployer: Signer, infra: IdentityInfra, manager: string): Promise<void> {
  await replaceManager(attach(onchainIdArtifact('ClaimIssuer'), infra.claimIssuer, deployer), await deployer.getAddress(), manager);
}

/** Whether `account` holds a CLAIM key of the issuer at `issuer`: its claim signatures count. */
export async function isClaimSigner(issuer: DeployedContract, account: string): Promise<boolean> {
  return (await issuer.keyHasPurpose(addressKey(account), CLAIM_KEY)) as boolean;
}

/** Whether `account` holds a management key of the identity or issuer at `identity`. */
export async function isManager(identity: DeployedContract, account: string): Promise<boolean> {
  return (await identity.keyHasPurpose(addressKey(account), MANAGEMENT_KEY)) as boolean;
}

/** Makes `gateway` the IdFactory's owner, so it alone creates investors' identities. */
export async function handIdFactoryTo(deployer: Signer, infra: IdentityInfra, gateway: string): Promise<void> {
  const idFactory = attach(onchainIdArtifact('IdFactory'), infra.idFactory, deployer);
  await mined('IdFactory.transferOwnership(gateway)', idFactory.transferOwnership(gateway));
}
