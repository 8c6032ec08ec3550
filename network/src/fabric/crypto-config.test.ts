import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { channelConfigtx } from './channel-config';
import { ensureCryptoMaterial, cryptogenConfig } from './crypto-config';
import { binaryPath } from './fabric-binaries';
import { adminMspDir, BANK_USERS, fabricTopology, nodeCryptoDir, orgCryptoDir, REGULATOR_USERS, tlsCaCert, type FabricTopology } from './topology';

// Every folder a test makes lives here, removed when the file's tests are done.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trestle-crypto-test-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

type OrgSpec = { Name: string; Domain: string; EnableNodeOUs: boolean; Specs?: { Hostname: string; SANS: string[] }[]; Template?: { Count: number }; Users: { Count: number } };

const topology = fabricTopology({ home: '/tmp/trestle-crypto-config', portBase: 33000, host: '127.0.0.1' });
const orgs = (cryptogenConfig(topology) as { PeerOrgs: OrgSpec[] }).PeerOrgs;
const orgOf = (domain: string) => orgs.find((org) => org.Domain === domain);

test('each bank gets a peer and an orderer spec with loopback SANs, NodeOUs on and one user per wallet label', (t) => {
  for (const bank of topology.banks) {
    const org = orgOf(bank.domain);
    t.truthy(org, bank.domain);
    t.is(org?.Name, bank.name);
    t.true(org?.EnableNodeOUs);
    t.deepEqual(org?.Specs?.map((spec) => `${spec.Hostname}.${bank.domain}`), [bank.peer.name, bank.orderer.name]);
    for (const spec of org?.Specs ?? []) t.deepEqual([...spec.SANS].sort(), ['127.0.0.1', 'localhost']);
    t.is(org?.Users.Count, BANK_USERS.length);
  }
});

test('the Regulator has client identities only: no node spec, no template node', (t) => {
  const regulator = orgOf(topology.regulator.domain);
  t.is(regulator?.Name, topology.regulator.name);
  t.true(regulator?.EnableNodeOUs);
  t.is(regulator?.Specs, undefined);
  t.is(regulator?.Template?.Count, 0);
  t.is(regulator?.Users.Count, REGULATOR_USERS.length);
});

test('each chaincode server has a CA of its own, an organisation outside the channel', (t) => {
  const configtx = JSON.stringify(channelConfigtx(topology));
  for (const bank of topology.banks) {
    const org = orgOf(bank.chaincodeServer.domain);
    t.truthy(org, bank.chaincodeServer.domain);
    t.not(org?.Domain, bank.domain);
    t.deepEqual(org?.Specs?.map((spec) => `${spec.Hostname}.${bank.chaincodeServer.domain}`), [bank.chaincodeServer.name]);
    t.deepEqual([...(org?.Specs?.[0]?.SANS ?? [])].sort(), ['127.0.0.1', 'localhost']);
    t.is(org?.Users.Count, 0);
    // Neither its MSP folder nor its name appears anywhere in the channel's configuration.
    t.false(configtx.includes(bank.chaincodeServer.domain), `${bank.chaincodeServer.domain} is in configtx`);
    t.false(configtx.includes(org?.Name ?? '?'), `${org?.Name} is in configtx`);
  }
  t.is(orgs.length, 3 + 1 + 3);
});

const haveBinaries = existsSync(binaryPath('cryptogen'));
const withCryptogen = haveBinaries ? test : test.skip;
const skipReason = haveBinaries ? '' : ' (skipped: no cryptogen in .fabric/bin; `trestle network up` builds it)';

function generated(): FabricTopology {
  const home = mkdtempSync(path.join(scratch, 'trestle-crypto-'));
  return fabricTopology({ home, portBase: 33000, host: '127.0.0.1' });
}

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const certificate = (file: string) => new X509Certificate(readFileSync(file));
const ouOf = (cert: X509Certificate) => cert.subject.split('\n').filter((line) => line.startsWith('OU=')).map((line) => line.slice(3));
const sansOf = (cert: X509Certificate) => (cert.subjectAltName ?? '').split(', ');

function filesWithTimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[full] = statSync(full).mtimeMs;
  }
  return out;
}

withCryptogen(`cryptogen issues every node a TLS certificate for 127.0.0.1 and localhost, from its organisation's TLS CA${skipReason}`, (t) => {
  const generatedTopology = generated();
  t.is(ensureCryptoMaterial(generatedTopology), 'generated');
  for (const bank of generatedTopology.banks) {
    const nodes: [string, string][] = [
      [bank.domain, bank.peer.name],
      [bank.domain, bank.orderer.name],
      [bank.chaincodeServer.domain, bank.chaincodeServer.name],
    ];
    for (const [domain, node] of nodes) {
      const tls = certificate(path.join(nodeCryptoDir(generatedTopology, domain, node), 'tls', 'server.crt'));
      t.true(sansOf(tls).includes('IP Address:127.0.0.1'), `${node}: ${tls.subjectAltName}`);
      t.true(sansOf(tls).includes('DNS:localhost'), `${node}: ${tls.subjectAltName}`);
      t.true(sansOf(tls).includes(`DNS:${node}`), `${node}: ${tls.subjectAltName}`);
      t.true(tls.checkIssued(certificate(tlsCaCert(generatedTopology, domain))), `${node} is issued by tlsca.${domain}`);
      // Peers present this certificate to their chaincode server and orderers to each other (Raft): it serves both ends.
      t.deepEqual([SERVER_AUTH, CLIENT_AUTH].filter((usage) => tls.keyUsage?.includes(usage)), [SERVER_AUTH, CLIENT_AUTH], node);
    }
    // The chaincode server's CA is not the bank's: a bank TLS certificate does not pass as the server.
    t.false(certificate(tlsCaCert(generatedTopology, bank.domain)).checkIssued(certificate(tlsCaCert(generatedTopology, bank.chaincodeServer.domain))));
  }
});

withCryptogen(`cryptogen gives admins OU admin, users OU client and nodes OU peer, with NodeOUs in the org MSP${skipReason}`, (t) => {
  const generatedTopology = generated();
  ensureCryptoMaterial(generatedTopology);
  const orgsWithUsers = [...generatedTopology.banks.map((bank) => [bank.domain, BANK_USERS.length] as const), [generatedTopology.regulator.domain, REGULATOR_USERS.length] as const];
  for (const [domain, userCount] of orgsWithUsers) {
    t.deepEqual(ouOf(certificate(path.join(adminMspDir(generatedTopology, domain), 'signcerts', `Admin@${domain}-cert.pem`))), ['admin'], domain);
    const users = readdirSync(path.join(orgCryptoDir(generatedTopology, domain), 'users')).filter((name) => name.startsWith('User'));
    t.is(users.length, userCount, domain);
    for (const user of users) t.deepEqual(ouOf(certificate(path.join(orgCryptoDir(generatedTopology, domain), 'users', user, 'msp', 'signcerts', `${user}-cert.pem`))), ['client'], user);
    t.regex(readFileSync(path.join(orgCryptoDir(generatedTopology, domain), 'msp', 'config.yaml'), 'utf8'), /NodeOUs:\s+Enable: true/);
  }
  for (const bank of generatedTopology.banks) {
    for (const node of [bank.peer.name, bank.orderer.name]) t.deepEqual(ouOf(certificate(path.join(nodeCryptoDir(generatedTopology, bank.domain, node), 'msp', 'signcerts', `${node}-cert.pem`))), ['peer'], node);
  }
  const regulatorNodes = path.join(orgCryptoDir(generatedTopology, generatedTopology.regulator.domain), 'peers');
  t.deepEqual(existsSync(regulatorNodes) ? readdirSync(regulatorNodes) : [], [], 'the Regulator has no node material');
});

withCryptogen(`a second call keeps the material it finds and touches no file${skipReason}`, (t) => {
  const generatedTopology = generated();
  t.is(ensureCryptoMaterial(generatedTopology), 'generated');
  const before = filesWithTimes(generatedTopology.root);
  t.true(Object.keys(before).length > 100);
  t.is(ensureCryptoMaterial(generatedTopology), 'kept');
  t.deepEqual(filesWithTimes(generatedTopology.root), before);
});

withCryptogen(`crypto material missing for one org while the others' exists is refused, not regenerated under new CAs${skipReason}`, (t) => {
  const generatedTopology = generated();
  ensureCryptoMaterial(generatedTopology);
  const bankB = generatedTopology.banks[1] as FabricTopology['banks'][number];
  rmSync(orgCryptoDir(generatedTopology, bankB.domain), { recursive: true, force: true });
  const caBefore = readFileSync(tlsCaCert(generatedTopology, (generatedTopology.banks[0] as typeof bankB).domain), 'utf8');
  const error = t.throws(() => ensureCryptoMaterial(generatedTopology));
  t.regex(error?.message ?? '', /crypto material of bankb\.trestle\.local is missing .* "trestle network down --purge"/);
  t.is(readFileSync(tlsCaCert(generatedTopology, (generatedTopology.banks[0] as typeof bankB).domain), 'utf8'), caBefore, 'BankA keeps its CA');
  t.false(existsSync(orgCryptoDir(generatedTopology, bankB.domain)));
});
