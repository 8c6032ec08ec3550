import { isSha256Hex } from '../sha256';

/** The scheme of Lit's decryption identities. */
export const LIT_IDENTITY_SCHEME = 'lit-accesscontrolcondition://';

/**
 * The identity string a file is encrypted to and every share service signs, as Lit writes it:
 * `lit-accesscontrolcondition://<sha256(conditions)>/<sha256(data)>`, both hashes in hex.
 */
export function litIdentity(conditionsHash: string, dataHash: string): string {
  if (!isSha256Hex(conditionsHash) || !isSha256Hex(dataHash)) throw new RangeError('Both halves of a Lit identity are SHA-256 hex digests.');
  return `${LIT_IDENTITY_SCHEME}${conditionsHash}/${dataHash}`;
}

/** `litIdentity` as the UTF-8 bytes Lit's `encrypt` and the signers take. */
export function litIdentityBytes(conditionsHash: string, dataHash: string): Uint8Array {
  return new TextEncoder().encode(litIdentity(conditionsHash, dataHash));
}
