import test, { type ExecutionContext } from 'ava';
import { request as httpsRequest } from 'node:https';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { isTrestleError, type TrestleError } from '../../../errors/trestle-error';
import type { Requester } from '../../access/access-gate';
import type { AccessConditions } from '../../conditions/access-conditions';
import { accessRecords, LEDGER_TIME, PEOPLE, registerFile } from '../../testing/ledger-vault-world';
import { startShareServiceHarness, type Org, type ShareServiceHarness } from '../../testing/share-service-harness';
import { HAS_OPENSSL, makeTestCa, type KeyPair } from '../../testing/vault-tls';
import type { DecryptionShareRequest } from '../decryption-share-request';
import { DECRYPTION_SHARE_PATH } from './share-service-server';

// Three banks' share services over HTTPS (mutual TLS) on 127.0.0.1, each gated by the ledger: the
// real RoleContract and EvidenceContract on the in-process chaincode stub. The test certificates
// are made with openssl at test time; without it this file skips and says so.
const httpTest = HAS_OPENSSL ? test : test.skip;
if (!HAS_OPENSSL) console.log('[vault http test] skipped: the openssl command is not available to make test certificates');

const INVESTOR = 'INV-A-0001';
const FILE_ID = 'KYC-A-0001';
const file = new TextEncoder().encode('passport scan and proof of address of INV-A-0001');
const conditions: AccessConditions = { vault: 'trestle', fileId: FILE_ID, investorId: INVESTOR, bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] };

async function sealed(t: ExecutionContext) {
  const harness = await startShareServiceHarness();
  t.teardown(harness.close);
  const { contentHash, envelope } = await harness.vaultOf('BankA').seal(file, conditions);
  // BankA registers the sealed file on the ledger, as `officer seal-evidence` does: only registered files are opened.
  await registerFile(harness.worldState, conditions, envelope.dataHash, contentHash);
  const request = (requester: Requester): DecryptionShareRequest => ({ requester, publicKey: harness.key.publicKey.publicKey, conditions, dataHash: envelope.dataHash });
  return { harness, contentHash, request };
}

const summary = async (harness: ShareServiceHarness) =>
  (await accessRecords(harness.worldState, INVESTOR, FILE_ID)).map((record) => [record.shareIndex, record.answeringMsp, record.requester.identityId, record.outcome]).sort();

httpTest('an officer of the investor bank opens the sealed KYC file with 2 of 3 share services up, and both accesses are on the ledger', async (t) => {
  const { harness, contentHash } = await sealed(t);
  await harness.stop(2);
  t.deepEqual(await harness.vaultOf('BankA').open(contentHash, PEOPLE.officerA), file);
  const records = await accessRecords(harness.worldState, INVESTOR, FILE_ID);
  t.deepEqual(await summary(harness), [
    [1, 'BankAMSP', PEOPLE.officerA.identityId, 'granted'],
    [3, 'BankCMSP', PEOPLE.officerA.identityId, 'granted'],
  ]);
  t.true(records.every((record) => record.at === LEDGER_TIME.toISOString() && record.fileId === FILE_ID && record.dataHash.length === 64));
});

httpTest('with 1 of 3 share services up the file stays shut with VAULT_NOT_ENOUGH_SHARES', async (t) => {
  const { harness, contentHash } = await sealed(t);
  await harness.stop(1, 3);
  const error = await t.throwsAsync(harness.vaultOf('BankA').open(contentHash, PEOPLE.officerA));
  t.true(isTrestleError(error, 'VAULT_NOT_ENOUGH_SHARES'), String(error?.message));
  t.like((error as TrestleError).details, { received: 1, threshold: 2, failures: ['VAULT_SHARE_SERVICE_UNAVAILABLE', 'VAULT_SHARE_SERVICE_UNAVAILABLE'] });
});

httpTest('an officer of another bank is refused with VAULT_ACCESS_DENIED, and every service recorded the refusal on the ledger', async (t) => {
  const { harness, contentHash } = await sealed(t);
  const error = await t.throwsAsync(harness.vaultOf('BankB').open(contentHash, PEOPLE.officerB));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'), String(error?.message));
  t.deepEqual(await summary(harness), [
    [1, 'BankAMSP', PEOPLE.officerB.identityId, 'refused'],
    [2, 'BankBMSP', PEOPLE.officerB.identityId, 'refused'],
    [3, 'BankCMSP', PEOPLE.officerB.identityId, 'refused'],
  ]);
  const [record] = await accessRecords(harness.worldState, INVESTOR, FILE_ID);
  t.is(record?.reason, `Only BankAMSP or a regulator may open file ${FILE_ID}.`);
});

httpTest('a member of the investor bank without the officer role is refused and logged', async (t) => {
  const { harness, contentHash } = await sealed(t);
  await t.throwsAsync(harness.vaultOf('BankA').open(contentHash, PEOPLE.nobodyA), { message: /VAULT_ACCESS_DENIED/ });
  t.deepEqual((await summary(harness)).map(([, , who, outcome]) => [who, outcome]), Array(3).fill([PEOPLE.nobodyA.identityId, 'refused']));
});

httpTest('the regulator opens the file through the regulator org client, and the log says who opened which file when', async (t) => {
  const { harness, contentHash } = await sealed(t);
  t.deepEqual(await harness.vaultOf('Regulator').open(contentHash, PEOPLE.regulator), file);
  await harness.vaultOf('BankA').open(contentHash, PEOPLE.officerA);
  const records = await accessRecords(harness.worldState, INVESTOR, '');
  t.is(records.length, 6);
  t.deepEqual(new Set(records.map((record) => `${record.requester.mspId} ${record.requester.role} ${record.fileId} ${record.at} ${record.outcome}`)), new Set([
    `RegulatorMSP regulator ${FILE_ID} ${LEDGER_TIME.toISOString()} granted`,
    `BankAMSP compliance-officer ${FILE_ID} ${LEDGER_TIME.toISOString()} granted`,
  ]));
});

httpTest('a bank client asking for a requester of another org is VAULT_CALLER_MISMATCH and nothing is recorded', async (t) => {
  const { harness, request } = await sealed(t);
  const before = snapshotLedger(harness.worldState);
  for (const [org, requester] of [['BankB', PEOPLE.officerA], ['BankA', PEOPLE.regulator], ['Regulator', PEOPLE.officerA]] as const) {
    const error = await t.throwsAsync(harness.sourceOf(0, harness.clients[org as Org]).signDecryptionShare(request(requester)));
    t.true(isTrestleError(error, 'VAULT_CALLER_MISMATCH'), `${org}: ${String(error?.message)}`);
  }
  t.deepEqual(snapshotLedger(harness.worldState), before);
});

httpTest('a client without a certificate of a consortium org gets no answer and nothing is recorded', async (t) => {
  const { harness, request } = await sealed(t);
  const before = snapshotLedger(harness.worldState);
  const strangerCa = await makeTestCa('BankA');
  t.teardown(strangerCa.dispose);
  const stranger: KeyPair = await strangerCa.issue('vault-client.banka', 'client');
  const error = await t.throwsAsync(harness.sourceOf(0, stranger).signDecryptionShare(request(PEOPLE.officerA)));
  t.true(isTrestleError(error, 'VAULT_SHARE_SERVICE_UNAVAILABLE'), String(error?.message));
  t.deepEqual(snapshotLedger(harness.worldState), before);
});

/** One raw HTTPS request as BankA's client, for malformed bodies the typed client would never send. */
function raw(harness: ShareServiceHarness, method: string, path: string, body: string, contentType = 'application/json'): Promise<{ status: number; body: { error?: { code?: string } } }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(new URL(path, harness.servers[0]?.url), { method, ...harness.clients.BankA, ca: [...harness.serverCas], agent: false, headers: { 'content-type': contentType } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } } }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

httpTest('malformed requests get typed errors with their HTTP status and change nothing on the ledger', async (t) => {
  const { harness, request } = await sealed(t);
  const before = snapshotLedger(harness.worldState);
  const good = request(PEOPLE.officerA);
  // The public key is spoiled with a first byte that sets the infinity flag beside other bits: no
  // valid compressed point starts so. (Prefix 'a0' passed as valid when a random key began with it.)
  const cases: Array<[string, string, string, string | undefined, number, string]> = [
    ['POST', DECRYPTION_SHARE_PATH, '{"requester":', undefined, 400, 'VAULT_REQUEST_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify(good), 'text/plain', 400, 'VAULT_REQUEST_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, 'x'.repeat(20_000), undefined, 400, 'VAULT_REQUEST_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, '[]', undefined, 400, 'VAULT_REQUEST_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify({ ...good, dataHash: 'AB' }), undefined, 400, 'VAULT_REQUEST_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify({ ...good, requester: { ...PEOPLE.officerA, identityId: 'alice' } }), undefined, 400, 'IDENTITY_ID_MALFORMED'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify({ ...good, requester: { ...PEOPLE.officerA, role: 'boss' } }), undefined, 400, 'ROLE_UNKNOWN'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify({ ...good, conditions: { ...conditions, extra: 1 } }), undefined, 400, 'VAULT_CONDITIONS_INVALID'],
    ['POST', DECRYPTION_SHARE_PATH, JSON.stringify({ ...good, publicKey: harness.key.publicKey.publicKey.replace(/^../, 'c1') }), undefined, 400, 'VAULT_REQUEST_MALFORMED'],
    ['GET', DECRYPTION_SHARE_PATH, '', undefined, 404, 'VAULT_ROUTE_UNKNOWN'],
    ['POST', '/v1/shares', JSON.stringify(good), undefined, 404, 'VAULT_ROUTE_UNKNOWN'],
  ];
  for (const [method, path, body, contentType, status, code] of cases) {
    const answer = await raw(harness, method, path, body, contentType);
    t.is(answer.status, status, `${method} ${path} ${body.slice(0, 40)}`);
    t.is(answer.body.error?.code, code, `${method} ${path} ${body.slice(0, 40)}`);
  }
  t.deepEqual(snapshotLedger(harness.worldState), before);
});

httpTest('a flood of a body (4 MiB) still gets its typed answer, and nothing is recorded', async (t) => {
  const { harness } = await sealed(t);
  const before = snapshotLedger(harness.worldState);
  const answer = await raw(harness, 'POST', DECRYPTION_SHARE_PATH, `{"requester":"${'x'.repeat(4 * 1024 * 1024)}"}`);
  t.is(answer.status, 400);
  t.is(answer.body.error?.code, 'VAULT_REQUEST_MALFORMED');
  t.deepEqual(snapshotLedger(harness.worldState), before);
});
