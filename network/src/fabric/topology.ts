import path from 'node:path';
import type { StackConfig } from '../stack/stack-config';

/** One bank: an organisation with one peer, one Raft orderer and one chaincode server. */
export interface BankNode {
  readonly handle: 'bankA' | 'bankB' | 'bankC';
  /** Organisation name in configs and crypto material (BankA). */
  readonly name: string;
  readonly mspId: string;
  /** DNS-style domain the crypto material is issued under; every endpoint is still 127.0.0.1. */
  readonly domain: string;
  readonly peer: { readonly name: string; readonly port: number; readonly chaincodePort: number; readonly operationsPort: number };
  readonly orderer: { readonly name: string; readonly port: number; readonly adminPort: number; readonly operationsPort: number };
  /** The bank's chaincode server; its TLS material comes from a CA of its own, outside the channel. */
  readonly chaincodeServer: { readonly name: string; readonly domain: string; readonly port: number };
}

/** The Regulator: an organisation of the channel with client identities only. */
export interface ClientOrg {
  readonly handle: 'regulator';
  readonly name: string;
  readonly mspId: string;
  readonly domain: string;
}

/** The local consortium of one stack: where everything lives and listens. */
export interface FabricTopology {
  readonly host: '127.0.0.1';
  readonly channel: string;
  readonly chaincode: string;
  readonly banks: readonly BankNode[];
  readonly regulator: ClientOrg;
  /** `<stack home>/fabric`: crypto material, configs, ledgers, client files. */
  readonly root: string;
}

/** Wallet labels each organisation's client identities get, in the order cryptogen numbers its users. */
export const BANK_USERS = ['officer1', 'officer2', 'operator1', 'spvadmin1', 'appraiser1', 'validator1', 'alice', 'bob', 'carol'] as const;
export const REGULATOR_USERS = ['rita', 'auditor1'] as const;

/** Port offsets in the stack's range: the EVM devnet uses 545, each bank a block of ten from 100. */
const BANK_PORT_BLOCK = 100;
const BANK_PORT_STRIDE = 10;

function bank(stack: StackConfig, index: number, handle: BankNode['handle']): BankNode {
  const name = `Bank${handle.slice(4)}`;
  const domain = `${name.toLowerCase()}.trestle.local`;
  const base = stack.portBase + BANK_PORT_BLOCK + index * BANK_PORT_STRIDE;
  return {
    handle,
    name,
    mspId: `${name}MSP`,
    domain,
    peer: { name: `peer0.${domain}`, port: base, chaincodePort: base + 1, operationsPort: base + 2 },
    orderer: { name: `orderer0.${domain}`, port: base + 3, adminPort: base + 4, operationsPort: base + 5 },
    chaincodeServer: { name: `server.chaincode.${domain}`, domain: `chaincode.${domain}`, port: base + 6 },
  };
}

export function fabricTopology(stack: StackConfig): FabricTopology {
  return {
    host: stack.host,
    channel: 'rwa',
    chaincode: 'trestle',
    banks: [bank(stack, 0, 'bankA'), bank(stack, 1, 'bankB'), bank(stack, 2, 'bankC')],
    regulator: { handle: 'regulator', name: 'Regulator', mspId: 'RegulatorMSP', domain: 'regulator.trestle.local' },
    root: path.join(stack.home, 'fabric'),
  };
}

/** Process names, as `trestle logs <name>` takes them. */
export const processName = {
  peer: (b: BankNode) => `peer-${b.handle}`,
  orderer: (b: BankNode) => `orderer-${b.handle}`,
  chaincode: (b: BankNode) => `chaincode-${b.handle}`,
} as const;

export function endpoint(topology: FabricTopology, port: number): string {
  return `${topology.host}:${port}`;
}

/** Folders of the crypto material cryptogen writes for an organisation. */
export function orgCryptoDir(topology: FabricTopology, domain: string): string {
  return path.join(topology.root, 'crypto', 'peerOrganizations', domain);
}

export function nodeCryptoDir(topology: FabricTopology, domain: string, node: string): string {
  return path.join(orgCryptoDir(topology, domain), 'peers', node);
}

export function adminMspDir(topology: FabricTopology, domain: string): string {
  return path.join(orgCryptoDir(topology, domain), 'users', `Admin@${domain}`, 'msp');
}

export function adminTlsDir(topology: FabricTopology, domain: string): string {
  return path.join(orgCryptoDir(topology, domain), 'users', `Admin@${domain}`, 'tls');
}

/** The TLS CA certificate that verifies every TLS endpoint of an organisation. */
export function tlsCaCert(topology: FabricTopology, domain: string): string {
  return path.join(orgCryptoDir(topology, domain), 'tlsca', `tlsca.${domain}-cert.pem`);
}
