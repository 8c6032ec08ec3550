import { TrestleError } from '../../errors/trestle-error';
import { isPublicKeyHex, isSecretScalar, publicKeyOf, SCALAR_BYTES } from './bls12-381';
import type { KeyShareFields } from './key-share-fields';
import { isThresholdParameters } from './threshold-parameters';
import { keyFileObject } from './key-file-object';

/**
 * The `format` line of a key share file. The file is one JSON object, keys in this order:
 *
 *     { "format": "trestle-vault-key-share/1", "curve": "BLS12-381",
 *       "publicKey": <96 hex: consortium key, compressed G1>, "threshold": 2, "shareCount": 3,
 *       "shareIndex": 1, "verificationKey": <96 hex: share · G1>, "secretShare": <64 hex, big-endian> }
 *
 * Bump the version on any change a reader of version 1 would misread.
 */
export const KEY_SHARE_FILE_FORMAT = 'trestle-vault-key-share/1';

const CURVE = 'BLS12-381';
const SECRET_HEX = new RegExp(`^[0-9a-f]{${SCALAR_BYTES * 2}}$`);

/** The text of a key share file for `fields` and `secret` (the share's 32-byte scalar). */
export function formatKeyShareFile(fields: KeyShareFields, secret: Uint8Array): string {
  const document = {
    format: KEY_SHARE_FILE_FORMAT,
    curve: CURVE,
    publicKey: fields.publicKey,
    threshold: fields.threshold,
    shareCount: fields.shareCount,
    shareIndex: fields.shareIndex,
    verificationKey: fields.verificationKey,
    secretShare: Buffer.from(secret).toString('hex'),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Reads a key share file. Refuses, with `VAULT_KEY_SHARE_MALFORMED` and without quoting the file,
 * anything that is not a version 1 file whose secret matches its verification key.
 */
export function parseKeyShareFile(text: string): { fields: KeyShareFields; secret: Uint8Array } {
  const { format, curve, publicKey, threshold, shareCount, shareIndex, verificationKey, secretShare } = keyFileObject(text, malformed);
  if (format !== KEY_SHARE_FILE_FORMAT || curve !== CURVE) throw malformed(`is not a ${KEY_SHARE_FILE_FORMAT} file on ${CURVE}`);
  if (!isPublicKeyHex(publicKey) || !isPublicKeyHex(verificationKey)) throw malformed('has a public or verification key that is not a compressed G1 point');
  if (!isThresholdParameters(threshold, shareCount)) throw malformed('has threshold and share count out of range');
  if (!Number.isSafeInteger(shareIndex) || (shareIndex as number) < 1 || (shareIndex as number) > (shareCount as number)) {
    throw malformed('has a share index outside 1 to the share count');
  }
  if (typeof secretShare !== 'string' || !SECRET_HEX.test(secretShare)) throw malformed('has a secret share that is not 64 hex digits');
  const secret = Uint8Array.from(Buffer.from(secretShare, 'hex'));
  if (!isSecretScalar(secret)) throw malformed('has a secret share outside the scalar field');
  if (Buffer.from(publicKeyOf(secret)).toString('hex') !== verificationKey) throw malformed('has a secret share that does not match its verification key');
  const fields: KeyShareFields = {
    publicKey,
    threshold: threshold as number,
    shareCount: shareCount as number,
    shareIndex: shareIndex as number,
    verificationKey,
  };
  return { fields, secret };
}

function malformed(problem: string): TrestleError {
  return new TrestleError('VAULT_KEY_SHARE_MALFORMED', `The key share file ${problem}; restore the file the key ceremony wrote for this bank.`);
}
