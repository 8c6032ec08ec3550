import { inspect } from 'node:util';
import type { JsonObject } from '../../json/json-value';
import { isSecretScalar, publicKeyOf, signWithPopScheme } from './bls12-381';
import type { KeyShareFields } from './key-share-fields';
import { formatKeyShareFile, KEY_SHARE_FILE_FORMAT, parseKeyShareFile } from './key-share-file';

const REDACTED = '[redacted]';

/**
 * One bank's share of the consortium decryption key. The secret lives in a private field: it is
 * used to sign and written to the share file, and every other view of the object (`JSON.stringify`,
 * `util.inspect`, `console.log`, string conversion) shows `[redacted]` in its place.
 */
export class KeyShare implements KeyShareFields {
  readonly publicKey: string;
  readonly threshold: number;
  readonly shareCount: number;
  readonly shareIndex: number;
  readonly verificationKey: string;
  readonly #secret: Uint8Array;

  private constructor(fields: KeyShareFields, secret: Uint8Array) {
    this.publicKey = fields.publicKey;
    this.threshold = fields.threshold;
    this.shareCount = fields.shareCount;
    this.shareIndex = fields.shareIndex;
    this.verificationKey = fields.verificationKey;
    this.#secret = Uint8Array.from(secret);
  }

  /** A share from the dealer's split; the verification key is computed from the secret. */
  static fromSecret(fields: Omit<KeyShareFields, 'verificationKey'>, secret: Uint8Array): KeyShare {
    if (!isSecretScalar(secret)) throw new RangeError('A key share secret must be a non-zero scalar below the group order.');
    return new KeyShare({ ...fields, verificationKey: Buffer.from(publicKeyOf(secret)).toString('hex') }, secret);
  }

  /** Reads a key share file (see `KEY_SHARE_FILE_FORMAT`); throws `VAULT_KEY_SHARE_MALFORMED`. */
  static fromFileText(text: string): KeyShare {
    const { fields, secret } = parseKeyShareFile(text);
    return new KeyShare(fields, secret);
  }

  /** The key share file for this share's service. The only output that contains the secret. */
  toFileText(): string {
    return formatKeyShareFile(this, this.#secret);
  }

  /** This share's signature over `message` in Lit's decryption scheme (compressed G2, 96 bytes). */
  sign(message: Uint8Array): Uint8Array {
    return signWithPopScheme(this.#secret, message);
  }

  /** The public fields and `secretShare: "[redacted]"`, for logs and status pages. */
  toJSON(): JsonObject {
    return {
      format: KEY_SHARE_FILE_FORMAT,
      publicKey: this.publicKey,
      threshold: this.threshold,
      shareCount: this.shareCount,
      shareIndex: this.shareIndex,
      verificationKey: this.verificationKey,
      secretShare: REDACTED,
    };
  }

  /** A one-line description without the secret. */
  toString(): string {
    return `KeyShare ${this.shareIndex} of ${this.shareCount} (threshold ${this.threshold}) for ${this.publicKey.slice(0, 16)}…`;
  }

  /** What `util.inspect` and `console.log` show: the redacted JSON. */
  [inspect.custom](): string {
    return `KeyShare ${inspect(this.toJSON())}`;
  }
}
