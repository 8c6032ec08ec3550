import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TrestleError } from '../../errors/trestle-error';
import { generateConsortiumKey } from '../keys/generate-consortium-key';
import { writeKeyShareFile } from '../keys/key-share-file-io';
import { formatPublicKeyFile } from '../keys/public-key-file';
import { requireThresholdParameters, type ThresholdParameters } from '../keys/threshold-parameters';

/** What a ceremony wrote: the public key (hex), its file, and one share file per bank service in index order. */
export type CeremonyResult = { readonly publicKey: string; readonly publicKeyFile: string; readonly shareFiles: readonly string[] };

/** The share file of share `index` in a ceremony's folder. */
export const shareFileName = (index: number): string => `vault-share-${index}.json`;
export const PUBLIC_KEY_FILE_NAME = 'vault-public-key.json';

/**
 * Runs the consortium's vault key ceremony: a t-of-n BLS12-381 key (`generateConsortiumKey`), each
 * share in its own file readable by its owner only (mode 0600; an existing file is never replaced,
 * so a share cannot be overwritten by mistake), and the public key file every officer service seals
 * with. The folder is created mode 0700. Hand each share file to one bank's share service and delete
 * it here; the whole secret existed only inside this call.
 */
export async function runKeyCeremony(parameters: ThresholdParameters, outDir: string): Promise<CeremonyResult> {
  requireThresholdParameters(parameters);
  // Refused before any key exists, so a ceremony never leaves half its files beside an older one.
  const planned = [...Array.from({ length: parameters.shareCount }, (_, i) => shareFileName(i + 1)), PUBLIC_KEY_FILE_NAME].map((name) => path.join(outDir, name));
  const present = planned.filter((file) => existsSync(file));
  if (present.length > 0) {
    throw new TrestleError('VAULT_CEREMONY_REFUSED', 'The folder already holds key files of a ceremony; choose an empty folder, a share once overwritten is lost for good.', { details: { files: present.map((file) => path.basename(file)).join(', ') } });
  }
  const key = generateConsortiumKey(parameters);
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const shareFiles: string[] = [];
  for (const share of key.keyShares) {
    const file = path.join(outDir, shareFileName(share.shareIndex));
    await writeKeyShareFile(file, share);
    shareFiles.push(file);
  }
  const publicKeyFile = path.join(outDir, PUBLIC_KEY_FILE_NAME);
  writeFileSync(publicKeyFile, formatPublicKeyFile(key.publicKey), { encoding: 'utf8', flag: 'wx' });
  return { publicKey: key.publicKey.publicKey, publicKeyFile, shareFiles };
}
