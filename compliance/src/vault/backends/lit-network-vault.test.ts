import test from 'ava';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { isTrestleError } from '../../errors/trestle-error';
import { isOutputSilenced } from '../lit/silence-output';
import { sha256Hex } from '../sha256';
import { FileVaultStore } from '../store/file-vault-store';
import { InMemoryAccessGate } from '../testing/in-memory-access-gate';
import { FIXED_TIME, kycConditions, OFFICER_A, OFFICER_B } from '../testing/vault-fixture';
import { LitNetworkVault, type LitNetworkClient } from './lit-network-vault';

/*
 * LitNetworkVault's own logic around a stand-in for LitNodeClient (whose real behaviour only the
 * contract test can show): the access check and record before the network is asked, the silenced
 * decrypt, the data hash check and the typed errors.
 */

const file = new TextEncoder().encode('articles of association');

type Calls = { decrypts: number; silencedDuringDecrypt: boolean[]; recordsBeforeDecrypt: number[]; gate: InMemoryAccessGate };

function standIn(calls: Calls, decrypted: (ciphertext: string) => Uint8Array = (ciphertext) => Uint8Array.from(Buffer.from(ciphertext, 'base64'))): LitNetworkClient {
  return {
    encrypt: async ({ dataToEncrypt }) => ({ ciphertext: Buffer.from(dataToEncrypt).toString('base64'), dataToEncryptHash: sha256Hex(dataToEncrypt) }),
    decrypt: async ({ ciphertext }) => {
      calls.decrypts += 1;
      calls.recordsBeforeDecrypt.push(calls.gate.entries.length);
      calls.silencedDuringDecrypt.push(isOutputSilenced());
      await new Promise((resolve) => setTimeout(resolve, 1));
      calls.silencedDuringDecrypt.push(isOutputSilenced());
      return { decryptedData: decrypted(ciphertext) };
    },
  };
}

async function setUp(client: (calls: Calls) => LitNetworkClient = (calls) => standIn(calls)) {
  const gate = new InMemoryAccessGate().grant(OFFICER_A.identityId, OFFICER_A.mspId, OFFICER_A.role).grant(OFFICER_B.identityId, OFFICER_B.mspId, OFFICER_B.role);
  const calls: Calls = { decrypts: 0, silencedDuringDecrypt: [], recordsBeforeDecrypt: [], gate };
  const vault = new LitNetworkVault({
    client: client(calls),
    network: 'datil-dev',
    chain: 'ethereum',
    store: new FileVaultStore(await mkdtemp(join(tmpdir(), 'trestle-litvault-'))),
    litConditionsFor: (conditions) => [{ contractAddress: '', standardContractType: '', chain: 'ethereum', method: '', parameters: [':userAddress'], returnValueTest: { comparator: '=', value: conditions.bankMsp } }],
    authorizationFor: async () => ({ authSig: { sig: '0x', derivedVia: 'web3.eth.personal.sign', signedMessage: '', address: '0x0' } }),
    gate,
    clock: () => FIXED_TIME,
  });
  const { contentHash, envelope } = await vault.seal(file, kycConditions());
  return { vault, gate, calls, contentHash, envelope };
}

test('the envelope records the network, chain, Lit conditions and the file hash', async (t) => {
  const { envelope } = await setUp();
  t.like(envelope, { backend: 'lit-network', network: 'datil-dev', chain: 'ethereum', dataHash: sha256Hex(file) });
  t.regex(envelope.backend === 'lit-network' ? envelope.litConditions : '', /"value":"BankAMSP"/);
});

test('an allowed requester is recorded before the network decrypts, with output silenced throughout the decrypt', async (t) => {
  const { vault, gate, calls, contentHash } = await setUp();
  t.deepEqual(await vault.open(contentHash, OFFICER_A), file);
  t.like(gate.entries[0], { requester: OFFICER_A, outcome: 'granted', shareIndex: 0, at: FIXED_TIME.toISOString() });
  t.deepEqual(calls.recordsBeforeDecrypt, [1]);
  t.deepEqual(calls.silencedDuringDecrypt, [true, true]);
  t.false(isOutputSilenced());
});

test('a refused requester is recorded, gets VAULT_ACCESS_DENIED, and the network is never asked', async (t) => {
  const { vault, gate, calls, contentHash } = await setUp();
  t.true(isTrestleError(await t.throwsAsync(vault.open(contentHash, OFFICER_B)), 'VAULT_ACCESS_DENIED'));
  t.like(gate.entries[0], { requester: OFFICER_B, outcome: 'refused' });
  t.is(calls.decrypts, 0);
});

test('data that does not hash to the envelope is VAULT_ENVELOPE_CORRUPT', async (t) => {
  const { vault, contentHash } = await setUp((calls) => standIn(calls, () => new TextEncoder().encode('something else')));
  t.true(isTrestleError(await t.throwsAsync(vault.open(contentHash, OFFICER_A)), 'VAULT_ENVELOPE_CORRUPT'));
});

test('a network failure is VAULT_BACKEND_UNAVAILABLE and carries only the message of Lit\'s error', async (t) => {
  const failing = (calls: Calls): LitNetworkClient => ({
    ...standIn(calls),
    decrypt: async () => {
      throw Object.assign(new Error('Not enough nodes'), { info: { authSig: 'SECRET-SIGNATURE' } });
    },
  });
  const { vault, contentHash } = await setUp(failing);
  const error = await t.throwsAsync(vault.open(contentHash, OFFICER_A));
  t.true(isTrestleError(error, 'VAULT_BACKEND_UNAVAILABLE'));
  t.regex(String((error?.cause as Error).message), /Not enough nodes/);
  t.false(JSON.stringify(error).includes('SECRET'));
  t.false(inspect(error, { depth: 10, showHidden: true }).includes('SECRET'));
});

test('a malformed requester is refused with a typed error before anything is recorded or asked', async (t) => {
  const { vault, gate, calls, contentHash } = await setUp();
  const error = await t.throwsAsync(vault.open(contentHash, { ...OFFICER_A, identityId: 'alice' }));
  t.true(isTrestleError(error, 'IDENTITY_ID_MALFORMED'));
  t.is(gate.entries.length, 0);
  t.is(calls.decrypts, 0);
});
