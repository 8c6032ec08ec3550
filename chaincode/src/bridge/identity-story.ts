import { AbiCoder, getAddress, getBytes, hashMessage, keccak256, type Wallet } from 'ethers';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { KYC_CLAIM_TOPIC, type IdentityClaimsDocument } from '@trestle/compliance/src/bridge/identity-claims';
import { CHAIN_CONFIG } from '../testing/bridge-story';

// Test values for identity mirroring on the stubbed context (unit tests, access matrix, fuzz hints).

/** A made-up ClaimIssuer address for the stubbed chain. */
export const CLAIM_ISSUER = getAddress(`0x${'c1'.repeat(20)}`);
/** A made-up ONCHAINID for anna's wallet: the ledger cannot check it, the validators do against the EVM. */
export const ANNA_IDENTITY = getAddress(`0x${'1d'.repeat(20)}`);
/** The bridge story's chain with a ClaimIssuer, so identity messages can be proposed. */
export const IDENTITY_CHAIN_CONFIG: BridgeChainConfig = { ...CHAIN_CONFIG, claimIssuer: CLAIM_ISSUER };

/** A claims document with one claim for `identity` signed by `key` as ONCHAINID checks it (EIP-191 over keccak256(abi.encode(identity, topic, data))); synchronous, for tables of arguments. */
export function kycClaimsDocument(key: Wallet, overrides: { identity?: string; topic?: string; issuer?: string; count?: number } = {}): IdentityClaimsDocument {
  const identity = overrides.identity ?? ANNA_IDENTITY;
  const topic = overrides.topic ?? KYC_CLAIM_TOPIC;
  const digest = keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'uint256', 'bytes'], [identity, BigInt(topic), '0x']));
  const claim = { topic, issuer: overrides.issuer ?? CLAIM_ISSUER, signature: key.signingKey.sign(hashMessage(getBytes(digest))).serialized, data: '0x' };
  return { identity, claims: Array.from({ length: overrides.count ?? 1 }, () => claim) };
}
