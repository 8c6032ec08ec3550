import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LedgerAccessGate } from '@trestle/compliance/src/vault/access/ledger-access-gate';
import { generateConsortiumKey, type ConsortiumKey } from '@trestle/compliance/src/vault/keys/generate-consortium-key';
import { formatPublicKeyFile } from '@trestle/compliance/src/vault/keys/public-key-file';
import { connectFabricVaultLedger, type FabricVaultLedger } from '@trestle/compliance/src/vault/ledger/fabric-vault-ledger';
import { startShareServiceServer, type RunningShareServer } from '@trestle/compliance/src/vault/share-service/http/share-service-server';
import { ShareService } from '@trestle/compliance/src/vault/share-service/share-service';
import { makeTestCa, type KeyPair, type TestCa } from '@trestle/compliance/src/vault/testing/vault-tls';
import { CONSORTIUM_ORGS, type OrgHandle } from '@trestle/network/src/cli/ledger/acting-identity';
import { fabricClientFiles } from '@trestle/network/src/cli/ledger/fabric-client-files';
import type { StackConfig } from '@trestle/network/src/stack/stack-config';

// TEST-ONLY: the three banks' share services as share-service/http/main.ts composes them (key
// share, LedgerAccessGate on the Fabric vault ledger, HTTPS with mutual TLS), in this process, on
// the REAL network: each signs its ledger calls as its bank's `operator1`, who holds `vault`
// (granted by the suite; the bring-up writes no vault label). TLS certificates come from
// throwaway openssl CAs, one per org; the consortium key is made fresh for the suite.

/** The banks in share order: share i is served by BANKS[i - 1]. */
export const BANKS = ['bankA', 'bankB', 'bankC'] as const satisfies readonly OrgHandle[];
/** The wallet label each bank's share service signs as, granted `vault` by its org's admin. */
export const VAULT_WALLET_LABEL = 'operator1';
/** `org/label` of each share service's ledger identity, for the role grants. */
export const VAULT_PEOPLE: Readonly<Record<string, readonly ['vault']>> = Object.fromEntries(BANKS.map((bank) => [`${bank}/${VAULT_WALLET_LABEL}`, ['vault'] as const]));

/** A vault client's certificate and key as files, as OFFICER_VAULT_CLIENT_* name them. */
export type ClientFiles = KeyPair & { readonly keyFile: string; readonly certFile: string };

export type RealShareServices = {
  readonly key: ConsortiumKey;
  /** The consortium public key file (OFFICER_VAULT_PUBLIC_KEY_FILE). */
  readonly publicKeyFile: string;
  /** PEM of the CAs that issue the services' certificates (OFFICER_VAULT_SERVER_CA_FILE). */
  readonly serverCaFile: string;
  readonly serverCas: readonly string[];
  /** `https://127.0.0.1:port` per share index - 1; a stopped service comes back on the same port. */
  readonly urls: readonly string[];
  /** Each org's vault client certificate. */
  clientOf(org: OrgHandle): ClientFiles;
  /** Stops the services at these share indexes (1-based). */
  stop(...shareIndexes: number[]): Promise<void>;
  /** Starts the stopped services at these share indexes again, on their ports. */
  restart(...shareIndexes: number[]): Promise<void>;
  close(): Promise<void>;
};

/** Starts the three share services on `stack`'s network, writing certificates and key files under `folder`. */
export async function startRealShareServices(stack: StackConfig, folder: string): Promise<RealShareServices> {
  const key = generateConsortiumKey({ threshold: 2, shareCount: 3 });
  const orgs = Object.keys(CONSORTIUM_ORGS) as OrgHandle[];
  const cas = new Map<OrgHandle, TestCa>();
  for (const org of orgs) cas.set(org, await makeTestCa(org));
  const caOf = (org: OrgHandle): TestCa => cas.get(org) ?? missing(org);
  const clientAuthorities = orgs.map((org) => ({ mspId: CONSORTIUM_ORGS[org], ca: caOf(org).cert }));
  const clients = new Map<OrgHandle, ClientFiles>();
  for (const org of orgs) {
    const pair = await caOf(org).issue(`vault-client.${org.toLowerCase()}`, 'client');
    const keyFile = path.join(folder, `vault-client-${org}.key`);
    const certFile = path.join(folder, `vault-client-${org}.pem`);
    writeFileSync(keyFile, pair.key, { mode: 0o600 });
    writeFileSync(certFile, pair.cert);
    clients.set(org, { ...pair, keyFile, certFile });
  }
  const serverCas = BANKS.map((bank) => caOf(bank).cert);
  const serverCaFile = path.join(folder, 'share-service-cas.pem');
  writeFileSync(serverCaFile, serverCas.join(''));
  const publicKeyFile = path.join(folder, 'vault-public-key.json');
  writeFileSync(publicKeyFile, formatPublicKeyFile(key.publicKey));

  const ledgers: FabricVaultLedger[] = [];
  const services: ShareService[] = [];
  const tls: Array<{ key: string; cert: string }> = [];
  for (const [index, bank] of BANKS.entries()) {
    const files = fabricClientFiles(stack, bank);
    const ledger = await connectFabricVaultLedger({
      connectionProfile: JSON.parse(readFileSync(files.connectionProfile, 'utf8')) as Record<string, unknown>,
      walletPath: files.wallet,
      walletLabel: VAULT_WALLET_LABEL,
      mspId: CONSORTIUM_ORGS[bank],
      channel: 'rwa',
      chaincode: 'trestle',
    });
    ledgers.push(ledger);
    const keyShare = key.keyShares[index] ?? missing(bank);
    services.push(new ShareService({ keyShare, gate: new LedgerAccessGate(ledger), clock: () => new Date() }));
    tls.push(await caOf(bank).issue(`share-service.${bank.toLowerCase()}`, 'server'));
  }

  const running = new Map<number, RunningShareServer>();
  const ports: number[] = [];
  const start = async (shareIndex: number): Promise<void> => {
    const service = services[shareIndex - 1];
    const pair = tls[shareIndex - 1];
    if (service === undefined || pair === undefined) throw new RangeError(`no share service ${shareIndex}`);
    const server = await startShareServiceServer({ service, tls: { ...pair, clients: clientAuthorities }, port: ports[shareIndex - 1] ?? 0 });
    ports[shareIndex - 1] = Number(new URL(server.url).port);
    running.set(shareIndex, server);
  };
  for (const shareIndex of [1, 2, 3]) await start(shareIndex);
  const stop = async (...shareIndexes: number[]) => {
    for (const shareIndex of shareIndexes) {
      await running.get(shareIndex)?.close();
      running.delete(shareIndex);
    }
  };
  return {
    key,
    publicKeyFile,
    serverCaFile,
    serverCas,
    urls: ports.map((port) => `https://127.0.0.1:${port}`),
    clientOf: (org) => clients.get(org) ?? missing(org),
    stop,
    async restart(...shareIndexes) {
      for (const shareIndex of shareIndexes) if (!running.has(shareIndex)) await start(shareIndex);
    },
    async close() {
      await stop(...running.keys());
      for (const ledger of ledgers) ledger.close();
      await Promise.all([...cas.values()].map((ca) => ca.dispose()));
    },
  };
}

function missing(what: string): never {
  throw new Error(`the share services have nothing for ${what}`);
}
