import { Wallet, encryptKeystoreJsonSync } from 'ethers';
import test, { type ExecutionContext } from 'ava';
import { INVESTORS, ledgerWithInvestors } from '@trestle/chaincode/src/testing/ledger-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { CHAIN_ID, signBinding } from '@trestle/chaincode/src/testing/test-wallets';
import { cliWorld, type CliWorld } from './testing/cli-world';
import { documentFile } from './testing/document-files';

// Wallet bindings through `trestle investor bind-wallet`, over the in-process chaincode stub (no
// Fabric peer runs here). Keystores are encrypted with a tiny scrypt cost: the format is real,
// only the work factor is cut so the suite stays fast.

const PASSWORD_ENV = 'TRESTLE_TEST_BIND_WALLET_PASSWORD';
const PASSWORD = 'correct horse battery staple';
process.env[PASSWORD_ENV] = PASSWORD;

type World = CliWorld;

const world = async () => cliWorld(await ledgerWithInvestors());

/** A fresh wallet and its keystore file, encrypted with PASSWORD. */
function keystore(w: World, name: string): { wallet: Wallet; file: string } {
  const wallet = new Wallet(Wallet.createRandom().privateKey);
  const json = encryptKeystoreJsonSync({ address: wallet.address, privateKey: wallet.privateKey }, PASSWORD, { scrypt: { N: 1 << 4 } });
  return { wallet, file: documentFile(w.folder, name, json) };
}

const bindArgs = (investorId: string, address: string, nonce = '1') => ['investor', 'bind-wallet', investorId, '--address', address, '--chain-id', CHAIN_ID.toString(), '--nonce', nonce];

/** Runs a bind that must be refused with `code` and `exitCode`, and checks nothing was written. */
async function refusedBind(t: ExecutionContext, w: World, argv: string[], code: string, exitCode: number, phrase = ''): Promise<void> {
  const before = snapshotLedger(w.worldState);
  const run = await w.cli(...argv);
  t.is(run.exitCode, exitCode, `${code}: ${run.stderr}`);
  t.regex(run.stderr, new RegExp(`^error: \\[${code}\\] [^\\n]+$`));
  t.true(run.stderr.includes(phrase), `${run.stderr} names ${phrase}`);
  t.is(run.stdout, '');
  t.deepEqual(snapshotLedger(w.worldState), before, `${code}: nothing written`);
}

test('with a keystore the CLI signs the EIP-712 binding itself and the chaincode binds the wallet', async (t) => {
  const w = await world();
  const { wallet, file } = keystore(w, 'anna.json');
  const run = await w.cli(...bindArgs(INVESTORS.annaA, wallet.address), '--keystore', file, '--password-env', PASSWORD_ENV, '--as', 'bankA/bob');
  t.is(run.exitCode, 0, run.stderr);
  t.is(run.stdout, `wallet ${wallet.address} bound to investor ${INVESTORS.annaA} at BankAMSP (chain 31337, nonce 1)`);
  // The same signed binding again: the nonce is spent.
  await refusedBind(t, w, [...bindArgs(INVESTORS.annaA, wallet.address), '--keystore', file, '--password-env', PASSWORD_ENV, '--as', 'bankA/bob'], 'WALLET_NONCE_USED', 3);
});

test('a signature passed with --signature binds, and --json prints the binding as the ledger has it', async (t) => {
  const w = await world();
  const wallet = new Wallet(Wallet.createRandom().privateKey);
  const signature = await signBinding(wallet, { investorId: INVESTORS.chloeB, bank: 'BankBMSP', nonce: 7n });
  const run = await w.cli(...bindArgs(INVESTORS.chloeB, wallet.address.toLowerCase(), '7'), '--signature', signature, '--as', 'bankB/carol', '--json');
  t.is(run.exitCode, 0, run.stderr);
  t.like(JSON.parse(run.stdout) as Record<string, unknown>, { address: wallet.address, investorId: INVESTORS.chloeB, bankMsp: 'BankBMSP', chainId: '31337', nonce: '7' });
});

test('a signature by another key is WALLET_SIGNATURE_INVALID (exit 3) and binds nothing', async (t) => {
  const w = await world();
  const wallet = new Wallet(Wallet.createRandom().privateKey);
  const other = new Wallet(Wallet.createRandom().privateKey);
  const signature = await signBinding(other, { investorId: INVESTORS.annaA, bank: 'BankAMSP', wallet: wallet.address });
  await refusedBind(t, w, [...bindArgs(INVESTORS.annaA, wallet.address), '--signature', signature, '--as', 'bankA/bob'], 'WALLET_SIGNATURE_INVALID', 3);
  // Signed for another bank than the investor's: the chaincode recovers another key.
  const forBankB = await signBinding(wallet, { investorId: INVESTORS.annaA, bank: 'BankBMSP' });
  await refusedBind(t, w, [...bindArgs(INVESTORS.annaA, wallet.address), '--signature', forBankB, '--as', 'bankA/bob'], 'WALLET_SIGNATURE_INVALID', 3);
});

test('keystore and option problems are usage errors (exit 2) naming the problem, and write nothing', async (t) => {
  const w = await world();
  const { wallet, file } = keystore(w, 'anna.json');
  const stranger = keystore(w, 'stranger.json');
  const base = bindArgs(INVESTORS.annaA, wallet.address);
  const keystoreArgs = (keystoreFile: string, variable: string) => ['--keystore', keystoreFile, '--password-env', variable, '--as', 'bankA/bob'];
  await refusedBind(t, w, [...base, ...keystoreArgs(file, 'TRESTLE_TEST_UNSET_VARIABLE')], 'CLI_INPUT_INVALID', 2, 'TRESTLE_TEST_UNSET_VARIABLE named by --password-env is not set');
  process.env.TRESTLE_TEST_WRONG_PASSWORD = 'not it';
  await refusedBind(t, w, [...base, ...keystoreArgs(file, 'TRESTLE_TEST_WRONG_PASSWORD')], 'CLI_INPUT_INVALID', 2, 'does not open with the password');
  await refusedBind(t, w, [...base, ...keystoreArgs(stranger.file, PASSWORD_ENV)], 'CLI_INPUT_INVALID', 2, `holds the key of ${stranger.wallet.address}`);
  await refusedBind(t, w, [...base, ...keystoreArgs(`${w.folder}/missing.json`, PASSWORD_ENV)], 'CLI_INPUT_INVALID', 2, 'ENOENT');
  await refusedBind(t, w, [...base, '--keystore', file, '--as', 'bankA/bob'], 'CLI_INPUT_INVALID', 2, 'go together');
  await refusedBind(t, w, [...base, '--signature', '0x00', ...keystoreArgs(file, PASSWORD_ENV)], 'CLI_INPUT_INVALID', 2, 'not both');
  await refusedBind(t, w, [...base, '--as', 'bankA/bob'], 'CLI_INPUT_INVALID', 2, 'not neither');
  await refusedBind(t, w, [...bindArgs(INVESTORS.annaA, wallet.address, '-1'), ...keystoreArgs(file, PASSWORD_ENV)], 'CLI_INPUT_INVALID', 2, '--nonce');
});
