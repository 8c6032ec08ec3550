import { TrestleError } from '../../errors/trestle-error';
import { accessConditionsHash } from '../conditions/access-conditions';
import { litIdentity } from '../conditions/lit-identity';
import { litCombineSignatureShares, litVerifyAndDecrypt, litVerifySignature } from '../lit/lit-crypto';
import { sha256Hex } from '../sha256';
import type { DecryptionShare } from './decryption-share';
import type { ConsortiumEnvelope } from './envelope';

/**
 * Decrypts an envelope from bank share services' decryption shares with Lit's own functions:
 * `combineSignatureShares` and `verifySignature` first, so shares that do not make this file's key
 * are `VAULT_SHARES_INVALID`, then `verifyAndDecryptWithSignatureShares` (output silenced), whose
 * failure after a good signature means the ciphertext is `VAULT_ENVELOPE_CORRUPT`; so is plaintext
 * whose hash is not the envelope's. Fewer than `threshold` distinct shares is `VAULT_NOT_ENOUGH_SHARES`.
 */
export async function openEnvelope(envelope: ConsortiumEnvelope, shares: readonly DecryptionShare[]): Promise<Uint8Array> {
  const identity = litIdentity(accessConditionsHash(envelope.conditions), envelope.dataHash);
  requireSharesFor(envelope, identity, shares);
  if (shares.length < envelope.threshold) {
    throw new TrestleError('VAULT_NOT_ENOUGH_SHARES', 'Too few bank share services answered to open this file; try again when more of them are up.', {
      details: { fileId: envelope.conditions.fileId, received: shares.length, threshold: envelope.threshold },
    });
  }
  const identityBytes = new TextEncoder().encode(identity);
  const litShares = shares.map((share) => share.signatureShare);
  try {
    const signature = await litCombineSignatureShares(litShares);
    await litVerifySignature(envelope.publicKey, identityBytes, signature);
  } catch (cause) {
    throw sharesInvalid(envelope, 'do not combine into the decryption key of this file', cause);
  }
  let plaintext: Uint8Array;
  try {
    plaintext = await litVerifyAndDecrypt(envelope.publicKey, identityBytes, envelope.ciphertext, litShares);
  } catch (cause) {
    throw corrupt(envelope, cause);
  }
  if (sha256Hex(plaintext) !== envelope.dataHash) throw corrupt(envelope);
  return plaintext;
}

function requireSharesFor(envelope: ConsortiumEnvelope, identity: string, shares: readonly DecryptionShare[]): void {
  const seen = new Set<number>();
  for (const share of shares) {
    if (share.publicKey !== envelope.publicKey) throw sharesInvalid(envelope, `include share ${share.shareIndex} of another consortium key`);
    if (share.identity !== identity) throw sharesInvalid(envelope, `include share ${share.shareIndex} made for another file or other conditions`);
    if (seen.has(share.shareIndex)) throw sharesInvalid(envelope, `include share ${share.shareIndex} twice`);
    seen.add(share.shareIndex);
  }
}

function sharesInvalid(envelope: ConsortiumEnvelope, problem: string, cause?: unknown): TrestleError {
  return new TrestleError('VAULT_SHARES_INVALID', `The decryption shares ${problem}; ask the share services again for this file.`, {
    details: { fileId: envelope.conditions.fileId },
    cause,
  });
}

function corrupt(envelope: ConsortiumEnvelope, cause?: unknown): TrestleError {
  return new TrestleError('VAULT_ENVELOPE_CORRUPT', 'The envelope decrypts to nothing or to other data; fetch it again from another bank\'s store.', {
    details: { fileId: envelope.conditions.fileId },
    cause,
  });
}
