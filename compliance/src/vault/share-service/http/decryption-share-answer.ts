import { TrestleError } from '../../../errors/trestle-error';
import type { DecryptionShare } from '../../envelope/decryption-share';
import { isPublicKeyHex, SIGNATURE_BYTES } from '../../keys/bls12-381';

// One share index byte, then a compressed G2 point, in hex: what `encodeSignatureShare` writes.
const PROOF_OF_POSSESSION = new RegExp(`^[0-9a-f]{${2 * (1 + SIGNATURE_BYTES)}}$`);

/**
 * The `share` of a share service's answer, checked for shape only: whether it was made for the
 * right file, key and index is `openEnvelope`'s check, against the envelope itself.
 */
export function parseDecryptionShareAnswer(body: unknown): DecryptionShare {
  const share = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).share : undefined;
  if (typeof share !== 'object' || share === null) throw invalid();
  const { shareIndex, publicKey, identity, signatureShare } = share as Record<string, unknown>;
  const proof = typeof signatureShare === 'object' && signatureShare !== null ? (signatureShare as Record<string, unknown>).ProofOfPossession : undefined;
  if (typeof shareIndex !== 'number' || !Number.isInteger(shareIndex) || shareIndex < 1 || shareIndex > 255) throw invalid();
  if (!isPublicKeyHex(publicKey) || typeof identity !== 'string' || typeof proof !== 'string' || !PROOF_OF_POSSESSION.test(proof)) throw invalid();
  return { shareIndex, publicKey, identity, signatureShare: { ProofOfPossession: proof } };
}

function invalid(): TrestleError {
  return new TrestleError('VAULT_SHARES_INVALID', 'A share service answered with something that is not a decryption share; tell its operator.');
}
