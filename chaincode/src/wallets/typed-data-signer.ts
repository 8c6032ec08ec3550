import { recoverAddress, Signature, TypedDataEncoder, type TypedDataDomain, type TypedDataField } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

// Half the secp256k1 group order: a signature with a larger s has a twin (n - s) for the same key.
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;
/** The error a bad signature raises: a wallet's, or a bridge validator's. */
export type SignatureErrorCode = 'WALLET_SIGNATURE_INVALID' | 'BRIDGE_SIGNATURE_INVALID';

const SIGNATURE_FORM = /^0x[0-9a-fA-F]{130}$/;

/**
 * The address whose key signed `message` as EIP-712 typed data in `domain`. Only 65-byte
 * signatures in low-s form are read, so each message has one valid signature; anything else is
 * `code` (WALLET_SIGNATURE_INVALID by default). `types` is copied, since ethers wants mutable arrays.
 */
export function recoverTypedDataSigner(
  domain: TypedDataDomain,
  types: Readonly<Record<string, readonly TypedDataField[]>>,
  message: Record<string, unknown>,
  signature: unknown,
  code: SignatureErrorCode = 'WALLET_SIGNATURE_INVALID',
): string {
  const invalidSignature = (problem: string) => new TrestleError(code, `The signature ${problem}.`, { details: { argument: 'signature' } });
  if (typeof signature !== 'string' || !SIGNATURE_FORM.test(signature)) throw invalidSignature('is not 0x and 130 hex digits (r, s, v)');
  // s is read from the bytes (r ‖ s ‖ v): ethers' own getter throws on a high s instead of reporting it.
  if (BigInt(`0x${signature.slice(66, 130)}`) > HALF_ORDER) throw invalidSignature('has a high s value; sign again with a wallet that produces canonical (low-s) signatures');
  let parsed: Signature;
  try {
    parsed = Signature.from(signature);
  } catch {
    throw invalidSignature('is not an ECDSA signature ethers can read');
  }
  const mutableTypes = Object.fromEntries(Object.entries(types).map(([name, fields]) => [name, fields.map((field) => ({ ...field }))]));
  const digest = TypedDataEncoder.hash(domain, mutableTypes, message);
  try {
    return recoverAddress(digest, parsed);
  } catch {
    throw invalidSignature('recovers no public key');
  }
}
