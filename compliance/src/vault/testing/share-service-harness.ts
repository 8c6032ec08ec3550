import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { ConsortiumVault } from '../backends/consortium-vault';
import { generateConsortiumKey, type ConsortiumKey } from '../keys/generate-consortium-key';
import { HttpShareSource } from '../share-service/http/http-share-source';
import { startShareServiceServer, type RunningShareServer } from '../share-service/http/share-service-server';
import { ShareService } from '../share-service/share-service';
import { FileVaultStore } from '../store/file-vault-store';
import { grantVaultRoles, LEDGER_TIME, ledgerGateOf, SERVICE_IDENTITIES, vaultLedger } from './ledger-vault-world';
import { makeTestCa, type KeyPair, type TestCa } from './vault-tls';

// TEST-ONLY: three banks' share services over HTTPS with mutual TLS on 127.0.0.1 port 0, each
// with the ledger gate on the in-process chaincode stub, and a vault client per org.

/** The orgs of the harness, in share order for the banks. */
export const ORGS = ['BankA', 'BankB', 'BankC', 'Regulator'] as const;
export type Org = (typeof ORGS)[number];

export type ShareServiceHarness = {
  readonly key: ConsortiumKey;
  readonly worldState: WorldState;
  readonly store: FileVaultStore;
  readonly servers: readonly RunningShareServer[];
  /** The CAs that issue the banks' service certificates, which every client trusts. */
  readonly serverCas: readonly string[];
  /** Each org's vault client certificate. */
  readonly clients: Readonly<Record<Org, KeyPair>>;
  /** The vault as `org`'s vault client sees it: all three services, over HTTPS. */
  vaultOf(org: Org): ConsortiumVault;
  /** A share source for one service as `org`'s client, or with any client certificate. */
  sourceOf(serviceIndex: number, client: KeyPair): HttpShareSource;
  /** Stops the services at these share indexes (1-based). */
  stop(...shareIndexes: number[]): Promise<void>;
  close(): Promise<void>;
};

/**
 * Starts the harness: a 2-of-3 key, one CA per org, three services, the stub ledger with roles.
 * `ledger` lets the services' gates share another stub ledger (the officer service's), with the
 * services' `vault` roles granted on it.
 */
export async function startShareServiceHarness(ledger?: WorldState): Promise<ShareServiceHarness> {
  const key = generateConsortiumKey({ threshold: 2, shareCount: 3 });
  const worldState = ledger === undefined ? await vaultLedger() : await grantVaultRoles(ledger);
  const store = new FileVaultStore(await mkdtemp(join(tmpdir(), 'trestle-vault-http-')));
  const cas: Record<Org, TestCa> = { BankA: await makeTestCa('BankA'), BankB: await makeTestCa('BankB'), BankC: await makeTestCa('BankC'), Regulator: await makeTestCa('Regulator') };
  const clientAuthorities = ORGS.map((org) => ({ mspId: `${org}MSP`, ca: cas[org].cert }));
  const banks = ['BankA', 'BankB', 'BankC'] as const;
  const servers: RunningShareServer[] = [];
  for (const [index, bank] of banks.entries()) {
    const identity = SERVICE_IDENTITIES[index];
    const keyShare = key.keyShares[index];
    if (identity === undefined || keyShare === undefined) throw new Error('the harness has three banks');
    const service = new ShareService({ keyShare, gate: ledgerGateOf(worldState, identity), clock: () => LEDGER_TIME });
    servers.push(await startShareServiceServer({ service, tls: { ...(await cas[bank].issue(`share-service.${bank.toLowerCase()}`, 'server')), clients: clientAuthorities } }));
  }
  const clients = {} as Record<Org, KeyPair>;
  for (const org of ORGS) clients[org] = await cas[org].issue(`vault-client.${org.toLowerCase()}`, 'client');
  const serverCas = banks.map((bank) => cas[bank].cert);
  const sourceOf = (serviceIndex: number, client: KeyPair) => new HttpShareSource({ url: servers[serviceIndex]?.url ?? '', tls: { ...client, ca: serverCas }, timeoutMs: 5_000 });
  const stopped = new Set<number>();
  return {
    key,
    worldState,
    store,
    servers,
    serverCas,
    clients,
    vaultOf: (org) => new ConsortiumVault({ key: key.publicKey, store, shareSources: servers.map((_server, index) => sourceOf(index, clients[org])) }),
    sourceOf,
    async stop(...shareIndexes) {
      for (const shareIndex of shareIndexes) {
        stopped.add(shareIndex);
        await servers[shareIndex - 1]?.close();
      }
    },
    async close() {
      await Promise.all(servers.map((server, index) => (stopped.has(index + 1) ? undefined : server.close())));
      await Promise.all(ORGS.map((org) => cas[org].dispose()));
    },
  };
}
