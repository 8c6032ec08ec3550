import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isTrestleError } from '../../errors/trestle-error';
import { TEST_SCRYPT_COST } from '../testing/officer-cast';
import { ACCOUNT_FILE_FORMAT, FileAccountStore } from './account-store';
import { addAccount } from './add-account';
import { verifyPassword } from './password-hash';

const tempFile = async () => path.join(await mkdtemp(path.join(tmpdir(), 'trestle-accounts-')), 'accounts.json');
const FIELDS = { username: 'a1', displayName: 'Officer A1', role: 'compliance-officer', mspId: 'BankAMSP', walletLabel: 'a1@banka' };
const NOW = new Date('2026-03-01T00:00:00.000Z');

test('an added account is stored hashed in a 0600 file and found again, mapped to its bank and wallet label', async (t) => {
  const store = new FileAccountStore(await tempFile());
  await addAccount(store, FIELDS, 'a long enough password', NOW, TEST_SCRYPT_COST);
  const text = await readFile(store.path, 'utf8');
  t.false(text.includes('a long enough password'));
  t.is((JSON.parse(text) as { format: string }).format, ACCOUNT_FILE_FORMAT);
  t.is((await stat(store.path)).mode & 0o777, 0o600);
  const found = await new FileAccountStore(store.path).find('a1');
  t.like(found, { username: 'a1', role: 'compliance-officer', mspId: 'BankAMSP', walletLabel: 'a1@banka', createdAt: NOW.toISOString(), password: { algorithm: 'scrypt', N: 1024 } });
  t.true(await verifyPassword('a long enough password', found!.password));
  t.is(await store.find('nobody'), undefined);
});

test('a taken username, a short password and bad fields are refused with typed errors, writing nothing', async (t) => {
  const store = new FileAccountStore(await tempFile());
  await addAccount(store, FIELDS, 'a long enough password', NOW, TEST_SCRYPT_COST);
  const before = await readFile(store.path, 'utf8');
  await t.throwsAsync(addAccount(store, FIELDS, 'another long password', NOW, TEST_SCRYPT_COST), { message: /OFFICER_ACCOUNT_EXISTS/ });
  await t.throwsAsync(addAccount(store, { ...FIELDS, username: 'a2' }, 'short', NOW, TEST_SCRYPT_COST), { message: /OFFICER_ACCOUNT_INVALID/ });
  const error = await t.throwsAsync(addAccount(store, { ...FIELDS, username: 'A 2', role: 'operator', mspId: '', walletLabel: '../x' }, 'a long enough password', NOW, TEST_SCRYPT_COST));
  t.true(isTrestleError(error, 'OFFICER_ACCOUNT_INVALID'));
  t.deepEqual((error as { details?: { problems: Array<{ path: string }> } }).details?.problems.map((p) => p.path), ['username', 'role', 'mspId', 'walletLabel']);
  t.is(await readFile(store.path, 'utf8'), before);
});

test('a corrupt or tampered account file is refused, not half read', async (t) => {
  const file = await tempFile();
  const store = new FileAccountStore(file);
  await addAccount(store, FIELDS, 'a long enough password', NOW, TEST_SCRYPT_COST);
  const good = JSON.parse(await readFile(file, 'utf8')) as { accounts: Array<{ password: { N: number } }> };
  for (const text of ['not json', '{"format":"other","accounts":[]}', JSON.stringify({ ...good, accounts: [{ ...good.accounts[0], password: { ...good.accounts[0]!.password, N: 2 } }] })]) {
    await writeFile(file, text);
    await t.throwsAsync(new FileAccountStore(file).find('a1'), { message: /OFFICER_ACCOUNT_STORE_CORRUPT/ }, text.slice(0, 20));
  }
});

test('the add-account command reads the password from stdin and writes the account', async (t) => {
  const file = await tempFile();
  const main = path.join(__dirname, '..', 'main.ts');
  const run = (args: string[], input: string) => spawnSync(process.execPath, ['--import', 'tsx', main, 'add-account', '--file', file, ...args], { input, encoding: 'utf8' });
  const added = run(['--username', 'rita', '--role', 'regulator', '--msp', 'RegulatorMSP', '--display-name', 'Rita R.'], 'a regulator password\n');
  t.is(added.status, 0, added.stderr);
  t.regex(added.stdout, /added rita \(regulator, RegulatorMSP, wallet label rita\)/);
  const account = await new FileAccountStore(file).find('rita');
  t.true(await verifyPassword('a regulator password', account!.password), 'the trailing newline is not part of the password');
  const again = run(['--username', 'rita', '--role', 'regulator', '--msp', 'RegulatorMSP'], 'a regulator password\n');
  t.is(again.status, 1);
  t.regex(again.stderr, /OFFICER_ACCOUNT_EXISTS/);
});
