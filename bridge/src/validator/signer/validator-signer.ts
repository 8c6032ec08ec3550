import type { TypedDataDomain, TypedDataField } from 'ethers';

/**
 * A bank's validator key as the bridge uses it: an address, EIP-712 signing, and EIP-191 signing
 * of raw bytes (the KYC claims the key signs as a CLAIM key of the consortium ClaimIssuer). The keystore file
 * implements it here; an HSM, a cloud KMS or a Lit PKP can replace it without touching callers.
 */
export interface ValidatorSigner {
  readonly address: string;
  signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string>;
  /** The EIP-191 personal-message signature of `message` (ONCHAINID checks claims this way). */
  signMessage(message: Uint8Array): Promise<string>;
}
