import { AbiCoder, concat, getAddress, getBytes, getCreate2Address, hexlify, keccak256, solidityPackedKeccak256, ZeroAddress, type BytesLike, type Signer } from 'ethers';
import { onchainIdArtifact } from './artifacts';
import type { DeployedContract } from './deploy-contract';
import type { IdentityClaimInput } from './messages';

/**
 * The salt the BridgeGateway passes to IdFactory for `wallet`: OpenZeppelin's
 * `Strings.toHexString(address)`, i.e. the lower-case 0x-hex address.
 */
export function identitySalt(wallet: string): string {
  return getAddress(wallet).toLowerCase();
}

/** What a claim issuer signs (under the EIP-191 prefix): keccak256(abi.encode(identity, topic, data)). */
export function claimDigest(identity: string, topic: bigint, data: BytesLike): string {
  return keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'uint256', 'bytes'], [identity, topic, data]));
}

/** Signs a claim for `identity` with the issuer's CLAIM key (purpose 3), as ONCHAINID's `isClaimValid` checks it. */
export async function signClaim(claimSigner: Signer, identity: string, topic: bigint, data: BytesLike = '0x'): Promise<string> {
  return claimSigner.signMessage(getBytes(claimDigest(identity, topic, data)));
}

/** One signed claim per topic, ready for the gateway's `registerIdentity`. */
export async function issueClaims(
  claimSigner: Signer,
  issuer: string,
  identity: string,
  topics: readonly bigint[],
  data: BytesLike = '0x',
): Promise<IdentityClaimInput[]> {
  const hexData = hexlify(data);
  return Promise.all(topics.map(async (topic) => ({ topic, issuer, signature: await signClaim(claimSigner, identity, topic, hexData), data: hexData })));
}

/** Inputs of IdFactory's CREATE2 deployment of an IdentityProxy. */
export interface IdentityAddressInput {
  readonly idFactory: string;
  readonly implementationAuthority: string;
  /** The salt given to the factory, before it prefixes "OID". */
  readonly salt: string;
  /**
   * The proxy's constructor key: the factory itself for `createIdentityWithManagementKeys` (the
   * default, what the gateway uses), the wallet for plain `createIdentity`.
   */
  readonly initialManagementKey?: string;
}

/**
 * The address IdFactory will give an identity: CREATE2 from the factory with salt
 * keccak256("OID" ++ salt) over IdentityProxy's creation code ++ abi.encode(authority, initial key).
 * Claims must be signed for this address before the identity exists.
 */
export function predictIdentityAddress(input: IdentityAddressInput): string {
  const constructorArgs = AbiCoder.defaultAbiCoder().encode(['address', 'address'], [input.implementationAuthority, input.initialManagementKey ?? input.idFactory]);
  const initCode = concat([onchainIdArtifact('IdentityProxy').bytecode, constructorArgs]);
  return getCreate2Address(input.idFactory, solidityPackedKeccak256(['string'], [`OID${input.salt}`]), keccak256(initCode));
}

/** `wallet`'s ONCHAINID: the one the factory already links to it, or the one the gateway would create. */
export async function identityAddressFor(idFactory: DeployedContract, wallet: string): Promise<string> {
  const existing = await idFactory.getIdentity(wallet);
  if (existing !== ZeroAddress) return existing;
  return predictIdentityAddress({
    idFactory: await idFactory.getAddress(),
    implementationAuthority: await idFactory.implementationAuthority(),
    salt: identitySalt(wallet),
  });
}
