import { AbiCoder, getAddress, getBytes, keccak256, recoverAddress, hashMessage, Signature } from 'ethers';
import type { IdentityClaimRecord } from '@trestle/compliance/src/bridge/identity-claims';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

// The EVM side's claim arithmetic, as ONCHAINID and the gateway compute it.

/** keccak256(abi.encode(claims)): what RegisterIdentity's `claimsHash` commits to (BridgeGateway.registerIdentity). */
export function identityClaimsHash(claims: readonly IdentityClaimRecord[]): string {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ['tuple(uint256 topic, address issuer, bytes signature, bytes data)[]'],
    [claims.map((claim) => [BigInt(claim.topic), claim.issuer, claim.signature, claim.data])],
  );
  return keccak256(encoded);
}

/**
 * The address whose key signed the claim for `identity`: ONCHAINID's `isClaimValid` recovers the
 * EIP-191 signature over the 32 bytes keccak256(abi.encode(identity, topic, data)).
 */
export function claimSigner(identity: string, claim: IdentityClaimRecord): string {
  const digest = keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'uint256', 'bytes'], [identity, BigInt(claim.topic), claim.data]));
  try {
    return getAddress(recoverAddress(hashMessage(getBytes(digest)), Signature.from(claim.signature)));
  } catch {
    throw new TrestleError('BRIDGE_CLAIM_INVALID', 'The claim signature is not an ECDSA signature that recovers a key.', { details: { topic: claim.topic } });
  }
}
