import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { channelConfigtx, ensureGenesisBlock, genesisBlockPath } from './channel-config';
import { ensureCryptoMaterial } from './crypto-config';
import { binaryPath } from './fabric-binaries';
import { fabricTopology, nodeCryptoDir, orgCryptoDir, type FabricTopology } from './topology';

// Every folder a test makes lives here, removed when the file's tests are done.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trestle-channel-test-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

type Policy = { Type: string; Rule: string };
type Org = { Name: string; ID: string; MSPDir: string; Policies: Record<string, Policy>; AnchorPeers?: { Host: string; Port: number }[]; OrdererEndpoints?: string[] };
type Profile = {
  Capabilities: Record<string, boolean>;
  Orderer: {
    OrdererType: string;
    EtcdRaft: { Consenters: { Host: string; Port: number; ClientTLSCert: string; ServerTLSCert: string }[] };
    Organizations: Org[];
    Policies: Record<string, Policy>;
    Capabilities: Record<string, boolean>;
  };
  Application: { Organizations: Org[]; Policies: Record<string, Policy>; Capabilities: Record<string, boolean> };
};

const topology = fabricTopology({ home: '/tmp/trestle-channel-config', portBase: 33000, host: '127.0.0.1' });
const profileOf = (of: FabricTopology) => Object.values((channelConfigtx(of) as { Profiles: Record<string, Profile> }).Profiles)[0] as Profile;
const profile = profileOf(topology);
const ordererTlsCert = (of: FabricTopology, bank: FabricTopology['banks'][number]) => path.join(nodeCryptoDir(of, bank.domain, bank.orderer.name), 'tls', 'server.crt');

test('the Application group has capability V2_5 (PurgePrivateData) and the channel and orderer V2_0', (t) => {
  t.deepEqual(profile.Application.Capabilities, { V2_5: true });
  t.deepEqual(profile.Capabilities, { V2_0: true });
  t.deepEqual(profile.Orderer.Capabilities, { V2_0: true });
});

test('the Raft consenters are the three banks\' orderers on loopback, each with its own TLS certificate', (t) => {
  t.is(profile.Orderer.OrdererType, 'etcdraft');
  t.deepEqual(
    profile.Orderer.EtcdRaft.Consenters,
    topology.banks.map((bank) => ({ Host: '127.0.0.1', Port: bank.orderer.port, ClientTLSCert: ordererTlsCert(topology, bank), ServerTLSCert: ordererTlsCert(topology, bank) })),
  );
  t.deepEqual(
    profile.Orderer.Organizations.map((org) => [org.ID, org.OrdererEndpoints]),
    topology.banks.map((bank) => [bank.mspId, [`127.0.0.1:${bank.orderer.port}`]]),
  );
});

test('the Regulator is a member of the Application group only, with no anchor peer', (t) => {
  t.deepEqual(
    profile.Application.Organizations.map((org) => org.ID),
    [...topology.banks.map((bank) => bank.mspId), topology.regulator.mspId],
  );
  t.false(profile.Orderer.Organizations.some((org) => org.ID === topology.regulator.mspId));
  const regulator = profile.Application.Organizations.find((org) => org.ID === topology.regulator.mspId);
  t.is(regulator?.AnchorPeers, undefined);
  t.is(regulator?.MSPDir, path.join(orgCryptoDir(topology, topology.regulator.domain), 'msp'));
  for (const bank of topology.banks) {
    const org = profile.Application.Organizations.find((candidate) => candidate.ID === bank.mspId);
    t.deepEqual(org?.AnchorPeers, [{ Host: '127.0.0.1', Port: bank.peer.port }]);
    t.is(org?.Policies.Endorsement?.Rule, `OR('${bank.mspId}.peer')`);
  }
});

test('blocks are validated by ANY Writers of the orderer orgs, and an orderer org\'s Writers admits any member (its orderer has OU peer)', (t) => {
  t.deepEqual(profile.Orderer.Policies.BlockValidation, { Type: 'ImplicitMeta', Rule: 'ANY Writers' });
  for (const org of profile.Orderer.Organizations) t.deepEqual(org.Policies.Writers, { Type: 'Signature', Rule: `OR('${org.ID}.member')` });
  // In the Application group, Writers stays the org's admins and clients: peers do not submit.
  for (const org of profile.Application.Organizations) t.is(org.Policies.Writers?.Rule, `OR('${org.ID}.admin', '${org.ID}.client')`);
  t.deepEqual(profile.Application.Policies.LifecycleEndorsement, { Type: 'ImplicitMeta', Rule: 'MAJORITY Endorsement' });
});

const haveBinaries = existsSync(binaryPath('cryptogen')) && existsSync(binaryPath('configtxgen'));
const withConfigtxgen = haveBinaries ? test : test.skip;
const skipReason = haveBinaries ? '' : ' (skipped: no cryptogen/configtxgen in .fabric/bin; `trestle network up` builds them)';

type Inspected = { data: { data: { payload: { data: { config: { channel_group: Group } } } }[] } };
type Group = { groups: Record<string, Group>; values: Record<string, { value: Record<string, unknown> }>; policies: Record<string, { policy: { type: number; value: Record<string, unknown> } }> };

withConfigtxgen(`configtxgen writes a genesis block that decodes to the channel we configured, and keeps it afterwards${skipReason}`, (t) => {
  const generated = fabricTopology({ home: mkdtempSync(path.join(scratch, 'trestle-channel-')), portBase: 33000, host: '127.0.0.1' });
  ensureCryptoMaterial(generated);
  t.is(ensureGenesisBlock(generated), 'generated');
  const block = genesisBlockPath(generated);
  const inspected = spawnSync(binaryPath('configtxgen'), ['-inspectBlock', block], { encoding: 'utf8' });
  t.is(inspected.status, 0, inspected.stderr);
  const channel = (JSON.parse(inspected.stdout) as Inspected).data.data[0]?.payload.data.config.channel_group as Group;
  const application = channel.groups.Application as Group;
  const orderer = channel.groups.Orderer as Group;

  t.deepEqual(channel.values.Capabilities?.value, { capabilities: { V2_0: {} } });
  t.deepEqual(application.values.Capabilities?.value, { capabilities: { V2_5: {} } });
  t.deepEqual(Object.keys(application.groups).sort(), ['BankAMSP', 'BankBMSP', 'BankCMSP', 'RegulatorMSP']);
  t.deepEqual(Object.keys(orderer.groups).sort(), ['BankAMSP', 'BankBMSP', 'BankCMSP']);

  const consensus = orderer.values.ConsensusType?.value as { type: string; metadata: { consenters: { host: string; port: number; client_tls_cert: string; server_tls_cert: string }[] } };
  t.is(consensus.type, 'etcdraft');
  t.deepEqual(
    consensus.metadata.consenters.map((consenter) => ({ host: consenter.host, port: consenter.port, client: Buffer.from(consenter.client_tls_cert, 'base64').toString('utf8'), server: Buffer.from(consenter.server_tls_cert, 'base64').toString('utf8') })),
    generated.banks.map((bank) => {
      const pem = readFileSync(ordererTlsCert(generated, bank), 'utf8');
      return { host: '127.0.0.1', port: bank.orderer.port, client: pem, server: pem };
    }),
  );
  // The consenter certificate is the orderer's, valid for the address the other orderers dial.
  for (const consenter of consensus.metadata.consenters) t.true(new X509Certificate(Buffer.from(consenter.server_tls_cert, 'base64')).checkIP('127.0.0.1') === '127.0.0.1');

  t.deepEqual(orderer.policies.BlockValidation?.policy, { type: 3, value: { rule: 'ANY', sub_policy: 'Writers' } });
  for (const bank of generated.banks) {
    // The orderer signs blocks with a certificate of OU peer: a Writers rule of admins and clients
    // would refuse every block it cuts; MEMBER admits it.
    const signer = new X509Certificate(readFileSync(path.join(nodeCryptoDir(generated, bank.domain, bank.orderer.name), 'msp', 'signcerts', `${bank.orderer.name}-cert.pem`)));
    t.regex(signer.subject, /^OU=peer$/m);
    const writers = (orderer.groups[bank.mspId] as Group).policies.Writers?.policy.value as { identities: { principal: { msp_identifier: string; role: string } }[] };
    t.deepEqual(writers.identities.map((identity) => identity.principal), [{ msp_identifier: bank.mspId, role: 'MEMBER' }]);
    t.deepEqual((orderer.groups[bank.mspId] as Group).values.Endpoints?.value, { addresses: [`127.0.0.1:${bank.orderer.port}`] });
    t.deepEqual((application.groups[bank.mspId] as Group).values.AnchorPeers?.value, { anchor_peers: [{ host: '127.0.0.1', port: bank.peer.port }] });
  }
  t.is((application.groups.RegulatorMSP as Group).values.AnchorPeers, undefined);

  const written = statSync(block).mtimeMs;
  t.is(ensureGenesisBlock(generated), 'kept');
  t.is(statSync(block).mtimeMs, written);
});
