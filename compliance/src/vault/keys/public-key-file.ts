import { readFile } from 'node:fs/promises';
import { TrestleError } from '../../errors/trestle-error';
import { isPublicKeyHex } from './bls12-381';
import type { ConsortiumPublicKey } from './consortium-public-key';
import { isThresholdParameters, requireThresholdParameters } from './threshold-parameters';
import { keyFileObject } from './key-file-object';

/**
 * The `format` line of a consortium public key file: what an officer service or a sealing client
 * needs, and nothing secret. One JSON object, keys in this order:
 *
 *     { "format": "trestle-vault-public-key/1", "curve": "BLS12-381",
 *       "publicKey": <96 hex: compressed G1>, "threshold": 2, "shareCount": 3 }
 *
 * The same three values head every key share file of the ceremony, so either can be checked
 * against the other. Bump the version on any change a reader of version 1 would misread.
 */
export const PUBLIC_KEY_FILE_FORMAT = 'trestle-vault-public-key/1';

const CURVE = 'BLS12-381';

/** The text of a public key file for `key`. */
export function formatPublicKeyFile(key: ConsortiumPublicKey): string {
  requireThresholdParameters(key);
  if (!isPublicKeyHex(key.publicKey)) throw malformed('would hold a public key that is not a compressed G1 point');
  return `${JSON.stringify({ format: PUBLIC_KEY_FILE_FORMAT, curve: CURVE, publicKey: key.publicKey, threshold: key.threshold, shareCount: key.shareCount }, null, 2)}\n`;
}

/** Reads a public key file's text; `VAULT_PUBLIC_KEY_MALFORMED` unless it is a valid version 1 file. */
export function parsePublicKeyFile(text: string): ConsortiumPublicKey {
  const { format, curve, publicKey, threshold, shareCount, ...extra } = keyFileObject(text, malformed);
  if (format !== PUBLIC_KEY_FILE_FORMAT || curve !== CURVE) throw malformed(`is not a ${PUBLIC_KEY_FILE_FORMAT} file on ${CURVE}`);
  if (Object.keys(extra).length > 0) throw malformed('has fields a version 1 file does not have');
  if (!isPublicKeyHex(publicKey)) throw malformed('has a public key that is not a compressed G1 point');
  if (!isThresholdParameters(threshold, shareCount)) throw malformed('has threshold and share count out of range');
  return { publicKey, threshold: threshold as number, shareCount: shareCount as number };
}

/** Reads the public key file at `path`. */
export async function readPublicKeyFile(path: string): Promise<ConsortiumPublicKey> {
  return parsePublicKeyFile(await readFile(path, 'utf8'));
}

function malformed(problem: string): TrestleError {
  return new TrestleError('VAULT_PUBLIC_KEY_MALFORMED', `The consortium public key file ${problem}; use the file the key ceremony published.`);
}
