import { readFileSync } from 'node:fs';
import { Wallet } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

/** Opens the liquidator's encrypted keystore (ethers JSON) with the password in `passwordEnv`; CLI_INPUT_INVALID when it cannot. */
export async function openKeystore(file: string, passwordEnv: string): Promise<Wallet> {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TrestleError('CLI_INPUT_INVALID', `Cannot read the keystore ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { details: { argument: 'keystore' } });
  }
  const password = process.env[passwordEnv];
  if (password === undefined) throw new TrestleError('CLI_INPUT_INVALID', `The environment variable ${passwordEnv} (--password-env) is not set; it must hold the keystore's password.`, { details: { argument: 'password-env' } });
  try {
    const wallet = await Wallet.fromEncryptedJson(json, password);
    return new Wallet(wallet.privateKey);
  } catch {
    // The reason (wrong password, not a keystore) is not worth the risk of echoing file content.
    throw new TrestleError('CLI_INPUT_INVALID', `The keystore ${file} did not open with the password in ${passwordEnv}.`, { details: { argument: 'keystore' } });
  }
}
