import './fabric-quiet';
import { readFileSync } from 'node:fs';
import { guardFabricListenerUnregister } from '@trestle/compliance/src/ledger-client/fabric-listener-guard';
import { Gateway, Wallets, type Contract, type Network, type QueryHandlerFactory } from 'fabric-network';
import type { Endorser } from 'fabric-common';
import { parseRoleGrant, type RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import { identityIdOfCertificate } from '@trestle/compliance/src/officer/vault/identity-id-of-certificate';
import type { OrgHandle } from '../../src/cli/ledger/acting-identity';
import { fabricClientFiles } from '../../src/cli/ledger/fabric-client-files';
import { endpoint, fabricTopology, type BankNode, type FabricTopology } from '../../src/fabric/topology';
import type { StackConfig } from '../../src/stack/stack-config';
import { pollUntil } from './fabric-poll';

// fabric-network straight, not the CLI's session: these tests pick the peers a proposal goes to
// (setEndorsingPeers) and the one peer a query asks, which the CLI's session never does.

/** Deadlines, in seconds, generous for two cores running nine Fabric processes. */
const DEADLINES = { endorseTimeout: 60, commitTimeout: 90, queryTimeout: 30 } as const;

/** One identity's connection to channel rwa, with the peers discovery found. */
export interface FabricClient {
  readonly network: Network;
  contract(name: string): Contract;
  /** The bank's peer as this gateway's channel knows it (discovery names peers by endpoint). */
  peerOf(bank: BankNode): Endorser;
  close(): void;
}

/** The channel name discovery gives a bank's peer: its external endpoint. */
export function peerEndpointName(topology: FabricTopology, bank: BankNode): string {
  return endpoint(topology, bank.peer.port);
}

/**
 * A query handler that asks exactly one peer and fails with that peer's own error: fabric-network
 * 2.2's evaluate ignores setEndorsingPeers and asks the caller's own org's peers otherwise.
 */
function onlyPeer(name: string): QueryHandlerFactory {
  return (network) => ({
    evaluate: async (query) => {
      const peer = network.getChannel().getEndorser(name);
      if (peer === undefined) throw new Error(`discovery has not found peer ${name} on channel ${network.getChannel().name}`);
      const result = (await query.evaluate([peer]))[name];
      if (result === undefined) throw new Error(`peer ${name} gave no answer`);
      if (result instanceof Error) throw result;
      if (!result.isEndorsed) throw new Error(`peer ${name} refused the query: ${result.message}`);
      return result.payload;
    },
  });
}

/**
 * Connects `org/label` from the stack's client files (the bring-up's wallets and connection
 * profiles), discovery on. With `queryPeer`, every evaluate goes to that bank's peer only.
 */
export async function openFabricClient(stack: StackConfig, org: OrgHandle, label: string, options: { queryPeer?: BankNode } = {}): Promise<FabricClient> {
  const topology = fabricTopology(stack);
  const files = fabricClientFiles(stack, org);
  const wallet = await Wallets.newFileSystemWallet(files.wallet);
  // As every production gateway: a peer killed under a waiting submit must not crash the process.
  await guardFabricListenerUnregister();
  const gateway = new Gateway();
  await gateway.connect(JSON.parse(readFileSync(files.connectionProfile, 'utf8')) as Record<string, unknown>, {
    wallet,
    identity: label,
    discovery: { enabled: true, asLocalhost: false },
    eventHandlerOptions: { endorseTimeout: DEADLINES.endorseTimeout, commitTimeout: DEADLINES.commitTimeout },
    queryHandlerOptions: { timeout: DEADLINES.queryTimeout, ...(options.queryPeer ? { strategy: onlyPeer(peerEndpointName(topology, options.queryPeer)) } : {}) },
  });
  try {
    const network = await gateway.getNetwork(topology.channel);
    return {
      network,
      contract: (name) => network.getContract(topology.chaincode, name),
      peerOf: (bank) => {
        const peer = network.getChannel().getEndorser(peerEndpointName(topology, bank));
        if (peer === undefined) throw new Error(`discovery has not found ${bank.peer.name} (${peerEndpointName(topology, bank)})`);
        return peer;
      },
      close: () => gateway.disconnect(),
    };
  } catch (error) {
    gateway.disconnect();
    throw error;
  }
}

/** Runs `use` with a client and always disconnects it. */
export async function withFabricClient<T>(stack: StackConfig, org: OrgHandle, label: string, use: (client: FabricClient) => Promise<T>, options: { queryPeer?: BankNode } = {}): Promise<T> {
  const client = await openFabricClient(stack, org, label, options);
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

/** Every stored grant, as ListRoles returns it, each record validated. */
export async function listRoles(client: FabricClient): Promise<RoleGrant[]> {
  const parsed: unknown = JSON.parse((await client.contract('RoleContract').evaluateTransaction('ListRoles')).toString('utf8'));
  if (!Array.isArray(parsed)) throw new Error('ListRoles did not return a JSON array');
  return parsed.map(parseRoleGrant);
}

/** The identity id the chaincode sees for a wallet identity. */
export function walletIdentityId(stack: StackConfig, org: OrgHandle, label: string): string {
  const entry = JSON.parse(readFileSync(`${fabricClientFiles(stack, org).wallet}/${label}.id`, 'utf8')) as { credentials: { certificate: string } };
  return identityIdOfCertificate(entry.credentials.certificate);
}

/**
 * A fresh identity id of a bank, issued (on paper) by the bank's CA: the shared network keeps every
 * grant of earlier suites and runs, so each test grants roles to a name no one used before.
 * GrantRole checks the id's form, not that a certificate exists for it.
 */
export function freshIdentityId(stack: StackConfig, bank: BankNode, tag: string): string {
  const issuer = walletIdentityId(stack, bank.handle, 'admin').split('::')[2] as string;
  return `x509::/C=US/ST=California/L=San Francisco/OU=client/CN=${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@${bank.domain}::${issuer}`;
}

/**
 * Waits until a fresh gateway of `org` discovers every bank's peer. Peers learn the other banks'
 * peers by gossip from the anchor peers, which a peer retries only every reconnect interval when
 * the first try came before the other peer joined the channel.
 */
export async function awaitEveryPeerDiscovered(stack: StackConfig, org: OrgHandle, timeoutMs = 90_000): Promise<void> {
  const topology = fabricTopology(stack);
  const wanted = topology.banks.map((bank) => peerEndpointName(topology, bank));
  await pollUntil(`every bank's peer discovered by ${org}`, timeoutMs, () =>
    withFabricClient(stack, org, 'admin', async (client) => {
      const found = client.network.getChannel().getEndorsers().map((peer) => peer.name);
      return wanted.every((name) => found.includes(name)) ? true : undefined;
    }),
  );
}
