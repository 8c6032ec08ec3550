import { writeFile } from 'node:fs/promises';
import { encryptKeystoreJson, Wallet } from 'ethers';

/** scrypt cost; the defaults are ethers' (N 2^17, r 8, p 1). Lower N only in tests. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 17, r: 8, p: 1 };

export interface CreateKeystoreOptions {
  /** The key to encrypt (0x hex); a new random key when omitted. */
  readonly privateKey?: string;
  readonly scrypt?: ScryptParams;
}

/**
 * Encrypts a validator key into an ethers v6 JSON keystore at `path` (mode 0600, refusing to
 * overwrite) and returns its address. For a CLI: `trestle validator keystore create <path>`.
 */
export async function createKeystore(path: string, password: string, options: CreateKeystoreOptions = {}): Promise<{ address: string }> {
  const wallet = options.privateKey === undefined ? Wallet.createRandom() : new Wallet(options.privateKey);
  const json = await encryptKeystoreJson({ address: wallet.address, privateKey: wallet.privateKey }, password, { scrypt: options.scrypt ?? DEFAULT_SCRYPT });
  await writeFile(path, json, { mode: 0o600, flag: 'wx' });
  return { address: wallet.address };
}
