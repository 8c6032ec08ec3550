import test from 'ava';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { snapshotLedger, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { isTrestleError } from '../errors/trestle-error';
import { generateConsortiumKey } from '../vault/keys/generate-consortium-key';
import { formatPublicKeyFile } from '../vault/keys/public-key-file';
import { sealEvidenceCommand } from './seal-evidence-command';
import { CAST_IDENTITIES, castAccountStore } from './testing/officer-cast';
import { inProcessLedger } from './testing/in-process-ledger';

// `officer seal-evidence` on the in-process stub ledger (the real contracts on a stubbed context,
// no Fabric peer): what it refuses, it refuses before writing to the store or the ledger.

type Setup = { worldState: WorldState; store: string; run(...args: string[]): Promise<unknown> };

async function setup(): Promise<Setup> {
  const worldState = await ledgerForBridge();
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-seal-'));
  const keyFile = path.join(folder, 'key.json');
  await writeFile(keyFile, formatPublicKeyFile(generateConsortiumKey({ threshold: 2, shareCount: 3 }).publicKey));
  const input = path.join(folder, 'kyc.txt');
  await writeFile(input, 'Passport P1; address by utility bill.');
  const accounts = await castAccountStore();
  const store = path.join(folder, 'store');
  const env = { OFFICER_ACCOUNTS_FILE: accounts.path, OFFICER_VAULT_PUBLIC_KEY_FILE: keyFile, OFFICER_VAULT_STORE_DIR: store };
  const ledger = inProcessLedger(worldState, CAST_IDENTITIES, () => AFTER_LOCKUP);
  return {
    worldState,
    store,
    run: (...args) => sealEvidenceCommand(['--investor', 'INV-A-0001', '--file-id', 'KYC-1', '--kind', 'kyc', '--in', input, ...args], { env, ledger, log: () => undefined }),
  };
}

async function storedFiles(store: string): Promise<string[]> {
  return readdir(store).catch(() => []);
}

test('refusals leave the store and the ledger as they were', async (t) => {
  const { worldState, store, run } = await setup();
  const before = snapshotLedger(worldState);
  const cases: Array<[string[], (error: unknown) => boolean]> = [
    [['--as', 'carol'], (error) => isTrestleError(error, 'CALLER_OF_OTHER_BANK')],
    [['--as', 'alice', '--investor', 'INV-NOBODY'], (error) => isTrestleError(error, 'INVESTOR_NOT_FOUND')],
    [['--as', 'alice', '--file-id', 'KYC 1'], (error) => isTrestleError(error, 'EVIDENCE_INVALID')],
    [['--as', 'alice', '--kind', 'passport'], (error) => /--kind must be one of kyc, legal, other/.test((error as Error).message)],
    [['--as', 'rita'], (error) => /rita is not a compliance-officer account/.test((error as Error).message)],
    [[], (error) => /name the officer with --as \(the account file has 4 compliance officers\)/.test((error as Error).message)],
    [['--as', 'alice', '--in', '/nonexistent/kyc.txt'], (error) => (error as NodeJS.ErrnoException).code === 'ENOENT'],
    [['--as', 'alice', '--colour', 'red'], (error) => /colour/.test((error as Error).message)],
  ];
  for (const [args, expected] of cases) {
    const error = await t.throwsAsync(run(...args));
    t.true(expected(error), `${args.join(' ')}: ${String(error?.message)}`);
  }
  t.deepEqual(await storedFiles(store), []);
  t.deepEqual(snapshotLedger(worldState), before);
});

test('a file id already registered is EVIDENCE_CONFLICT before anything is sealed or stored', async (t) => {
  const { worldState, store, run } = await setup();
  const first = (await run('--as', 'alice')) as { contentHash: string };
  t.deepEqual(await storedFiles(store), [first.contentHash]);
  const before = snapshotLedger(worldState);
  const error = await t.throwsAsync(run('--as', 'bob'));
  t.true(isTrestleError(error, 'EVIDENCE_CONFLICT'), String(error?.message));
  t.deepEqual(await storedFiles(store), [first.contentHash]);
  t.deepEqual(snapshotLedger(worldState), before);
});
