import { connect } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../stack/stack-config';
import { startProcess, stopProcess, waitUntilReady, runningPid, type ProcessSpec } from '../process/managed-process';
import { binaryPath } from './fabric-binaries';
import { ordererHome, peerHome } from './node-config';
import { nodeCryptoDir, processName, tlsCaCert, type BankNode, type FabricTopology } from './topology';

export const CHAINCODE_DIR = path.join(REPO_ROOT, 'chaincode');

/** How long each kind of process gets to report healthy before `up` names it and its log. */
export const READY_TIMEOUT_MS = { orderer: 60_000, peer: 90_000, chaincode: 60_000 } as const;

export function ordererSpec(topology: FabricTopology, bank: BankNode): ProcessSpec {
  const home = ordererHome(topology, bank);
  return { name: processName.orderer(bank), command: binaryPath('orderer'), args: [], cwd: home, env: { FABRIC_CFG_PATH: home, FABRIC_LOGGING_SPEC: 'INFO' } };
}

export function peerSpec(topology: FabricTopology, bank: BankNode): ProcessSpec {
  const home = peerHome(topology, bank);
  return { name: processName.peer(bank), command: binaryPath('peer'), args: ['node', 'start'], cwd: home, env: { FABRIC_CFG_PATH: home, FABRIC_LOGGING_SPEC: 'INFO' } };
}

/** The bank's chaincode server: fabric-chaincode-node serving chaincode/dist over mutual TLS to its peer. */
export function chaincodeSpec(topology: FabricTopology, bank: BankNode, packageId: string): ProcessSpec {
  const tls = path.join(nodeCryptoDir(topology, bank.chaincodeServer.domain, bank.chaincodeServer.name), 'tls');
  const cli = require.resolve('fabric-shim/cli', { paths: [CHAINCODE_DIR] });
  return {
    name: processName.chaincode(bank),
    command: process.execPath,
    args: [
      cli,
      'server',
      '--chaincode-address', `${topology.host}:${bank.chaincodeServer.port}`,
      '--chaincode-id', packageId,
      '--chaincode-tls-key-file', path.join(tls, 'server.key'),
      '--chaincode-tls-cert-file', path.join(tls, 'server.crt'),
      // Only the bank's peer, by the TLS certificate its CA issued, may call this server.
      '--chaincode-tls-client-cacert-file', tlsCaCert(topology, bank.domain),
    ],
    cwd: CHAINCODE_DIR,
    env: { CORE_CHAINCODE_LOGGING_LEVEL: 'warning', CORE_CHAINCODE_LOGGING_SHIM: 'warning' },
  };
}

/** Whether the operations endpoint answers /healthz with 200 (Fabric's own health checks passed). */
export async function healthy(topology: FabricTopology, operationsPort: number): Promise<boolean> {
  const response = await fetch(`http://${topology.host}:${operationsPort}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  return response?.status === 200;
}

export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Healthy and serving: Fabric starts its operations endpoint (/healthz) before it opens the ledger
 * and its gRPC and admin listeners, so /healthz alone let the next step's `peer channel list`
 * meet "connection refused" now and then on a warm `up`.
 */
async function healthyAndListening(topology: FabricTopology, operationsPort: number, ports: readonly number[]): Promise<boolean> {
  if (!(await healthy(topology, operationsPort))) return false;
  for (const port of ports) if (!(await listening(topology.host, port))) return false;
  return true;
}

export async function startOrderer(home: string, topology: FabricTopology, bank: BankNode): Promise<void> {
  startProcess(home, ordererSpec(topology, bank));
  await waitUntilReady(home, processName.orderer(bank), () => healthyAndListening(topology, bank.orderer.operationsPort, [bank.orderer.port, bank.orderer.adminPort]), READY_TIMEOUT_MS.orderer);
}

export async function startPeer(home: string, topology: FabricTopology, bank: BankNode): Promise<void> {
  startProcess(home, peerSpec(topology, bank));
  await waitUntilReady(home, processName.peer(bank), () => healthyAndListening(topology, bank.peer.operationsPort, [bank.peer.port]), READY_TIMEOUT_MS.peer);
}

export async function startChaincodeServer(home: string, topology: FabricTopology, bank: BankNode, packageId: string): Promise<void> {
  startProcess(home, chaincodeSpec(topology, bank, packageId));
  await waitUntilReady(home, processName.chaincode(bank), () => listening(topology.host, bank.chaincodeServer.port), READY_TIMEOUT_MS.chaincode);
}

/** Every Fabric process name of the topology, in the order `down` stops them. */
export function fabricProcessNames(topology: FabricTopology): string[] {
  return [...topology.banks.map(processName.chaincode), ...topology.banks.map(processName.peer), ...topology.banks.map(processName.orderer)];
}

export async function stopFabricProcesses(home: string, topology: FabricTopology): Promise<string[]> {
  const stopped: string[] = [];
  for (const name of fabricProcessNames(topology)) if (await stopProcess(home, name, 10_000)) stopped.push(name);
  return stopped;
}

export function fabricProcessPids(home: string, topology: FabricTopology): Record<string, number | undefined> {
  return Object.fromEntries(fabricProcessNames(topology).map((name) => [name, runningPid(home, name)]));
}
