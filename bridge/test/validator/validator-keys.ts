import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Wallet } from 'ethers';
import { createKeystore, KeystoreSigner } from '../../src/plugin/public-api';

/** Cheap scrypt so tests stay fast; production keystores use the default cost. */
export const TEST_SCRYPT = { N: 1 << 10, r: 8, p: 1 } as const;

/** A fresh temporary folder. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `trestle-${prefix}-`));
}

/** Each validator wallet written to its own keystore and loaded back, as a bank's validator would. */
export async function keystoreSigners(wallets: readonly Wallet[]): Promise<KeystoreSigner[]> {
  const dir = await tempDir('keys');
  return Promise.all(
    wallets.map(async (wallet, index) => {
      const file = path.join(dir, `validator-${index}.json`);
      const passwordVariable = `TRESTLE_TEST_KEYSTORE_PASSWORD_${index}`;
      process.env[passwordVariable] = `password-${index}`;
      await createKeystore(file, `password-${index}`, { privateKey: wallet.privateKey, scrypt: TEST_SCRYPT });
      return KeystoreSigner.load(file, { env: passwordVariable });
    }),
  );
}
