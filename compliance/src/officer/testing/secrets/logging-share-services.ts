import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import type { DecryptionShare } from '../../../vault/envelope/decryption-share';
import type { KeyShare } from '../../../vault/keys/key-share';
import { startShareServiceServer, type RunningShareServer } from '../../../vault/share-service/http/share-service-server';
import { ShareService, type DecryptionShareSource } from '../../../vault/share-service/share-service';
import { ledgerGateOf, SERVICE_IDENTITIES } from '../../../vault/testing/ledger-vault-world';
import type { KeyPair } from '../../../vault/testing/vault-tls';

// TEST-ONLY: three banks' share services over HTTPS with mutual TLS, started the way
// vault/share-service/http/main.ts starts one (its log line at start, its failure log on stderr),
// each gate on the IN-PROCESS STUB LEDGER. Unlike share-service-harness.ts, the services log to the
// console as in production, and every share they answer is kept (from the test side, by wrapping
// the service) so the parent can search the output for it.

/** What a running set of services gives the run. */
export type LoggingShareServices = {
  readonly servers: readonly RunningShareServer[];
  /** Every decryption share the services answered, in order. */
  readonly answered: readonly DecryptionShare[];
  /** Stops the service with this share index (1-based). */
  stop(shareIndex: number): Promise<void>;
  close(): Promise<void>;
};

/** One bank's service: its key share (read from its ceremony file), its TLS pair and the orgs it answers. */
export type BankShareService = { readonly keyShare: KeyShare; readonly tls: KeyPair };

/** Starts one service per entry, in share order, answering vault clients of `clients`' CAs. */
export async function startLoggingShareServices(worldState: WorldState, banks: readonly BankShareService[], clients: readonly { mspId: string; ca: string }[]): Promise<LoggingShareServices> {
  const answered: DecryptionShare[] = [];
  const servers: RunningShareServer[] = [];
  for (const [index, bank] of banks.entries()) {
    const identity = SERVICE_IDENTITIES[index];
    if (identity === undefined) throw new Error('the stub ledger has three share service identities');
    const service = new ShareService({ keyShare: bank.keyShare, gate: ledgerGateOf(worldState, identity), clock: () => new Date() });
    const recording: DecryptionShareSource = {
      async signDecryptionShare(request) {
        const share = await service.signDecryptionShare(request);
        answered.push(share);
        return share;
      },
    };
    const server = await startShareServiceServer({ service: recording, tls: { ...bank.tls, clients }, log: (line) => console.error(`[vault-share] ${line}`) });
    // main.ts's start line: the share index and the orgs only.
    console.log(`[vault-share] share ${service.shareIndex} of key ${service.publicKey.slice(0, 16)}… listening on ${server.url} for ${clients.map(({ mspId }) => mspId).join(', ')}`);
    servers.push(server);
  }
  const stopped = new Set<number>();
  return {
    servers,
    answered,
    async stop(shareIndex) {
      stopped.add(shareIndex);
      await servers[shareIndex - 1]?.close();
    },
    close: async () => {
      await Promise.all(servers.map((server, index) => (stopped.has(index + 1) ? undefined : server.close())));
    },
  };
}
