import { TrestleError } from '../../errors/trestle-error';
import type { Requester } from '../access/access-gate';
import { parseRequester } from '../access/parse-requester';
import { parseAccessConditions, type AccessConditions } from '../conditions/access-conditions';
import { isPublicKeyHex } from '../keys/bls12-381';
import { isSha256Hex } from '../sha256';

/**
 * What a client sends a share service to get its share for one file: who asks, and the envelope's
 * key, conditions and data hash. The service derives the identity it signs from these, never takes
 * it from the client, so what it authorizes is exactly what it signs.
 */
export type DecryptionShareRequest = {
  readonly requester: Requester;
  readonly publicKey: string;
  readonly conditions: AccessConditions;
  readonly dataHash: string;
};

/** Validates a request that may come off the network; conditions come back normalised. */
export function parseDecryptionShareRequest(value: unknown): DecryptionShareRequest {
  if (typeof value !== 'object' || value === null) throw malformed('is not an object');
  const { requester, publicKey, conditions, dataHash } = value as Record<string, unknown>;
  const checkedRequester = parseRequester(requester);
  if (!isPublicKeyHex(publicKey)) throw malformed('has a public key that is not a compressed G1 point');
  if (!isSha256Hex(dataHash)) throw malformed('has a data hash that is not SHA-256 hex');
  return { requester: checkedRequester, publicKey, conditions: parseAccessConditions(conditions), dataHash };
}

function malformed(problem: string): TrestleError {
  return new TrestleError('VAULT_REQUEST_MALFORMED', `The decryption share request ${problem}; send the envelope's key, conditions and data hash.`);
}
