import { createVerify, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { Wallets, type X509Identity } from 'fabric-network';
import { CONSORTIUM_ORGS, type OrgHandle } from '../cli/ledger/acting-identity';
import { fabricClientFiles } from '../cli/ledger/fabric-client-files';
import type { StackConfig } from '../stack/stack-config';
import { connectionProfile, walletEntry, walletLabels, writeClientFiles } from './client-files';
import { ensureCryptoMaterial } from './crypto-config';
import { binaryPath } from './fabric-binaries';
import { fabricTopology, orgCryptoDir, tlsCaCert, type FabricTopology } from './topology';

// Every folder a test makes lives here, removed when the file's tests are done.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trestle-client-files-test-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

type Profile = {
  client: { organization: string };
  organizations: Record<string, { mspid: string; peers: string[] }>;
  peers: Record<string, { url: string; tlsCACerts: { pem: string }; grpcOptions: Record<string, string> }>;
};

/** A topology whose TLS CA files exist, with a text of their own, as connectionProfile reads them. */
function topologyWithTlsCas(): FabricTopology {
  const topology = fabricTopology({ home: mkdtempSync(path.join(scratch, 'trestle-client-files-')), portBase: 33000, host: '127.0.0.1' });
  for (const bank of topology.banks) {
    mkdirSync(path.dirname(tlsCaCert(topology, bank.domain)), { recursive: true });
    writeFileSync(tlsCaCert(topology, bank.domain), `-----BEGIN CERTIFICATE-----\ntls ca of ${bank.name}\n-----END CERTIFICATE-----\n`);
  }
  return topology;
}

const orgHandles = Object.keys(CONSORTIUM_ORGS) as OrgHandle[];

test('every organisation\'s profile lists every bank peer at grpcs://127.0.0.1 with that bank\'s TLS CA', (t) => {
  const topology = topologyWithTlsCas();
  for (const org of orgHandles) {
    const profile = connectionProfile(topology, org) as Profile;
    t.deepEqual(Object.keys(profile.peers).sort(), topology.banks.map((bank) => bank.peer.name).sort(), org);
    for (const bank of topology.banks) {
      const peer = profile.peers[bank.peer.name];
      t.is(peer?.url, `grpcs://127.0.0.1:${bank.peer.port}`);
      t.is(peer?.tlsCACerts.pem, readFileSync(tlsCaCert(topology, bank.domain), 'utf8'));
      // The peer's certificate is checked against its own name, which its SANs carry besides 127.0.0.1.
      t.is(peer?.grpcOptions['ssl-target-name-override'], bank.peer.name);
      t.deepEqual(profile.organizations[bank.name], { mspid: bank.mspId, peers: [bank.peer.name] }, `${org} lists ${bank.name}`);
    }
  }
});

test('a bank\'s profile names its own organisation as the client\'s', (t) => {
  const topology = topologyWithTlsCas();
  for (const bank of topology.banks) {
    const profile = connectionProfile(topology, bank.handle) as Profile;
    t.is(profile.client.organization, bank.name);
    t.is(profile.organizations[bank.name]?.mspid, CONSORTIUM_ORGS[bank.handle]);
    t.is(Object.keys(profile.organizations).length, 3);
  }
});

test('the Regulator\'s profile has no peers of its own but lists every bank with its peer', (t) => {
  const topology = topologyWithTlsCas();
  const profile = connectionProfile(topology, 'regulator') as Profile;
  t.is(profile.client.organization, topology.regulator.name);
  t.deepEqual(profile.organizations[topology.regulator.name], { mspid: topology.regulator.mspId, peers: [] });
  t.deepEqual(Object.keys(profile.organizations).sort(), [topology.regulator.name, ...topology.banks.map((bank) => bank.name)].sort());
});

test('wallet labels are admin then the organisation\'s people', (t) => {
  for (const bank of ['bankA', 'bankB', 'bankC'] as const) t.deepEqual(walletLabels(bank), ['admin', 'officer1', 'officer2', 'operator1', 'spvadmin1', 'appraiser1', 'validator1', 'alice', 'bob', 'carol']);
  t.deepEqual(walletLabels('regulator'), ['admin', 'rita', 'auditor1']);
});

const haveBinaries = existsSync(binaryPath('cryptogen'));
const withCryptogen = haveBinaries ? test : test.skip;
const skipReason = haveBinaries ? '' : ' (skipped: no cryptogen in .fabric/bin; `trestle network up` builds it)';

/** Signs with the identity as fabric-network would and checks the signature against its certificate. */
async function signsAsItsCertificate(identity: X509Identity, label: string): Promise<boolean> {
  const wallet = await Wallets.newInMemoryWallet();
  const user = await wallet.getProviderRegistry().getProvider(identity.type).getUserContext(identity, label);
  // The signing identity hashes the message with SHA-256 and signs the digest, as for a proposal.
  const message = Buffer.from(`signed as ${label}`);
  const signature = user.getSigningIdentity().sign(message, {});
  return createVerify('SHA256').update(message).verify(identity.credentials.certificate, Buffer.from(signature));
}

withCryptogen(`walletEntry is read back by fabric-network's file-system wallet and signs as its certificate${skipReason}`, async (t) => {
  const topology = fabricTopology({ home: mkdtempSync(path.join(scratch, 'trestle-wallet-entry-')), portBase: 33000, host: '127.0.0.1' });
  ensureCryptoMaterial(topology);
  const bank = topology.banks[0] as FabricTopology['banks'][number];
  const msp = path.join(orgCryptoDir(topology, bank.domain), 'users', `User1@${bank.domain}`, 'msp');
  const certificate = readFileSync(path.join(msp, 'signcerts', `User1@${bank.domain}-cert.pem`), 'utf8');
  const privateKey = readFileSync(path.join(msp, 'keystore', 'priv_sk'), 'utf8');
  const dir = mkdtempSync(path.join(scratch, 'trestle-wallet-'));
  writeFileSync(path.join(dir, 'officer1.id'), JSON.stringify(walletEntry(bank.mspId, certificate, privateKey)));

  const identity = (await (await Wallets.newFileSystemWallet(dir)).get('officer1')) as X509Identity | undefined;
  t.truthy(identity);
  t.like(identity, { type: 'X.509', mspId: bank.mspId, credentials: { certificate, privateKey } });
  t.true(await signsAsItsCertificate(identity as X509Identity, 'officer1'));
});

withCryptogen(`writeClientFiles gives each organisation a profile and a wallet of its labels, admin the admin, people the users in order${skipReason}`, async (t) => {
  const stack: StackConfig = { home: mkdtempSync(path.join(scratch, 'trestle-client-files-')), portBase: 33000, host: '127.0.0.1' };
  const topology = fabricTopology(stack);
  ensureCryptoMaterial(topology);
  writeClientFiles(stack, topology);
  for (const org of orgHandles) {
    const files = fabricClientFiles(stack, org);
    t.deepEqual(JSON.parse(readFileSync(files.connectionProfile, 'utf8')), connectionProfile(topology, org));
    const wallet = await Wallets.newFileSystemWallet(files.wallet);
    t.deepEqual((await wallet.list()).sort(), [...walletLabels(org)].sort(), org);
    const domain = topology.banks.find((bank) => bank.handle === org)?.domain ?? topology.regulator.domain;
    for (const [index, label] of walletLabels(org).entries()) {
      const identity = (await wallet.get(label)) as X509Identity;
      t.is(identity.mspId, CONSORTIUM_ORGS[org]);
      const subject = new X509Certificate(identity.credentials.certificate).subject;
      t.regex(subject, new RegExp(`^CN=${index === 0 ? 'Admin' : `User${index}`}@${domain.replace(/\./g, '\\.')}$`, 'm'), `${org}/${label}`);
      t.regex(subject, new RegExp(`^OU=${index === 0 ? 'admin' : 'client'}$`, 'm'), `${org}/${label}`);
      t.is(statSync(path.join(files.wallet, `${label}.id`)).mode & 0o777, 0o600, `${org}/${label} is readable by its owner only`);
    }
    t.true(await signsAsItsCertificate((await wallet.get('admin')) as X509Identity, 'admin'), `${org}/admin signs as its certificate`);
  }
});
