import type { TypedDataDomain, TypedDataField } from 'ethers';

/**
 * A bank's validator key as the bridge uses it: an address and EIP-712 signing. The keystore file
 * implements it here; an HSM, a cloud KMS or a Lit PKP can replace it without touching callers.
 */
export interface ValidatorSigner {
  readonly address: string;
  signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string>;
}
