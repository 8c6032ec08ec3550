import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { readKeyShareFile } from '../keys/key-share-file-io';
import { readPublicKeyFile } from '../keys/public-key-file';
import { PUBLIC_KEY_FILE_NAME, runKeyCeremony, shareFileName } from './key-ceremony';

const folders: string[] = [];
function emptyFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-ceremony-'));
  folders.push(folder);
  return path.join(folder, 'keys');
}
test.after.always(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('a 2-of-3 ceremony writes three owner-only share files and the public key file, all of one key', async (t) => {
  const out = emptyFolder();
  const result = await runKeyCeremony({ threshold: 2, shareCount: 3 }, out);
  t.deepEqual(result.shareFiles.map((file) => path.basename(file)), [1, 2, 3].map(shareFileName));
  t.is(statSync(out).mode & 0o777, 0o700);
  for (const [index, file] of result.shareFiles.entries()) {
    t.is(statSync(file).mode & 0o777, 0o600, `${file} is readable by its owner only`);
    const share = await readKeyShareFile(file);
    t.like(share, { shareIndex: index + 1, threshold: 2, shareCount: 3, publicKey: result.publicKey });
  }
  t.deepEqual(await readPublicKeyFile(path.join(out, PUBLIC_KEY_FILE_NAME)), { publicKey: result.publicKey, threshold: 2, shareCount: 3 });
  t.false(readFileSync(result.publicKeyFile, 'utf8').includes('secret'), 'the public key file carries no secret');
});

test('a folder that already holds a ceremony\'s file, or a threshold of 1, is refused before any key is made', async (t) => {
  const out = emptyFolder();
  await runKeyCeremony({ threshold: 2, shareCount: 3 }, out);
  const first = readFileSync(path.join(out, shareFileName(1)), 'utf8');
  const again = await t.throwsAsync(runKeyCeremony({ threshold: 2, shareCount: 3 }, out));
  t.true(isTrestleError(again, 'VAULT_CEREMONY_REFUSED'), String(again));
  t.is(readFileSync(path.join(out, shareFileName(1)), 'utf8'), first, 'the share is untouched');

  const partial = emptyFolder();
  await runKeyCeremony({ threshold: 2, shareCount: 2 }, partial);
  rmSync(path.join(partial, shareFileName(1)));
  writeFileSync(path.join(partial, 'note.txt'), 'unrelated');
  t.true(isTrestleError(await t.throwsAsync(runKeyCeremony({ threshold: 2, shareCount: 3 }, partial)), 'VAULT_CEREMONY_REFUSED'), 'share 2 and the public key file are still there');
  t.true(isTrestleError(await t.throwsAsync(runKeyCeremony({ threshold: 1, shareCount: 3 }, emptyFolder())), 'VAULT_THRESHOLD_INVALID'));
});

test('npm run vault -- keygen prints the key and the files, and refuses a used folder in one line with exit code 2', (t) => {
  const out = emptyFolder();
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'main.ts'), 'keygen', ...args], { encoding: 'utf8', timeout: 60_000 });
  const made = run('--threshold', '2', '--shares', '3', '--out', out);
  t.is(made.status, 0, made.stderr);
  t.regex(made.stdout, /^consortium vault key 2 of 3: [0-9a-f]{96}$/m);
  t.regex(made.stdout, /^share 3 +.*vault-share-3\.json \(to one bank's share service: VAULT_SHARE_KEY_FILE; then delete it here\)$/m);
  const shares = [1, 2, 3].map((index) => readFileSync(path.join(out, shareFileName(index)), 'utf8'));
  for (const share of shares) {
    const secret = (JSON.parse(share) as { secretShare: string }).secretShare;
    t.false(made.stdout.includes(secret) || made.stderr.includes(secret), 'no secret share is printed');
  }
  const refused = run('--threshold', '2', '--shares', '3', '--out', out);
  t.is(refused.status, 2);
  t.regex(refused.stderr, /^error: \[VAULT_CEREMONY_REFUSED\] /);
});
