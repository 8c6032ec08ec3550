import { accessConditionsHash, parseAccessConditions, type AccessConditions } from '../conditions/access-conditions';
import { litIdentityBytes } from '../conditions/lit-identity';
import type { ConsortiumPublicKey } from '../keys/consortium-public-key';
import { litEncrypt } from '../lit/lit-crypto';
import { sha256Hex } from '../sha256';
import { ENVELOPE_FORMAT, type ConsortiumEnvelope } from './envelope';

/**
 * Encrypts a file on the client with Lit's `encrypt` to the identity
 * `lit-accesscontrolcondition://<sha256(conditions)>/<sha256(file)>` under the consortium key.
 */
export async function sealEnvelope(file: Uint8Array, conditions: AccessConditions, key: ConsortiumPublicKey): Promise<ConsortiumEnvelope> {
  const checked = parseAccessConditions(conditions);
  const dataHash = sha256Hex(file);
  const ciphertext = await litEncrypt(key.publicKey, file, litIdentityBytes(accessConditionsHash(checked), dataHash));
  return { format: ENVELOPE_FORMAT, backend: 'consortium', conditions: checked, publicKey: key.publicKey, threshold: key.threshold, dataHash, ciphertext };
}
