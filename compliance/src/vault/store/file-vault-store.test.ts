import test from 'ava';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTrestleError } from '../../errors/trestle-error';
import { envelopeBytes, type ConsortiumEnvelope } from '../envelope/envelope';
import { sha256Hex } from '../sha256';
import { kycConditions } from '../testing/vault-fixture';
import { FileVaultStore } from './file-vault-store';

// A well-formed envelope; the store never decrypts, so the ciphertext need not be real.
const envelope: ConsortiumEnvelope = {
  format: 'trestle-evidence-envelope/1',
  backend: 'consortium',
  conditions: kycConditions(),
  publicKey: '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb',
  threshold: 2,
  dataHash: sha256Hex('file'),
  ciphertext: Buffer.from('ciphertext').toString('base64'),
};

async function emptyStore(): Promise<FileVaultStore> {
  return new FileVaultStore(await mkdtemp(join(tmpdir(), 'trestle-store-')));
}

test('put names the file by the SHA-256 of the envelope bytes and get returns the same envelope', async (t) => {
  const store = await emptyStore();
  const contentHash = await store.put(envelope);
  t.is(contentHash, sha256Hex(envelopeBytes(envelope)));
  t.deepEqual(await readdir(store.directory), [contentHash]);
  t.is(sha256Hex(await readFile(join(store.directory, contentHash))), contentHash);
  t.deepEqual(await store.get(contentHash), envelope);
});

test('storing the same envelope twice, roles in another order, keeps one file under one hash', async (t) => {
  const store = await emptyStore();
  t.is(await store.put(envelope), await store.put({ ...envelope, conditions: { ...envelope.conditions, allowedRoles: ['regulator', 'compliance-officer'] } }));
  t.is((await readdir(store.directory)).length, 1);
});

test('a stored envelope changed on disk is VAULT_ENVELOPE_CORRUPT', async (t) => {
  const store = await emptyStore();
  const contentHash = await store.put(envelope);
  const path = join(store.directory, contentHash);
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace(envelope.ciphertext, Buffer.from('ciphertexT').toString('base64')));
  const error = await t.throwsAsync(store.get(contentHash));
  t.true(isTrestleError(error, 'VAULT_ENVELOPE_CORRUPT'));
});

test('bytes that hash right but are not an envelope are VAULT_ENVELOPE_CORRUPT', async (t) => {
  const store = await emptyStore();
  const bytes = Buffer.from('{"format":"something else"}');
  await writeFile(join(store.directory, sha256Hex(bytes)), bytes);
  t.true(isTrestleError(await t.throwsAsync(store.get(sha256Hex(bytes))), 'VAULT_ENVELOPE_CORRUPT'));
});

test('a missing hash, or anything that is not a hash, is VAULT_ENVELOPE_NOT_FOUND', async (t) => {
  const store = await emptyStore();
  for (const hash of [sha256Hex('nothing stored'), '../../etc/passwd', 'ABCDEF'.repeat(10) + 'abcd', '']) {
    t.true(isTrestleError(await t.throwsAsync(store.get(hash)), 'VAULT_ENVELOPE_NOT_FOUND'), hash);
  }
});
