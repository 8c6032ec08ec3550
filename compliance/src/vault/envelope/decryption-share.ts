import { SIGNATURE_BYTES } from '../keys/bls12-381';
import type { LitSignatureShare } from '../lit/lit-crypto';

/**
 * One share service's contribution to opening one file: its signature share over the file's Lit
 * identity, with what it was made for so a mixed-up share is refused by name. `signatureShare` is
 * partial key material for that file: pass it on, never log it.
 */
export type DecryptionShare = {
  readonly shareIndex: number;
  /** The consortium public key the signing share belongs to. */
  readonly publicKey: string;
  /** The Lit identity string that was signed. */
  readonly identity: string;
  readonly signatureShare: LitSignatureShare;
};

/** Lit 7.4's share encoding: `{ ProofOfPossession: hex(share id byte ‖ compressed G2 signature) }`. */
export function encodeSignatureShare(shareIndex: number, signature: Uint8Array): LitSignatureShare {
  if (!Number.isInteger(shareIndex) || shareIndex < 1 || shareIndex > 255) throw new RangeError('A share index is an integer from 1 to 255.');
  if (signature.length !== SIGNATURE_BYTES) throw new RangeError(`A signature share is ${SIGNATURE_BYTES} bytes.`);
  return { ProofOfPossession: Buffer.concat([Uint8Array.of(shareIndex), signature]).toString('hex') };
}
