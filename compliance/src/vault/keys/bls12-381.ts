import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';

/**
 * The hash-to-G2 domain separation tag of Lit's decryption signatures (blsful's proof-of-possession
 * scheme): a signature share made with any other tag does not combine into a decryption key.
 */
export const LIT_SIGNATURE_DST = 'BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_';

/** Bytes of a compressed G1 point: a consortium public key or a share's verification key. */
export const PUBLIC_KEY_BYTES = 48;

/** Bytes of a compressed G2 point: a signature or signature share. */
export const SIGNATURE_BYTES = 96;

/** Bytes of a scalar (a secret key or key share), big-endian as in the IETF BLS draft. */
export const SCALAR_BYTES = 32;

/** The scalar field of BLS12-381: key shares are points of a polynomial over it. */
export const scalarField = bls12_381.fields.Fr;

const PUBLIC_KEY_HEX = new RegExp(`^[0-9a-f]{${PUBLIC_KEY_BYTES * 2}}$`);

/** A uniformly random non-zero scalar from the operating system's generator. */
export function randomScalar(): bigint {
  return bytesToNumberBE(bls12_381.utils.randomSecretKey());
}

/** A scalar as the 32 big-endian bytes a key share file stores. */
export function scalarToBytes(scalar: bigint): Uint8Array {
  return numberToBytesBE(scalar, SCALAR_BYTES);
}

/** Whether `bytes` encode a scalar that can be a secret: 32 bytes, non-zero, below the group order. */
export function isSecretScalar(bytes: Uint8Array): boolean {
  if (bytes.length !== SCALAR_BYTES) return false;
  const value = bytesToNumberBE(bytes);
  return value > 0n && value < scalarField.ORDER;
}

/** The compressed G1 public key of a secret scalar given as 32 big-endian bytes. */
export function publicKeyOf(secret: Uint8Array): Uint8Array {
  return bls12_381.longSignatures.getPublicKey(secret).toBytes(true);
}

/** Whether `value` is lower-case hex of a compressed G1 point in the prime-order subgroup, not infinity. */
export function isPublicKeyHex(value: unknown): value is string {
  if (typeof value !== 'string' || !PUBLIC_KEY_HEX.test(value)) return false;
  try {
    const point = bls12_381.G1.Point.fromHex(value);
    point.assertValidity();
    return !point.is0();
  } catch {
    return false;
  }
}

/**
 * Signs `message` with a secret scalar the way Lit's nodes sign a decryption identity: hash to G2
 * with `LIT_SIGNATURE_DST`, multiply by the secret, compress (96 bytes).
 */
export function signWithPopScheme(secret: Uint8Array, message: Uint8Array): Uint8Array {
  const hashed = bls12_381.longSignatures.hash(message, LIT_SIGNATURE_DST);
  return bls12_381.longSignatures.sign(hashed, secret).toBytes(true);
}
