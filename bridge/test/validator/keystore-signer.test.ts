import test from 'ava';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { verifyTypedData, Wallet } from 'ethers';
import { createKeystore, isBridgeError, KeystoreSigner, mintTypedData } from '../../src/plugin/public-api';
import { tempDir, TEST_SCRYPT } from './validator-keys';

const MINT = { nonce: 7n, chainId: 31337n, token: Wallet.createRandom().address, to: Wallet.createRandom().address, amount: 10n, fabricTxId: `0x${'ab'.repeat(32)}` };

test('a keystore created with a password loads back to the same address, from an env variable or a file', async (t) => {
  const dir = await tempDir('keystore');
  const key = Wallet.createRandom().privateKey;
  const file = path.join(dir, 'bank-a.json');
  const { address } = await createKeystore(file, 'correct horse', { privateKey: key, scrypt: TEST_SCRYPT });
  process.env.TRESTLE_TEST_KS_PASSWORD = 'correct horse';
  const fromEnv = await KeystoreSigner.load(file, { env: 'TRESTLE_TEST_KS_PASSWORD' });
  await writeFile(path.join(dir, 'password'), 'correct horse\n', { mode: 0o600 });
  const fromFile = await KeystoreSigner.load(file, { file: path.join(dir, 'password') });
  t.is(fromEnv.address, new Wallet(key).address);
  t.is(fromFile.address, address);
});

test('a keystore signer signs EIP-712 Mint messages that recover to its address', async (t) => {
  const dir = await tempDir('keystore');
  const file = path.join(dir, 'v.json');
  await createKeystore(file, 'pw', { scrypt: TEST_SCRYPT });
  process.env.TRESTLE_TEST_KS_PW2 = 'pw';
  const signer = await KeystoreSigner.load(file, { env: 'TRESTLE_TEST_KS_PW2' });
  const { domain, types, value } = mintTypedData(Wallet.createRandom().address, MINT);
  const signature = await signer.signTypedData(domain, types, value);
  t.is(verifyTypedData(domain, types, value, signature), signer.address);
  t.is(await signer.signTypedData(domain, types, value), signature, 'signing is deterministic');
});

test('the key never appears in JSON, inspect or string forms of the signer', async (t) => {
  const dir = await tempDir('keystore');
  const key = Wallet.createRandom().privateKey;
  const file = path.join(dir, 'v.json');
  await createKeystore(file, 'pw', { privateKey: key, scrypt: TEST_SCRYPT });
  process.env.TRESTLE_TEST_KS_PW3 = 'pw';
  const signer = await KeystoreSigner.load(file, { env: 'TRESTLE_TEST_KS_PW3' });
  for (const shown of [JSON.stringify(signer), inspect(signer, { showHidden: true, depth: 5 }), String(signer), inspect({ nested: signer })]) {
    t.false(shown.toLowerCase().includes(key.slice(2).toLowerCase()), shown);
    t.true(shown.includes('[redacted]'), shown);
  }
});

test('a wrong password, a missing password variable and a missing file are typed errors that name no secret', async (t) => {
  const dir = await tempDir('keystore');
  const file = path.join(dir, 'v.json');
  await createKeystore(file, 'right', { scrypt: TEST_SCRYPT });
  process.env.TRESTLE_TEST_KS_WRONG = 'wrong';
  const wrong = await t.throwsAsync(KeystoreSigner.load(file, { env: 'TRESTLE_TEST_KS_WRONG' }));
  t.true(isBridgeError(wrong, 'BRIDGE_KEYSTORE_UNREADABLE'));
  t.false(wrong.message.includes('wrong'));
  delete process.env.TRESTLE_TEST_KS_UNSET;
  t.true(isBridgeError(await t.throwsAsync(KeystoreSigner.load(file, { env: 'TRESTLE_TEST_KS_UNSET' })), 'BRIDGE_KEYSTORE_PASSWORD_MISSING'));
  t.true(isBridgeError(await t.throwsAsync(KeystoreSigner.load(path.join(dir, 'absent.json'), { env: 'TRESTLE_TEST_KS_WRONG' })), 'BRIDGE_KEYSTORE_UNREADABLE'));
});

test('creating a keystore never overwrites an existing file', async (t) => {
  const dir = await tempDir('keystore');
  const file = path.join(dir, 'v.json');
  await createKeystore(file, 'pw', { scrypt: TEST_SCRYPT });
  await t.throwsAsync(createKeystore(file, 'pw', { scrypt: TEST_SCRYPT }), { code: 'EEXIST' });
});
