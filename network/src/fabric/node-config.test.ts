import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { parse } from 'yaml';
import { FABRIC_SAMPLECONFIG } from './fabric-binaries';
import { CCAAS_BUILDER_DIR, ordererConfig, ordererHome, peerCoreConfig, peerHome } from './node-config';
import { fabricTopology, nodeCryptoDir, tlsCaCert } from './topology';

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Fabric's YAML is untyped

const topology = fabricTopology({ home: '/tmp/trestle-node-config', portBase: 33000, host: '127.0.0.1' });
const [bank] = topology.banks as [(typeof topology.banks)[number]];

// Only the keys the overrides reach into, with the values Fabric's sample ships where it matters:
// the Docker socket, a file bootstrap, channel participation off (as in Fabric before 2.3).
const handWrittenCore = (): Yaml => ({
  peer: { id: 'jdoe', gossip: { bootstrap: '127.0.0.1:7051' }, tls: { enabled: false }, BCCSP: { Default: 'SW' } },
  vm: { endpoint: 'unix:///var/run/docker.sock' },
  chaincode: { externalBuilders: [] },
  ledger: { snapshots: { rootDir: '/var/hyperledger/production/snapshots' } },
  operations: { listenAddress: '127.0.0.1:9443' },
  metrics: { provider: 'disabled' },
});
const handWrittenOrderer = (): Yaml => ({
  General: { ListenAddress: '0.0.0.0', ListenPort: 7050, BootstrapMethod: 'file', TLS: { Enabled: false }, Cluster: {}, BCCSP: { Default: 'SW' } },
  FileLedger: { Location: '/var/hyperledger/production/orderer' },
  Operations: { ListenAddress: '127.0.0.1:8443' },
  Metrics: { Provider: 'disabled' },
  Admin: { ListenAddress: '127.0.0.1:9443', TLS: { Enabled: false, ClientAuthRequired: true } },
  ChannelParticipation: { Enabled: false, MaxRequestBodySize: '1 MB' },
});

const haveSample = existsSync(path.join(FABRIC_SAMPLECONFIG, 'core.yaml')) && existsSync(path.join(FABRIC_SAMPLECONFIG, 'orderer.yaml'));
const sampleSkipReason = haveSample ? '' : ' (skipped: no .fabric/sampleconfig; `trestle network up` copies it)';
const readSample = (file: string) => parse(readFileSync(path.join(FABRIC_SAMPLECONFIG, file), 'utf8')) as Yaml;
const samples: { title: string; core: () => Yaml; orderer: () => Yaml }[] = [
  { title: 'a hand-written sample', core: handWrittenCore, orderer: handWrittenOrderer },
  {
    title: `Fabric's sampleconfig${sampleSkipReason}`,
    core: () => readSample('core.yaml'),
    orderer: () => readSample('orderer.yaml'),
  },
];
const loopback = /^127\.0\.0\.1:\d+$/;
const tlsOf = (node: string) => path.join(nodeCryptoDir(topology, bank.domain, node), 'tls');

for (const [index, sample] of samples.entries()) {
  const run = index === 0 || haveSample ? test : test.skip;

  run(`peer core.yaml from ${sample.title}: no Docker, TLS on, loopback addresses, our external builder`, (t) => {
    const original = sample.core();
    const untouched = structuredClone(original);
    const config = peerCoreConfig(original, topology, bank);
    t.deepEqual(original, untouched, 'the sample is not modified (it serves every bank)');

    // DESIGN.md §4: with the sample's Docker socket the peer's health check fails where Docker is absent.
    t.is(config.vm.endpoint, '');
    t.is(config.peer.id, bank.peer.name);
    t.is(config.peer.localMspId, bank.mspId);
    t.is(config.peer.mspConfigPath, path.join(nodeCryptoDir(topology, bank.domain, bank.peer.name), 'msp'));
    t.is(config.peer.tls.enabled, true);
    t.deepEqual([config.peer.tls.cert.file, config.peer.tls.key.file, config.peer.tls.rootcert.file], ['server.crt', 'server.key', 'ca.crt'].map((file) => path.join(tlsOf(bank.peer.name), file)));
    for (const address of [config.peer.listenAddress, config.peer.address, config.peer.chaincodeListenAddress, config.peer.chaincodeAddress, config.peer.gossip.bootstrap, config.peer.gossip.externalEndpoint, config.operations.listenAddress]) t.regex(address, loopback);
    t.is(config.peer.listenAddress, `127.0.0.1:${bank.peer.port}`);
    t.is(config.peer.chaincodeListenAddress, `127.0.0.1:${bank.peer.chaincodePort}`);
    t.is(config.operations.listenAddress, `127.0.0.1:${bank.peer.operationsPort}`);
    t.true(config.peer.fileSystemPath.startsWith(peerHome(topology, bank)));
    t.true(config.ledger.snapshots.rootDir.startsWith(peerHome(topology, bank)));
    t.deepEqual(config.peer.BCCSP, original.peer.BCCSP, 'keys the overrides do not name are kept');

    t.deepEqual(config.chaincode.externalBuilders, [{ name: 'trestle-ccaas', path: CCAAS_BUILDER_DIR, propagateEnvironment: [] }]);
    for (const script of ['detect', 'build', 'release']) {
      const file = path.join(config.chaincode.externalBuilders[0].path, 'bin', script);
      t.true(statSync(file).isFile(), file);
      t.notThrows(() => accessSync(file, constants.X_OK), `${file} is executable`);
    }
  });

  run(`orderer.yaml from ${sample.title}: no system channel, channel participation, TLS everywhere, admin by client certificate`, (t) => {
    const original = sample.orderer();
    const untouched = structuredClone(original);
    const config = ordererConfig(original, topology, bank);
    t.deepEqual(original, untouched, 'the sample is not modified (it serves every bank)');

    t.is(config.General.BootstrapMethod, 'none');
    t.is(config.ChannelParticipation.Enabled, true);
    t.is(config.General.ListenAddress, '127.0.0.1');
    t.is(config.General.ListenPort, bank.orderer.port);
    t.is(config.General.LocalMSPID, bank.mspId);
    t.is(config.General.TLS.Enabled, true);
    t.deepEqual([config.General.TLS.Certificate, config.General.TLS.PrivateKey, config.General.TLS.RootCAs], [path.join(tlsOf(bank.orderer.name), 'server.crt'), path.join(tlsOf(bank.orderer.name), 'server.key'), [path.join(tlsOf(bank.orderer.name), 'ca.crt')]]);
    t.deepEqual([config.General.Cluster.ClientCertificate, config.General.Cluster.ClientPrivateKey], [config.General.TLS.Certificate, config.General.TLS.PrivateKey]);
    t.is(config.Operations.ListenAddress, `127.0.0.1:${bank.orderer.operationsPort}`);
    t.is(config.Admin.ListenAddress, `127.0.0.1:${bank.orderer.adminPort}`);
    t.is(config.Admin.TLS.Enabled, true);
    t.is(config.Admin.TLS.ClientAuthRequired, true);
    t.deepEqual(config.Admin.TLS.ClientRootCAs, [tlsCaCert(topology, bank.domain)]);
    for (const folder of [config.FileLedger.Location, config.Consensus.WALDir, config.Consensus.SnapDir]) t.true(folder.startsWith(ordererHome(topology, bank)), folder);
    t.deepEqual(config.General.BCCSP, original.General.BCCSP, 'keys the overrides do not name are kept');
    t.is(config.ChannelParticipation.MaxRequestBodySize, original.ChannelParticipation.MaxRequestBodySize);
  });
}

test('each bank\'s nodes get their own homes and ports', (t) => {
  const core = handWrittenCore();
  const orderer = handWrittenOrderer();
  const peers = topology.banks.map((each) => peerCoreConfig(core, topology, each));
  const orderers = topology.banks.map((each) => ordererConfig(orderer, topology, each));
  t.is(new Set(peers.map((config) => config.peer.fileSystemPath)).size, 3);
  t.is(new Set(orderers.map((config) => config.FileLedger.Location)).size, 3);
  t.is(new Set([...peers.map((config) => config.peer.listenAddress), ...orderers.map((config) => `127.0.0.1:${config.General.ListenPort}`)]).size, 6);
});

/** Every string in a config that names an address on all interfaces, by its dotted key. */
function wildcardAddresses(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return value.startsWith('0.0.0.0') ? [key] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) => wildcardAddresses(inner, key ? `${key}.${name}` : name));
}

(haveSample ? test : test.skip)(`nothing from Fabric's sampleconfig listens on all interfaces: its only wildcard addresses are the profilers, which stay off${sampleSkipReason}`, (t) => {
  const core = peerCoreConfig(readSample('core.yaml'), topology, bank);
  const orderer = ordererConfig(readSample('orderer.yaml'), topology, bank);
  t.deepEqual(wildcardAddresses(core), ['peer.profile.listenAddress']);
  t.is(core.peer.profile.enabled, false);
  t.deepEqual(wildcardAddresses(orderer), ['General.Profile.Address']);
  t.is(orderer.General.Profile.Enabled, false);
  // The other host:port values of the sample belong to features not in use here.
  t.is(core.ledger.state.stateDatabase, 'goleveldb');
  t.is(core.metrics.provider, 'prometheus');
  t.is(orderer.Metrics.Provider, 'prometheus');
});
