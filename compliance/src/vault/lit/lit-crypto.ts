import {
  combineSignatureShares,
  encrypt,
  verifyAndDecryptWithSignatureShares,
  verifySignature,
  type BlsSignatureShare,
} from '@lit-protocol/crypto';
import { callLit } from './call-lit';
import { withOutputSilenced } from './silence-output';

/*
 * The one module that calls `@lit-protocol/crypto` (7.4.0), so every path into its `doDecrypt`,
 * which prints the combined decryption signature with `console.log`, goes through
 * `withOutputSilenced`. `combineSignatureShares`, `verifySignature` and `encrypt` do not print.
 */

/** A signature share in Lit 7.4's encoding: hex of the 1-byte share id then the 96-byte compressed G2 point. */
export type LitSignatureShare = BlsSignatureShare;

/** Lit's `encrypt`: `message` encrypted to `identity` under the consortium key; base64 ciphertext. */
export function litEncrypt(publicKeyHex: string, message: Uint8Array, identity: Uint8Array): Promise<string> {
  return callLit('encrypt', () => encrypt(publicKeyHex, message, identity));
}

/** Lit's `combineSignatureShares`: the combined signature's 96 bytes. Key material: never log it. */
export async function litCombineSignatureShares(shares: readonly LitSignatureShare[]): Promise<Uint8Array> {
  const hex = await callLit('combineSignatureShares', () => combineSignatureShares([...shares]));
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** Lit's `verifySignature`: rejects unless `signature` is the consortium key's signature over `identity`. */
export function litVerifySignature(publicKeyHex: string, identity: Uint8Array, signature: Uint8Array): Promise<void> {
  return callLit('verifySignature', () => verifySignature(publicKeyHex, identity, signature));
}

/** Lit's `verifyAndDecryptWithSignatureShares`, with its signature print silenced. */
export function litVerifyAndDecrypt(publicKeyHex: string, identity: Uint8Array, ciphertextBase64: string, shares: readonly LitSignatureShare[]): Promise<Uint8Array> {
  return callLit('verifyAndDecryptWithSignatureShares', () =>
    withOutputSilenced(() => verifyAndDecryptWithSignatureShares(publicKeyHex, identity, ciphertextBase64, [...shares])),
  );
}
