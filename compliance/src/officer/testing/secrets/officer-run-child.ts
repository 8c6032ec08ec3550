/**
 * Child process of compliance/src/officer/no-secrets-in-output.test.ts: runs officer services
 * (BankA, BankB, the regulator's org) with the evidence vault on three HTTPS share services with
 * mutual TLS, all on ONE IN-PROCESS STUB LEDGER, every component logging to this process's stdout
 * and stderr as in production, and drives a realistic session from the browser side. Writes what
 * must never be printed, and every answer the services gave the browsers, to the file named by
 * argv[2] (never to its output), so the parent can search the output for them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { investorDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { FileVaultStore } from '../../../vault/store/file-vault-store';
import { HttpShareSource } from '../../../vault/share-service/http/http-share-source';
import { litCombineSignatureShares } from '../../../vault/lit/lit-crypto';
import { signWithPopScheme } from '../../../vault/keys/bls12-381';
import { FileAccountStore } from '../../accounts/account-store';
import { sealEvidenceCommand } from '../../seal-evidence-command';
import { officerVaultFromEnv } from '../../vault/officer-vault-from-env';
import { CAST_IDENTITIES } from '../officer-cast';
import { inProcessLedger } from '../in-process-ledger';
import { startHarness, type Harness } from '../officer-harness';
import { buildSecretsRunWorld, castRequesterOf, type SecretsRunWorld } from './secrets-run-world';
import { RecordingBrowsers } from './recording-browser';
import type { HexSecret, OfficerRunSecrets } from './officer-run-secrets';

const INVESTOR = 'INV-A-0300';
const FILE_ID = 'KYC-SECRETS-1';
const EVIDENCE = `/api/v1/investors/${INVESTOR}/evidence/${FILE_ID}`;
const PERIOD = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';

// `serve`'s logger (officer-server.ts's default, as main.ts runs it) and seal-evidence's.
const officerLog = (line: string) => console.error(`[officer] ${line}`);

/** Personal data with random parts, so no other text of the run can contain it by chance. */
function personalData() {
  const tag = randomBytes(3).toString('hex');
  const digits = String(1_000_000 + randomBytes(3).readUIntBE(0, 3) % 9_000_000);
  const year = 1940 + (randomBytes(1)[0] ?? 0) % 50;
  return {
    fullName: `Zeraphine Quillfeather-${tag}`,
    otherName: `Bartholomew Ostrander-${tag}`,
    birthDate: `${year}-07-19`,
    badBirthDate: `${year + 1}-02-30`,
    documentNumber: `QZ${digits}`,
    addressLine: `${digits.slice(0, 3)} Lindenallee ${tag}`,
    evidenceMarker: `EVIDENCE-MARKER-${randomBytes(8).toString('hex')}`,
  };
}

async function main(secretsFile: string): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-officer-secrets-'));
  const world = await buildSecretsRunWorld(folder);
  const services: Harness[] = [];
  try {
    const pii = personalData();
    const serviceOf = async (org: 'BankA' | 'BankB' | 'Regulator') => {
      const service = await startHarness({ accounts: new FileAccountStore(world.accountsFile), vault: officerVaultFromEnv(world.vaultEnv[org], { requesterOf: castRequesterOf }), log: officerLog }, world.worldState);
      services.push(service);
      // `serve`'s start lines (main.ts).
      console.log(`[officer] listening on ${service.server.url} (accounts: ${world.accountsFile})`);
      console.log(`[officer] evidence vault: store ${world.vaultEnv[org].OFFICER_VAULT_STORE_DIR ?? ''}, share services ${world.vaultEnv[org].OFFICER_VAULT_SHARE_URLS ?? ''}`);
      return service;
    };
    const bankA = await serviceOf('BankA');
    const bankB = await serviceOf('BankB');
    const regulator = await serviceOf('Regulator');
    const browsers = new RecordingBrowsers();
    const { passwords } = world;

    // Logins: someone else's password, the password typed into the username field, a typo, then right.
    const alice = browsers.open('BankA', bankA.server.url, 'alice');
    await alice.login('alice', passwords.bob);
    await alice.login(passwords.alice, passwords.alice);
    await alice.login('alize', passwords.alice);
    await alice.login('alice', passwords.alice);
    await alice.send('GET', '/api/v1/session');

    // Onboarding with personal data: without the CSRF token, with a wrong one, with bad PII, then right.
    const investor = investorDocument(INVESTOR);
    const piiDocument = { fullName: pii.fullName, birthDate: pii.birthDate, address: { lines: [pii.addressLine], postalCode: '8001', city: 'Zürich', country: 'CH' }, documents: [{ type: 'passport', reference: pii.documentNumber, issuingCountry: 'CH' }] };
    await alice.send('POST', '/api/v1/investors', { json: { investor, pii: piiDocument }, csrf: false });
    await alice.send('POST', '/api/v1/investors', { json: { investor, pii: piiDocument }, csrf: `${alice.client.csrfToken ?? ''}0` });
    await alice.send('POST', '/api/v1/investors', { json: { investor, pii: { ...piiDocument, fullName: pii.otherName, birthDate: pii.badBirthDate } } });
    await alice.send('POST', '/api/v1/investors', { json: { investor, pii: piiDocument } });
    await alice.send('GET', `/api/v1/investors/${INVESTOR}`);
    await alice.send('GET', `/api/v1/investors/${INVESTOR}/pii`, {}, true);

    // Malformed bodies that carry personal data and a password: refused without echoing them.
    await alice.send('POST', '/api/v1/investors', { raw: `{"investor": {"investorId": "${INVESTOR}"}, "pii": {"fullName": "${pii.fullName}", "birthDate": "${pii.birthDate}"` });
    const stranger = browsers.open('BankA', bankA.server.url, 'anonymous');
    await stranger.send('POST', '/api/v1/session', { raw: `{"username": "alice", "password": "${passwords.alice}"` });
    await stranger.send('POST', '/api/v1/session', { json: { username: 'alice', password: passwords.alice, remember: true } });

    // Sealing, as `npm run officer -- seal-evidence` does it, then printing what main.ts prints.
    const plaintext = path.join(folder, 'kyc-scan.txt');
    await writeFile(plaintext, `${pii.evidenceMarker}: passport ${pii.documentNumber} of ${pii.fullName}, born ${pii.birthDate}, seen in branch.`, { mode: 0o600 });
    const record = await sealEvidenceCommand(['--investor', INVESTOR, '--file-id', FILE_ID, '--kind', 'kyc', '--in', plaintext, '--as', 'alice'], {
      env: { OFFICER_ACCOUNTS_FILE: world.accountsFile, OFFICER_VAULT_PUBLIC_KEY_FILE: world.publicKeyFile, OFFICER_VAULT_STORE_DIR: world.storeDir },
      ledger: inProcessLedger(world.worldState, CAST_IDENTITIES, () => new Date(bankA.clock.now())),
      log: officerLog,
    });
    console.error(`[officer] sealed ${record.fileId} of ${record.investorId} (${record.kind}, ${record.size} bytes) and registered it as ${record.registeredBy} at ${record.registeredAt}`);
    console.log(record.contentHash);

    // The regulator opens it; another bank's officer is refused by the ledger, and by every share service.
    const rita = browsers.open('Regulator', regulator.server.url, 'rita');
    await rita.login('rita', passwords.rita);
    await rita.send('GET', EVIDENCE, {}, true);
    const carol = browsers.open('BankB', bankB.server.url, 'carol');
    await carol.login('carol', passwords.carol);
    await carol.send('GET', EVIDENCE);
    const bankBVault = officerVaultFromEnv(world.vaultEnv.BankB, { requesterOf: castRequesterOf });
    const carolAccount = await new FileAccountStore(world.accountsFile).find('carol');
    if (carolAccount === undefined) throw new Error('carol has an account');
    const carolRequester = castRequesterOf(carolAccount);
    await bankBVault?.open(record.contentHash, carolRequester).catch((error: unknown) => console.error('[operator] BankB vault refused:', inspect(error, { depth: 6 })));
    // BankA's vault client naming BankB's officer: the share service refuses the mismatch.
    const envelope = await new FileVaultStore(world.storeDir).get(record.contentHash);
    if (envelope.backend !== 'consortium') throw new Error('seal-evidence seals to the consortium key');
    const mismatch = new HttpShareSource({ url: world.shares.servers[0]?.url ?? '', tls: { ...world.clients.BankA, ca: [...world.serverCas] } });
    await mismatch
      .signDecryptionShare({ requester: carolRequester, publicKey: envelope.publicKey, conditions: envelope.conditions, dataHash: envelope.dataHash })
      .catch((error: unknown) => console.error('[operator] share service refused:', inspect(error, { depth: 6 })));

    // 2 of 3 share services up: the officer opens it; an unreadable envelope is an internal error; 1 of 3 is too few.
    await world.shares.stop(3);
    await alice.send('GET', EVIDENCE, {}, true);
    const envelopeFile = path.join(world.storeDir, record.contentHash);
    await rename(envelopeFile, `${envelopeFile}.aside`);
    await mkdir(envelopeFile);
    await alice.send('GET', EVIDENCE);
    await rmdir(envelopeFile);
    await rename(`${envelopeFile}.aside`, envelopeFile);
    await world.shares.stop(2);
    await alice.send('GET', EVIDENCE);

    // The audit trail as CSV, then logout; the old cookie no longer works.
    await alice.send('GET', `/api/v1/audit/export.csv?${PERIOD}`);
    await rita.send('GET', `/api/v1/audit/export.csv?${PERIOD}`);
    await alice.send('DELETE', '/api/v1/session');
    await alice.send('GET', '/api/v1/session');

    const secrets: OfficerRunSecrets = {
      passwords: Object.values(passwords),
      sessionCookies: [...browsers.sessionCookies],
      csrfTokens: [...browsers.csrfTokens],
      keys: [...world.keys, ...(await signatureSecrets(world))],
      tlsKeys: world.tlsKeys,
      personalData: [pii.fullName, pii.otherName, pii.birthDate, pii.badBirthDate, pii.documentNumber, pii.addressLine, pii.evidenceMarker],
      answers: browsers.answers,
    };
    await writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  } finally {
    await Promise.all(services.map((service) => service.close()));
    await world.close();
    await rm(folder, { recursive: true, force: true });
  }
}

// The signature shares the services answered and the decryption signature they combine into, checked
// against the consortium secret's own signature over the same identity.
async function signatureSecrets(world: SecretsRunWorld): Promise<HexSecret[]> {
  const byIndex = new Map(world.shares.answered.map((share) => [share.shareIndex, share]));
  const shares = [...byIndex.values()];
  const [first, second] = shares;
  if (first === undefined || second === undefined) throw new Error('the share services answered fewer than two shares');
  const combined = await litCombineSignatureShares([first.signatureShare, second.signatureShare]);
  const secret = world.keys.find((key) => key.name === 'consortium secret key')?.hex ?? '';
  const expected = signWithPopScheme(Buffer.from(secret, 'hex'), new TextEncoder().encode(first.identity));
  if (Buffer.compare(Buffer.from(combined), Buffer.from(expected)) !== 0) throw new Error('the combined signature is not the consortium key signature');
  return [
    ...shares.map((share) => ({ name: `signature share ${share.shareIndex}`, hex: share.signatureShare.ProofOfPossession.slice(2) })),
    { name: 'combined decryption signature', hex: Buffer.from(combined).toString('hex') },
  ];
}

main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
