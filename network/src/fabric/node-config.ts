import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT } from '../stack/stack-config';
import { FABRIC_SAMPLECONFIG } from './fabric-binaries';
import { endpoint, nodeCryptoDir, tlsCaCert, type BankNode, type FabricTopology } from './topology';

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Fabric's YAML is untyped

/** Our external builder for chaincode-as-a-service packages (DESIGN.md §4: no Docker). */
export const CCAAS_BUILDER_DIR = path.join(REPO_ROOT, 'network', 'fabric', 'ccaas-builder');

export function peerHome(topology: FabricTopology, bank: BankNode): string {
  return path.join(topology.root, 'nodes', bank.peer.name);
}

export function ordererHome(topology: FabricTopology, bank: BankNode): string {
  return path.join(topology.root, 'nodes', bank.orderer.name);
}

function tlsFiles(topology: FabricTopology, bank: BankNode, node: string) {
  const tls = path.join(nodeCryptoDir(topology, bank.domain, node), 'tls');
  return { cert: path.join(tls, 'server.crt'), key: path.join(tls, 'server.key'), ca: path.join(tls, 'ca.crt') };
}

/**
 * A bank peer's core.yaml: Fabric's sample with this peer's identity, loopback addresses, TLS,
 * state folder, no Docker (`vm.endpoint` empty: with the sample's socket the health check fails)
 * and our chaincode-as-a-service builder.
 */
export function peerCoreConfig(sample: Yaml, topology: FabricTopology, bank: BankNode): Yaml {
  const config = structuredClone(sample);
  const home = peerHome(topology, bank);
  const tls = tlsFiles(topology, bank, bank.peer.name);
  const address = endpoint(topology, bank.peer.port);
  Object.assign(config.peer, {
    id: bank.peer.name,
    networkId: `trestle-${topology.channel}`,
    listenAddress: address,
    address,
    chaincodeListenAddress: endpoint(topology, bank.peer.chaincodePort),
    chaincodeAddress: endpoint(topology, bank.peer.chaincodePort),
    fileSystemPath: path.join(home, 'data'),
    mspConfigPath: path.join(nodeCryptoDir(topology, bank.domain, bank.peer.name), 'msp'),
    localMspId: bank.mspId,
  });
  // One peer per bank: it is its own gossip bootstrap, and its external endpoint is what
  // discovery tells clients and other banks' peers. The peers start together, so one often dials
  // another bank's anchor peer before that peer is up; it retries every reconnect interval, and
  // until then clients discover two banks' peers of three (the sample's 25 s was seen after `up`).
  Object.assign(config.peer.gossip, { bootstrap: address, externalEndpoint: address, useLeaderElection: false, orgLeader: true, reconnectInterval: '2s' });
  Object.assign(config.peer.tls, {
    enabled: true,
    clientAuthRequired: false,
    cert: { file: tls.cert },
    key: { file: tls.key },
    rootcert: { file: tls.ca },
    clientRootCAs: { files: [tls.ca] },
    clientCert: { file: tls.cert },
    clientKey: { file: tls.key },
  });
  config.vm.endpoint = '';
  config.chaincode.externalBuilders = [{ name: 'trestle-ccaas', path: CCAAS_BUILDER_DIR, propagateEnvironment: [] }];
  config.ledger.snapshots.rootDir = path.join(home, 'data', 'snapshots');
  config.operations.listenAddress = endpoint(topology, bank.peer.operationsPort);
  config.metrics.provider = 'prometheus';
  return config;
}

/**
 * A bank orderer's orderer.yaml: Raft member without a system channel (channels are joined through
 * the admin endpoint, osnadmin), TLS on the client, cluster and admin endpoints, all on loopback.
 */
export function ordererConfig(sample: Yaml, topology: FabricTopology, bank: BankNode): Yaml {
  const config = structuredClone(sample);
  const home = ordererHome(topology, bank);
  const tls = tlsFiles(topology, bank, bank.orderer.name);
  Object.assign(config.General, {
    ListenAddress: topology.host,
    ListenPort: bank.orderer.port,
    BootstrapMethod: 'none',
    LocalMSPDir: path.join(nodeCryptoDir(topology, bank.domain, bank.orderer.name), 'msp'),
    LocalMSPID: bank.mspId,
  });
  Object.assign(config.General.TLS, { Enabled: true, PrivateKey: tls.key, Certificate: tls.cert, RootCAs: [tls.ca], ClientAuthRequired: false });
  // The cluster shares the client listener; other orderers present their TLS certificates.
  Object.assign(config.General.Cluster, { ClientCertificate: tls.cert, ClientPrivateKey: tls.key });
  config.FileLedger.Location = path.join(home, 'data');
  config.Consensus = { WALDir: path.join(home, 'data', 'etcdraft', 'wal'), SnapDir: path.join(home, 'data', 'etcdraft', 'snapshot') };
  config.Operations.ListenAddress = endpoint(topology, bank.orderer.operationsPort);
  config.Metrics.Provider = 'prometheus';
  Object.assign(config.Admin, {
    ListenAddress: endpoint(topology, bank.orderer.adminPort),
    // Only the bank's admins, by the TLS client certificate their CA issued, may join channels.
    TLS: { Enabled: true, Certificate: tls.cert, PrivateKey: tls.key, ClientAuthRequired: true, ClientRootCAs: [tlsCaCert(topology, bank.domain)] },
  });
  config.ChannelParticipation = { ...config.ChannelParticipation, Enabled: true };
  return config;
}

function readSample(file: string): Yaml {
  return parse(readFileSync(path.join(FABRIC_SAMPLECONFIG, file), 'utf8')) as Yaml;
}

/** Writes every node's config (FABRIC_CFG_PATH is the node's home); cheap, so rewritten on each `up`. */
export function writeNodeConfigs(topology: FabricTopology): void {
  const core = readSample('core.yaml');
  const orderer = readSample('orderer.yaml');
  for (const bank of topology.banks) {
    mkdirSync(peerHome(topology, bank), { recursive: true });
    writeFileSync(path.join(peerHome(topology, bank), 'core.yaml'), stringify(peerCoreConfig(core, topology, bank)));
    mkdirSync(ordererHome(topology, bank), { recursive: true });
    writeFileSync(path.join(ordererHome(topology, bank), 'orderer.yaml'), stringify(ordererConfig(orderer, topology, bank)));
  }
}
