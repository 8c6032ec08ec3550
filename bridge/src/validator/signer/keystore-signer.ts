import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { decryptKeystoreJson, Wallet, type TypedDataDomain, type TypedDataField } from 'ethers';
import { BridgeError } from '../errors';
import type { ValidatorSigner } from './validator-signer';

/** Where the keystore password comes from; never from a command-line argument (it would show in `ps`). */
export type KeystorePasswordSource = { readonly env: string } | { readonly file: string };

const REDACTED = '[redacted]';

/**
 * A validator key loaded from an ethers v6 (Web3 Secret Storage) encrypted JSON keystore. The key
 * stays in a private field; `toJSON` and `util.inspect` show only the address.
 */
export class KeystoreSigner implements ValidatorSigner {
  readonly #wallet: Wallet;

  private constructor(wallet: Wallet) {
    this.#wallet = wallet;
  }

  /** Decrypts `keystorePath` with the password from `password`. */
  static async load(keystorePath: string, password: KeystorePasswordSource): Promise<KeystoreSigner> {
    const secret = await readPassword(password);
    let json: string;
    try {
      json = await readFile(keystorePath, 'utf8');
    } catch (cause) {
      throw new BridgeError('BRIDGE_KEYSTORE_UNREADABLE', 'The validator keystore file cannot be read; check the path and its permissions.', { path: keystorePath }, { cause });
    }
    try {
      const account = await decryptKeystoreJson(json, secret);
      return new KeystoreSigner(new Wallet(account.privateKey));
    } catch (cause) {
      // The cause is ethers' own message ("incorrect password", "invalid JSON wallet"): no secret in it.
      throw new BridgeError('BRIDGE_KEYSTORE_UNREADABLE', 'The validator keystore could not be decrypted; check the password source and the file.', { path: keystorePath }, { cause });
    }
  }

  get address(): string {
    return this.#wallet.address;
  }

  signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string> {
    return this.#wallet.signTypedData(domain, types, value);
  }

  signMessage(message: Uint8Array): Promise<string> {
    return this.#wallet.signMessage(message);
  }

  toJSON(): { type: 'KeystoreSigner'; address: string; key: string } {
    return { type: 'KeystoreSigner', address: this.address, key: REDACTED };
  }

  toString(): string {
    return `KeystoreSigner(${this.address}, key ${REDACTED})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

async function readPassword(source: KeystorePasswordSource): Promise<string> {
  if ('env' in source) {
    const value = process.env[source.env];
    if (value === undefined || value === '') {
      throw new BridgeError('BRIDGE_KEYSTORE_PASSWORD_MISSING', 'The keystore password environment variable is not set.', { variable: source.env });
    }
    return value;
  }
  try {
    // A password file usually ends with a newline the password does not contain.
    return (await readFile(source.file, 'utf8')).replace(/\r?\n$/, '');
  } catch (cause) {
    throw new BridgeError('BRIDGE_KEYSTORE_PASSWORD_MISSING', 'The keystore password file cannot be read.', { path: source.file }, { cause });
  }
}
