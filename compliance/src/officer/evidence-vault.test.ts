import anyTest, { type TestFn } from 'ava';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { identityIdOf, snapshotLedger, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { isTrestleError } from '../errors/trestle-error';
import type { EvidenceFileRecord } from '../ledger/evidence-file';
import type { Requester } from '../vault/access/access-gate';
import { formatPublicKeyFile } from '../vault/keys/public-key-file';
import { accessRecords } from '../vault/testing/ledger-vault-world';
import { startShareServiceHarness, type Org, type ShareServiceHarness } from '../vault/testing/share-service-harness';
import { HAS_OPENSSL } from '../vault/testing/vault-tls';
import type { OfficerAccount } from './accounts/officer-account';
import { sealEvidenceCommand } from './seal-evidence-command';
import { CAST_IDENTITIES } from './testing/officer-cast';
import { startHarness, type Harness } from './testing/officer-harness';
import { inProcessLedger } from './testing/in-process-ledger';
import { officerVaultFromEnv } from './vault/officer-vault-from-env';

// The evidence vault as `serve` wires it (officerVaultFromEnv) and as `seal-evidence` fills it:
// three banks' share services over HTTPS with mutual TLS (throwaway openssl certificates), and
// officer services of BankA, BankB and the regulator's org, all on ONE IN-PROCESS STUB LEDGER (the
// real contracts on a stubbed chaincode context).

type Context = { worldState: WorldState; shares: ShareServiceHarness; services: Record<'BankA' | 'BankB' | 'Regulator', Harness>; record: EvidenceFileRecord; envOf(org: Org): NodeJS.ProcessEnv };
const test = anyTest as TestFn<Context>;
const vaultTest = HAS_OPENSSL ? test.serial : test.serial.skip;
if (!HAS_OPENSSL) console.log('[officer evidence vault test] skipped: the openssl command is not available to make test certificates');

const INVESTOR = 'INV-A-0001';
const FILE_ID = 'KYC-2026-1';
const KYC_TEXT = 'Passport P7654321 seen in branch on 2026-02-11; address confirmed by a utility bill.';
const LIST = `/api/v1/investors/${INVESTOR}/evidence`;
const OPEN = `${LIST}/${FILE_ID}`;

/** The stub ledger's identity of each cast account, as a bank's wallet would name it. */
function requesterOf(account: OfficerAccount): Requester {
  const identity = CAST_IDENTITIES[account.walletLabel];
  if (identity === undefined) throw new Error(`no stub identity for ${account.walletLabel}`);
  return { identityId: identityIdOf(identity), mspId: account.mspId, role: account.role };
}

test.before(async (t) => {
  if (!HAS_OPENSSL) return;
  const worldState = await ledgerForBridge();
  const shares = await startShareServiceHarness(worldState);
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-officer-vault-'));
  const write = async (name: string, text: string) => {
    const file = path.join(folder, name);
    await writeFile(file, text, { mode: 0o600 });
    return file;
  };
  const publicKeyFile = await write('consortium-key.json', formatPublicKeyFile(shares.key.publicKey));
  const caFiles = await Promise.all(shares.serverCas.map((ca, index) => write(`server-ca-${index + 1}.pem`, ca)));
  const envOf = async (org: Org): Promise<NodeJS.ProcessEnv> => ({
    OFFICER_VAULT_STORE_DIR: shares.store.directory,
    OFFICER_VAULT_SHARE_URLS: shares.servers.map((server) => server.url).join(','),
    OFFICER_VAULT_CLIENT_KEY_FILE: await write(`${org}-client.key`, shares.clients[org].key),
    OFFICER_VAULT_CLIENT_CERT_FILE: await write(`${org}-client.pem`, shares.clients[org].cert),
    OFFICER_VAULT_SERVER_CA_FILE: caFiles.join(','),
    OFFICER_VAULT_PUBLIC_KEY_FILE: publicKeyFile,
  });
  const envs = { BankA: await envOf('BankA'), BankB: await envOf('BankB'), BankC: await envOf('BankC'), Regulator: await envOf('Regulator') };
  const serviceOf = async (org: 'BankA' | 'BankB' | 'Regulator') => startHarness({ vault: officerVaultFromEnv(envs[org], { requesterOf }) }, worldState);
  const services = { BankA: await serviceOf('BankA'), BankB: await serviceOf('BankB'), Regulator: await serviceOf('Regulator') };

  const input = await write('kyc.txt', KYC_TEXT);
  const record = await sealEvidenceCommand(['--investor', INVESTOR, '--file-id', FILE_ID, '--kind', 'kyc', '--in', input, '--as', 'alice'], {
    env: { OFFICER_ACCOUNTS_FILE: services.BankA.accounts.path, OFFICER_VAULT_PUBLIC_KEY_FILE: publicKeyFile, OFFICER_VAULT_STORE_DIR: shares.store.directory },
    ledger: inProcessLedger(worldState, CAST_IDENTITIES, () => new Date(services.BankA.clock.now())),
    log: (line) => t.log(line),
  });
  t.context = { worldState, shares, services, record, envOf: (org) => envs[org] };
});

test.after.always(async (t) => {
  if (t.context.services === undefined) return;
  await Promise.all(Object.values(t.context.services).map((service) => service.close()));
  await t.context.shares.close();
});

vaultTest('seal-evidence stores the envelope under its content hash and registers it as the officer of the investor bank', async (t) => {
  const { record, shares } = t.context;
  t.like(record, { investorId: INVESTOR, fileId: FILE_ID, kind: 'kyc', size: Buffer.byteLength(KYC_TEXT), bankMsp: 'BankAMSP', registeredBy: identityIdOf(CAST_IDENTITIES.alice!) });
  t.deepEqual(await readdir(shares.store.directory), [record.contentHash], 'the envelope alone, never the plaintext');
  const envelope = await shares.store.get(record.contentHash);
  t.deepEqual(envelope.conditions, { vault: 'trestle', fileId: FILE_ID, investorId: INVESTOR, bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] });
  t.is(envelope.dataHash, record.dataHash);
});

vaultTest('the list route shows the registered file to officers of the investor bank and the regulator, and refuses another bank', async (t) => {
  const { services, record } = t.context;
  for (const [service, username] of [[services.BankA, 'alice'], [services.Regulator, 'rita']] as const) {
    const answer = await (await service.as(username)).send('GET', LIST);
    t.is(answer.status, 200, answer.text);
    t.deepEqual(answer.body, { investorId: INVESTOR, records: [record], bookmark: (answer.body as { bookmark: string }).bookmark });
  }
  const refused = await (await services.BankB.as('carol')).send('GET', LIST);
  t.is(refused.status, 403);
  t.is((refused.body as { code: string }).code, 'CALLER_OF_OTHER_BANK');
});

vaultTest("an officer of the investor bank opens the file through the service's evidence route; each share service records the grant", async (t) => {
  const { services, record, worldState } = t.context;
  const answer = await (await services.BankA.as('alice')).send('GET', OPEN);
  t.is(answer.status, 200, answer.text);
  t.deepEqual(answer.body, { investorId: INVESTOR, fileId: FILE_ID, contentHash: record.contentHash, size: Buffer.byteLength(KYC_TEXT), base64: Buffer.from(KYC_TEXT).toString('base64') });
  const grants = (await accessRecords(worldState, INVESTOR, FILE_ID)).filter((entry) => entry.requester.identityId === identityIdOf(CAST_IDENTITIES.alice!));
  t.deepEqual(grants.map((entry) => [entry.shareIndex, entry.outcome, entry.dataHash]).sort(), [[1, 'granted', record.dataHash], [2, 'granted', record.dataHash], [3, 'granted', record.dataHash]]);
});

vaultTest("the regulator opens it through its own org's service (the share services take requesters only from the calling org)", async (t) => {
  const answer = await (await t.context.services.Regulator.as('rita')).send('GET', OPEN);
  t.is(answer.status, 200, answer.text);
  t.is(Buffer.from((answer.body as { base64: string }).base64, 'base64').toString('utf8'), KYC_TEXT);
});

vaultTest("another bank's officer learns no content hash from the route, and with the envelope in hand is VAULT_ACCESS_DENIED and recorded", async (t) => {
  const { services, record, worldState, envOf } = t.context;
  const before = await accessRecords(worldState, INVESTOR, FILE_ID);
  const answer = await (await services.BankB.as('carol')).send('GET', OPEN);
  t.is(answer.status, 403);
  t.is((answer.body as { code: string }).code, 'CALLER_OF_OTHER_BANK', 'the ledger refuses the lookup as carol');
  t.deepEqual(await accessRecords(worldState, INVESTOR, FILE_ID), before, 'no share service was asked');

  // BankB's vault as its `serve` builds it, asked for BankA's envelope directly (a copied store).
  const vault = officerVaultFromEnv(envOf('BankB'), { requesterOf });
  if (vault === undefined) return t.fail('the vault is configured');
  const carol = await vault.requesterOf((await services.BankB.accounts.find('carol'))!);
  const error = await t.throwsAsync(vault.open(record.contentHash, carol));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'), String(error?.message));
  const refusals = (await accessRecords(worldState, INVESTOR, FILE_ID)).filter((entry) => entry.requester.identityId === carol.identityId);
  t.deepEqual(refusals.map((entry) => [entry.shareIndex, entry.outcome, entry.requester.mspId]).sort(), [[1, 'refused', 'BankBMSP'], [2, 'refused', 'BankBMSP'], [3, 'refused', 'BankBMSP']]);
});

vaultTest('malformed input on the list route is a typed error and writes nothing', async (t) => {
  const { services, worldState } = t.context;
  const alice = await services.BankA.as('alice');
  const before = snapshotLedger(worldState);
  const cases: Array<[string, number, string]> = [
    [`/api/v1/investors/${encodeURIComponent('a b')}/evidence`, 400, 'OFFICER_REQUEST_MALFORMED'],
    [`${LIST}?pageSize=0`, 400, 'OFFICER_REQUEST_MALFORMED'],
    [`${LIST}?pageSize=ten`, 400, 'OFFICER_REQUEST_MALFORMED'],
    [`${LIST}?fileId=${FILE_ID}`, 400, 'OFFICER_REQUEST_MALFORMED'],
    [`${LIST}?bookmark=not-a-bookmark`, 400, 'PAGE_BOOKMARK_INVALID'],
    ['/api/v1/investors/INV-NOBODY/evidence', 404, 'INVESTOR_NOT_FOUND'],
    [`${LIST}/${encodeURIComponent('KYC 1')}`, 400, 'OFFICER_REQUEST_MALFORMED'],
    [`${LIST}/KYC-NONE`, 404, 'OFFICER_EVIDENCE_NOT_FOUND'],
  ];
  for (const [url, status, code] of cases) {
    const answer = await alice.send('GET', url);
    t.is(answer.status, status, url);
    t.is((answer.body as { code: string }).code, code, url);
  }
  t.deepEqual(snapshotLedger(worldState), before);
});

vaultTest('with 1 of 3 share services up the route answers VAULT_NOT_ENOUGH_SHARES (503)', async (t) => {
  const { services, shares } = t.context;
  await shares.stop(2, 3);
  const answer = await (await services.BankA.as('alice')).send('GET', OPEN);
  t.is(answer.status, 503);
  t.is((answer.body as { code: string }).code, 'VAULT_NOT_ENOUGH_SHARES');
});
