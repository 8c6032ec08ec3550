import { readFile, writeFile } from 'node:fs/promises';
import { KeyShare } from './key-share';

/**
 * Writes a bank's key share file readable by its owner only (mode 0600), refusing to replace an
 * existing file: overwriting a share by mistake would lose it for good.
 */
export async function writeKeyShareFile(path: string, share: KeyShare): Promise<void> {
  await writeFile(path, share.toFileText(), { encoding: 'utf8', mode: 0o600, flag: 'wx' });
}

/** Reads a key share file; `VAULT_KEY_SHARE_MALFORMED` if it is not a valid version 1 file. */
export async function readKeyShareFile(path: string): Promise<KeyShare> {
  return KeyShare.fromFileText(await readFile(path, 'utf8'));
}
